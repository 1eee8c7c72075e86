package vn.kyso.ca;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPRequest;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.kyso.common.KysoProperties;
import vn.kyso.common.db.Db;

/**
 * RFC 6960 answers for certificates of Kyso's issuing CA, read straight from the database, so a
 * revocation is visible the moment it commits. Signed by the delegated OCSP signer. A request
 * for another CA's certificate gets "unauthorized"; a serial this CA never issued, "unknown".
 * <p>
 * Signing is most of an answer's cost, and relying parties ask about the same certificates again
 * and again, so an answer about one known certificate without a nonce is kept for up to a minute
 * and sent again, as RFC 5019 allows for pre-produced responses. It is kept by the request's
 * bytes, together with the CA's revocation version, read before the status: any revocation, hold
 * or release commits a new version, and the next question gets a freshly signed answer.
 */
@Service
public class OcspResponder {

    /** A single request carrying more is refused as malformed: nobody needs that many at once. */
    static final int MAX_CERTIFICATES = 32;
    static final Duration REUSE = Duration.ofMinutes(1);
    /** Enough for every active signer of a province to be asked about at once; cleared when full. */
    private static final int MAX_KEPT = 50_000;

    private record Kept(long revocationVersion, Instant producedAt, byte[] response) {
    }

    private final Map<ByteBuffer, Kept> kept = new ConcurrentHashMap<>();

    private final BuiltInCa builtIn;
    private final JdbcClient jdbc;
    private final Db db;
    private final Clock clock;
    private final KysoProperties.Ca settings;
    private final DigestCalculatorProvider digests;
    private final X509CertificateHolder issuer;

    public OcspResponder(BuiltInCa builtIn, JdbcClient jdbc, Db db, Clock clock, KysoProperties properties) {
        this.builtIn = builtIn;
        this.jdbc = jdbc;
        this.db = db;
        this.clock = clock;
        this.settings = properties.ca();
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(Pki.BC).build();
            this.issuer = new JcaX509CertificateHolder(builtIn.issuingCertificate());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot set up the OCSP responder", e);
        }
    }

    /** Always an encoded OCSPResponse: protocol errors are answered in the protocol. */
    public byte[] respond(byte[] request) {
        try {
            // the same bytes ask the same question: a kept answer needs no parsing
            Instant now = clock.instant();
            long version = revocationVersion();
            Kept ready = kept.get(ByteBuffer.wrap(request));
            if (ready != null && ready.revocationVersion() == version && !now.isBefore(ready.producedAt())
                    && now.isBefore(ready.producedAt().plus(REUSE))) {
                return ready.response();
            }
            OCSPReq req = parse(request);
            if (req == null) {
                return status(OCSPRespBuilder.MALFORMED_REQUEST);
            }
            Req[] requests = req.getRequestList();
            if (requests.length == 0 || requests.length > MAX_CERTIFICATES) {
                return status(OCSPRespBuilder.MALFORMED_REQUEST);
            }
            Extension nonce = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            ByteBuffer key = nonce == null && requests.length == 1 ? ByteBuffer.wrap(request.clone()) : null;
            BuiltInCa.OcspSigner signer = builtIn.ocspSigner();
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
                    new RespID(new JcaX509CertificateHolder(signer.certificate()).getSubjectPublicKeyInfo(),
                            digests.get(RespID.HASH_SHA1)));
            Date thisUpdate = Date.from(now);
            Date nextUpdate = Date.from(now.plus(settings.ocspValidity()));
            boolean authoritative = false;
            boolean known = true;
            for (Req one : requests) {
                CertificateID id = one.getCertID();
                if (!issuedHere(id)) {
                    builder.addResponse(id, new UnknownStatus(), thisUpdate, nextUpdate, null);
                    continue;
                }
                authoritative = true;
                CertificateStatus status = status(id.getSerialNumber());
                // a serial not issued yet may be issued the next moment; only known answers are kept
                known &= !(status instanceof UnknownStatus);
                builder.addResponse(id, status, thisUpdate, nextUpdate, null);
            }
            if (!authoritative) {
                return status(OCSPRespBuilder.UNAUTHORIZED);
            }
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp basic = builder.build(builtIn.ocspContentSigner(),
                    new X509CertificateHolder[] {new JcaX509CertificateHolder(signer.certificate())}, thisUpdate);
            byte[] response = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
            if (key != null && known) {
                if (kept.size() >= MAX_KEPT) {
                    kept.clear();
                }
                kept.put(key, new Kept(version, now, response));
            }
            return response;
        } catch (Exception e) {
            return status(OCSPRespBuilder.INTERNAL_ERROR);
        }
    }

    /**
     * The request, decoded whole, or null when it is not a well-formed OCSPRequest. Bouncy Castle
     * decodes the parts of a request only when they are asked for, so each part is asked for here:
     * damage deep inside (a CertID that is not one, a bad extension) is the client's malformed
     * request, not an internal error of the responder halfway through the answer.
     */
    static OCSPReq parse(byte[] request) {
        try {
            // strict DER, and nothing after the request
            OCSPReq req = new OCSPReq(OCSPRequest.getInstance(ASN1Primitive.fromByteArray(request)));
            req.getEncoded();
            for (Req one : req.getRequestList()) {
                CertificateID id = one.getCertID();
                id.getHashAlgOID();
                id.getIssuerNameHash();
                id.getIssuerKeyHash();
                id.getSerialNumber();
                id.toASN1Primitive().getEncoded();
                one.getSingleRequestExtensions();
            }
            req.getRequestorName();
            req.getExtensionOIDs();
            req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            return req;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether the CertID names this CA; a hash algorithm Kyso does not know cannot name it. */
    private boolean issuedHere(CertificateID id) {
        try {
            return id.matchesIssuer(issuer, digests);
        } catch (OCSPException e) {
            return false;
        }
    }

    private record Row(String status, Instant revokedAt, String reason) {
    }

    /** Read outside any transaction: one indexed row, asked for by every OCSP request. */
    private long revocationVersion() {
        return jdbc.sql("SELECT revocation_version FROM ca WHERE id = :id")
                .param("id", builtIn.issuingRecord().id()).query(Long.class).single();
    }

    private CertificateStatus status(BigInteger serial) {
        Row row = jdbc.sql("SELECT status, revoked_at, revocation_reason FROM certificate WHERE ca_id = :ca AND serial = :serial")
                .param("ca", builtIn.issuingRecord().id()).param("serial", Pki.hex(serial))
                .query((rs, n) -> new Row(rs.getString("status"), db.instant(rs, "revoked_at"),
                        rs.getString("revocation_reason")))
                .optional().orElse(null);
        if (row == null) {
            return new UnknownStatus();
        }
        if ("GOOD".equals(row.status())) {
            return CertificateStatus.GOOD;
        }
        int code = CrlPublisher.reasonCode(row.reason());
        return new RevokedStatus(Date.from(row.revokedAt()), code == 0 ? CRLReason.unspecified : code);
    }

    private static byte[] status(int status) {
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (IOException | OCSPException e) {
            throw new IllegalStateException(e);
        }
    }
}
