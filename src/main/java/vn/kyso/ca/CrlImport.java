package vn.kyso.ca;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.Extension;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kyso.audit.AuditLog;
import vn.kyso.common.ApiException;
import vn.kyso.common.db.Db;

/**
 * Applies a CRL published by an outside CA. It must be signed by a CA Kyso knows (one whose
 * certificates were imported, or a trust anchor), be a complete CRL, and be newer than the last
 * one applied. Every listed serial is remembered (the verifier needs them for certificates Kyso
 * does not hold); every certificate Kyso holds that it lists turns revoked, in one transaction.
 */
@Service
public class CrlImport {

    /** A CRL dated further ahead than this is refused: its issuer's clock, or the file, is wrong. */
    private static final Duration SKEW = Duration.ofMinutes(10);

    private final CaRepository cas;
    private final CertificateAuthorities authorities;
    private final TrustAnchorRepository anchors;
    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final Db db;
    private final AuditLog audit;
    private final Clock clock;
    private final Holds holds;

    public CrlImport(CaRepository cas, CertificateAuthorities authorities, TrustAnchorRepository anchors, JdbcClient jdbc,
            org.springframework.jdbc.core.JdbcTemplate batch, Db db, AuditLog audit, Clock clock, Holds holds) {
        this.cas = cas;
        this.authorities = authorities;
        this.anchors = anchors;
        this.jdbc = jdbc;
        this.batch = batch;
        this.db = db;
        this.holds = holds;
        this.audit = audit;
        this.clock = clock;
    }

    public record Result(String issuer, BigInteger crlNumber, Instant thisUpdate, Instant nextUpdate, int entries,
            List<String> certificatesRevoked, List<String> certificatesReleased) {
    }

    @Transactional
    public Result apply(byte[] data) {
        X509CRL crl = parse(data);
        if (crl.getExtensionValue(Extension.deltaCRLIndicator.getId()) != null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "error.crl.delta", null);
        }
        CaRecord issuer = issuerOf(crl);
        if (issuer.kind() == CaKind.BUILT_IN) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "error.crl.ownCa", null);
        }
        try {
            crl.verify(issuer.x509().getPublicKey(), Pki.BC);
        } catch (Exception e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "error.crl.signature", null, issuer.name());
        }
        Instant now = clock.instant();
        Instant thisUpdate = crl.getThisUpdate().toInstant();
        if (thisUpdate.isAfter(now.plus(SKEW))) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "error.crl.future", null, thisUpdate);
        }
        BigInteger number = crlNumber(crl);
        long applied = issuer.crlNumber;
        if (number != null ? number.compareTo(BigInteger.valueOf(applied)) <= 0
                : issuer.crlThisUpdate != null && !thisUpdate.isAfter(issuer.crlThisUpdate)) {
            throw ApiException.conflict("error.crl.notNewer", issuer.name(), number == null ? thisUpdate : number);
        }

        Map<String, X509CRLEntry> listed = new HashMap<>();
        if (crl.getRevokedCertificates() != null) {
            for (X509CRLEntry entry : crl.getRevokedCertificates()) {
                listed.put(Pki.hex(entry.getSerialNumber()), entry);
            }
        }
        jdbc.sql("DELETE FROM crl_entry WHERE ca_id = :ca").param("ca", issuer.id()).update();
        List<Object[]> rows = new ArrayList<>();
        for (var e : listed.entrySet()) {
            rows.add(new Object[] {issuer.id(), e.getKey(), db.instant(e.getValue().getRevocationDate().toInstant()),
                reasonName(e.getValue())});
        }
        batch.batchUpdate(
                "INSERT INTO crl_entry (ca_id, serial, revoked_at, reason) VALUES (?, ?, ?, ?)", rows);

        List<String> revoked = new ArrayList<>();
        List<String> released = new ArrayList<>();
        // an issuing distribution point may narrow what the CRL covers: absence from it proves nothing
        boolean coversAll = crl.getExtensionValue(Extension.issuingDistributionPoint.getId()) == null;
        List<Held> held = jdbc.sql("SELECT id, serial, status, not_after FROM certificate WHERE ca_id = :ca"
                + " AND status <> 'REVOKED'").param("ca", issuer.id())
                .query((rs, n) -> new Held(rs.getLong("id"), rs.getString("serial"),
                        "ON_HOLD".equals(rs.getString("status")), db.instant(rs, "not_after"))).list();
        for (Held h : held) {
            X509CRLEntry entry = listed.get(h.serial());
            if (entry == null) {
                // a full CRL that no longer lists a held certificate has released it (removeFromCRL);
                // one that has expired may simply have been dropped from the list
                if (coversAll && h.onHold() && h.notAfter().isAfter(thisUpdate)) {
                    release(h, thisUpdate, now, issuer, number);
                    released.add(h.serial());
                }
                continue;
            }
            String reason = reasonName(entry);
            boolean hold = "CERTIFICATE_HOLD".equals(reason);
            if (hold && h.onHold()) {
                continue;
            }
            Instant at = entry.getRevocationDate().toInstant();
            if (hold) {
                holds.held(h.id(), at);
            } else if (h.onHold()) {
                holds.ended(h.id(), at);
            }
            jdbc.sql("""
                    UPDATE certificate SET status = :status, revoked_at = :at, revocation_reason = :reason,
                        invalidity_date = :invalidity, revocation_comment = :comment, updated_at = :now,
                        version = version + 1
                    WHERE id = :id""")
                    .param("status", hold ? "ON_HOLD" : "REVOKED")
                    .param("at", db.instant(entry.getRevocationDate().toInstant()))
                    .param("reason", reason == null ? "UNSPECIFIED" : reason)
                    .param("invalidity", db.instant(invalidityDate(entry)))
                    .param("comment", "CRL " + (number == null ? thisUpdate : number))
                    .param("now", db.instant(now)).param("id", h.id()).update();
            revoked.add(h.serial());
            audit.record(new AuditLog.Change(hold ? "certificate.hold" : "certificate.revoke", "certificate",
                    h.serial(), agencyOf(h.id()), Map.of("status", h.onHold() ? "ON_HOLD" : "GOOD"),
                    Map.of("status", hold ? "ON_HOLD" : "REVOKED", "reason", reason == null ? "UNSPECIFIED" : reason,
                            "source", "CRL of " + issuer.name())));
        }
        jdbc.sql("""
                UPDATE ca SET crl_number = :number, crl_this_update = :thisUpdate, crl_next_update = :nextUpdate,
                    revocation_version = revocation_version + 1 WHERE id = :id""")
                .param("number", number == null ? applied + 1 : number.longValueExact())
                .param("thisUpdate", db.instant(thisUpdate))
                .param("nextUpdate", db.instant(crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant()))
                .param("id", issuer.id()).update();
        Result result = new Result(issuer.name(), number, thisUpdate,
                crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant(), listed.size(), revoked, released);
        audit.record(new AuditLog.Change("crl.import", "ca", issuer.name(), null, null, Map.of(
                "crlNumber", String.valueOf(number), "thisUpdate", thisUpdate.toString(), "entries", listed.size(),
                "certificatesRevoked", revoked, "certificatesReleased", released)));
        return result;
    }

    private void release(Held h, Instant thisUpdate, Instant now, CaRecord issuer, BigInteger number) {
        holds.ended(h.id(), thisUpdate);
        jdbc.sql("""
                UPDATE certificate SET status = 'GOOD', revoked_at = NULL, revocation_reason = NULL,
                    revocation_case = NULL, invalidity_date = NULL, revocation_comment = NULL, updated_at = :now,
                    version = version + 1
                WHERE id = :id""").param("now", db.instant(now)).param("id", h.id()).update();
        audit.record(new AuditLog.Change("certificate.release", "certificate", h.serial(), agencyOf(h.id()),
                Map.of("status", "ON_HOLD"), Map.of("status", "GOOD", "source", "CRL of " + issuer.name()
                        + " " + (number == null ? thisUpdate : number))));
    }

    private record Held(long id, String serial, boolean onHold, Instant notAfter) {
    }

    private Long agencyOf(long certificateId) {
        return jdbc.sql("SELECT s.agency_id FROM certificate c JOIN subscriber s ON s.id = c.subscriber_id WHERE c.id = :id")
                .param("id", certificateId).query(Long.class).optional().orElse(null);
    }

    private static final String PEM_BEGIN = "-----BEGIN X509 CRL-----";
    private static final String PEM_END = "-----END X509 CRL-----";

    private static X509CRL parse(byte[] data) {
        byte[] der = data;
        String text = new String(data, StandardCharsets.US_ASCII);
        int begin = text.indexOf(PEM_BEGIN);
        if (begin >= 0) {
            int end = text.indexOf(PEM_END, begin + PEM_BEGIN.length());
            if (end < 0) {
                throw ApiException.badField("crl", "error.crl.malformed");
            }
            try {
                der = java.util.Base64.getMimeDecoder().decode(text.substring(begin + PEM_BEGIN.length(), end).strip());
            } catch (IllegalArgumentException e) {
                throw ApiException.badField("crl", "error.crl.malformed");
            }
        }
        X509CRL crl;
        try {
            // The factory answers null, not an exception, when the bytes hold no CRL at all (an empty body).
            crl = (X509CRL) CertificateFactory.getInstance("X.509", Pki.BC).generateCRL(new ByteArrayInputStream(der));
        } catch (Exception e) {
            throw ApiException.badField("crl", "error.crl.malformed");
        }
        if (crl == null) {
            throw ApiException.badField("crl", "error.crl.malformed");
        }
        try {
            // Bouncy Castle decodes the parts of a CRL only when they are read: the issuer name, the entries
            // and the dates are decoded here, so damage inside them is a malformed CRL, not a failure halfway
            // through applying it.
            crl.getTBSCertList();
            crl.getIssuerX500Principal();
            crl.getThisUpdate();
            crl.getNextUpdate();
            if (crl.getRevokedCertificates() != null) {
                for (X509CRLEntry entry : crl.getRevokedCertificates()) {
                    entry.getRevocationDate();
                }
            }
        } catch (java.security.cert.CRLException | RuntimeException e) {
            throw ApiException.badField("crl", "error.crl.malformed");
        }
        return crl;
    }

    private CaRecord issuerOf(X509CRL crl) {
        var issuerName = crl.getIssuerX500Principal();
        byte[] aki = crl.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        for (CaRecord ca : authorities.all()) {
            if (ca.x509().getSubjectX500Principal().equals(issuerName) && keyMatches(ca.x509(), aki)) {
                return ca;
            }
        }
        for (TrustAnchor anchor : anchors.findAll()) {
            X509Certificate certificate = anchor.x509();
            if (certificate.getSubjectX500Principal().equals(issuerName) && keyMatches(certificate, aki)) {
                return authorities.recordFor(certificate, List.of(certificate));
            }
        }
        throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "error.crl.unknownIssuer", null, issuerName.getName());
    }

    /** Without an AKI the name decides; with one, it must name this CA's key. */
    private static boolean keyMatches(X509Certificate ca, byte[] akiExtension) {
        if (akiExtension == null) {
            return true;
        }
        try {
            var aki = org.bouncycastle.asn1.x509.AuthorityKeyIdentifier.getInstance(
                    ASN1OctetString.getInstance(akiExtension).getOctets());
            byte[] skiExtension = ca.getExtensionValue(Extension.subjectKeyIdentifier.getId());
            if (aki.getKeyIdentifierObject() == null || skiExtension == null) {
                return true;
            }
            byte[] ski = ASN1OctetString.getInstance(ASN1OctetString.getInstance(skiExtension).getOctets()).getOctets();
            return java.util.Arrays.equals(ski, aki.getKeyIdentifierObject().getOctets());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static BigInteger crlNumber(X509CRL crl) {
        byte[] value = crl.getExtensionValue(Extension.cRLNumber.getId());
        if (value == null) {
            return null;
        }
        BigInteger number;
        try {
            number = ASN1Integer.getInstance(ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(value).getOctets()))
                    .getValue();
        } catch (Exception e) {
            throw ApiException.badField("crl", "error.crl.malformed");
        }
        // RFC 5280 allows 20 octets; Kyso keeps the last applied number in a 64-bit column.
        if (number.bitLength() > 63) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "error.crl.numberTooLarge", null, number.toString());
        }
        return number;
    }

    private static String reasonName(X509CRLEntry entry) {
        byte[] value = entry.getExtensionValue(Extension.reasonCode.getId());
        if (value == null) {
            return null;
        }
        try {
            int code = ASN1Enumerated.getInstance(ASN1Primitive.fromByteArray(
                    ASN1OctetString.getInstance(value).getOctets())).intValueExact();
            return switch (code) {
                case 1 -> "KEY_COMPROMISE";
                case 2 -> "CA_COMPROMISE";
                case 3 -> "AFFILIATION_CHANGED";
                case 4 -> "SUPERSEDED";
                case 5 -> "CESSATION_OF_OPERATION";
                case 6 -> "CERTIFICATE_HOLD";
                case 9 -> "PRIVILEGE_WITHDRAWN";
                case 10 -> "AA_COMPROMISE";
                default -> "UNSPECIFIED";
            };
        } catch (Exception e) {
            return null;
        }
    }

    private static Instant invalidityDate(X509CRLEntry entry) {
        byte[] value = entry.getExtensionValue(Extension.invalidityDate.getId());
        if (value == null) {
            return null;
        }
        try {
            return org.bouncycastle.asn1.ASN1GeneralizedTime.getInstance(
                    ASN1OctetString.getInstance(value).getOctets()).getDate().toInstant();
        } catch (Exception e) {
            return null;
        }
    }
}
