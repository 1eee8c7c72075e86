package vn.kyso.verify.path;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kyso.ca.CaKind;
import vn.kyso.ca.ParsedCertificates;
import vn.kyso.ca.Pki;
import vn.kyso.certificate.RevocationReason;
import vn.kyso.common.db.Db;

/**
 * Revocation as Kyso's own records say it. For its built-in CA the certificate table is the
 * whole truth: every certificate that CA signed is a row. A serial it has no row for (or whose
 * row holds other bytes) is answered UNKNOWN rather than left to CRLs, because a CRL would call
 * a certificate it never issued "not revoked"; Kyso's OCSP responder answers "unknown" alike.
 * For an outside CA, the last imported CRL's entries answer, once one was imported: a listed serial
 * is revoked, and an unlisted one good while that CRL has not passed its next update.
 */
@Component
public class RegistryRevocation implements RevocationRegistry {

    private final JdbcClient jdbc;
    private final Db db;
    private final java.time.Clock clock;

    public RegistryRevocation(JdbcClient jdbc, Db db, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.db = db;
        this.clock = clock;
    }

    private record Ca(long id, CaKind kind, byte[] certificate, Instant crlThisUpdate, Instant crlNextUpdate) {
    }

    private record Row(String status, Instant revokedAt, String reason, byte[] der) {
    }

    @Override
    public Optional<CertStatus> status(X509Certificate certificate, X509Certificate issuer) {
        if (issuer == null) {
            return Optional.empty();
        }
        List<Ca> cas = jdbc.sql("SELECT id, kind, certificate, crl_this_update, crl_next_update FROM ca"
                + " WHERE key_hash = :hash")
                .param("hash", Pki.keyHash(issuer.getPublicKey()))
                .query((rs, n) -> new Ca(rs.getLong("id"), CaKind.valueOf(rs.getString("kind")),
                        rs.getBytes("certificate"), db.instant(rs, "crl_this_update"), db.instant(rs, "crl_next_update")))
                .list();
        String serial = Pki.hex(certificate.getSerialNumber());
        for (Ca ca : cas) {
            if (!ParsedCertificates.of(ca.certificate()).getSubjectX500Principal().equals(issuer.getSubjectX500Principal())) {
                continue;
            }
            return ca.kind() == CaKind.BUILT_IN ? fromCertificates(ca, certificate, serial) : fromCrl(ca, certificate, serial);
        }
        return Optional.empty();
    }

    private Optional<CertStatus> fromCertificates(Ca ca, X509Certificate certificate, String serial) {
        Optional<Row> row = jdbc.sql("""
                SELECT status, revoked_at, revocation_reason, der FROM certificate WHERE ca_id = :ca AND serial = :serial""")
                .param("ca", ca.id()).param("serial", serial)
                .query((rs, n) -> new Row(rs.getString("status"), db.instant(rs, "revoked_at"),
                        rs.getString("revocation_reason"), rs.getBytes("der")))
                .optional();
        if (row.isEmpty() && isOwnCa(certificate)) {
            // the root's only subjects are Kyso's CAs, which are recorded in the ca table, never revoked there
            return Optional.of(status(certificate, CertStatus.State.GOOD, null, null));
        }
        if (row.isEmpty() || !Arrays.equals(row.get().der(), Pki.encoded(certificate))) {
            return Optional.of(status(certificate, CertStatus.State.UNKNOWN, null, null));
        }
        Row r = row.get();
        return switch (r.status()) {
            case "REVOKED" -> Optional.of(status(certificate, CertStatus.State.REVOKED, r.revokedAt(), rfcName(r.reason())));
            case "ON_HOLD" -> Optional.of(status(certificate, CertStatus.State.REVOKED, r.revokedAt(), "certificateHold"));
            default -> Optional.of(status(certificate, CertStatus.State.GOOD, null, null));
        };
    }

    private boolean isOwnCa(X509Certificate certificate) {
        byte[] der = Pki.encoded(certificate);
        return jdbc.sql("SELECT certificate FROM ca WHERE key_hash = :hash AND kind = 'BUILT_IN'")
                .param("hash", Pki.keyHash(certificate.getPublicKey()))
                .query((rs, n) -> rs.getBytes("certificate")).list().stream().anyMatch(c -> Arrays.equals(c, der));
    }

    private Optional<CertStatus> fromCrl(Ca ca, X509Certificate certificate, String serial) {
        if (ca.crlThisUpdate() == null) {
            return Optional.empty();
        }
        Optional<CertStatus> listed = jdbc.sql("SELECT revoked_at, reason FROM crl_entry WHERE ca_id = :ca AND serial = :serial")
                .param("ca", ca.id()).param("serial", serial)
                .query((rs, n) -> status(certificate, CertStatus.State.REVOKED, db.instant(rs, "revoked_at"),
                        rfcName(rs.getString("reason"))))
                .optional();
        if (listed.isPresent()) {
            return listed;
        }
        // "Not listed" means good only until the CRL's next update; after it, the CA may have revoked since.
        boolean fresh = ca.crlNextUpdate() == null || !ca.crlNextUpdate().isBefore(clock.instant());
        return fresh ? Optional.of(status(certificate, CertStatus.State.GOOD, null, null)) : Optional.empty();
    }

    private static CertStatus status(X509Certificate certificate, CertStatus.State state, Instant at, String reason) {
        return new CertStatus(certificate, state, CertStatus.Source.REGISTRY, at, reason, false);
    }

    /** Stored as RevocationReason names; CertStatus speaks RFC 5280 names. */
    private static String rfcName(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return RevocationReason.valueOf(stored).rfcName();
        } catch (IllegalArgumentException e) {
            return stored;
        }
    }
}
