package vn.kyso.ca;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kyso.common.KysoProperties;
import vn.kyso.common.db.Db;

/**
 * The built-in CAs' CRLs, signed on demand and cached. A revocation bumps its CA's
 * revocation_version in the revoking transaction; the next request sees the cached CRL is older
 * and signs a new one. So a revocation is in the CRL as soon as it commits, on every instance,
 * and an unchanged CRL is re-signed only when it is {@code crlRefresh} old.
 */
@Service
public class CrlPublisher {

    // Revoked certificates stay listed until they expire (RFC 5280 3.3); after that nobody can rely on them.
    // V13's certificate_crl index holds every column read here, so the rows (each with its DER) are not read.
    static final String ENTRIES = """
            SELECT serial, revoked_at, revocation_reason, invalidity_date FROM certificate
            WHERE ca_id = :ca AND status IN ('REVOKED', 'ON_HOLD') AND not_after >= :now""";

    private final CaRepository cas;
    private final BuiltInCa builtIn;
    private final JdbcClient jdbc;
    private final Db db;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final KysoProperties.Ca settings;
    private final Map<Long, Signed> cache = new ConcurrentHashMap<>();

    public CrlPublisher(CaRepository cas, BuiltInCa builtIn, JdbcClient jdbc, Db db, TransactionTemplate tx,
            Clock clock, KysoProperties properties) {
        this.cas = cas;
        this.builtIn = builtIn;
        this.jdbc = jdbc;
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.settings = properties.ca();
    }

    private record Signed(long revocationVersion, Instant thisUpdate, Instant nextUpdate, byte[] der) {
    }

    public record Crl(byte[] der, Instant thisUpdate, Instant nextUpdate) {
    }

    public Crl current(CaRecord ca) {
        if (ca.kind() != CaKind.BUILT_IN) {
            throw new IllegalArgumentException("Kyso publishes CRLs for its own CAs only");
        }
        long version = cas.revocationVersion(ca.id());
        Instant now = clock.instant();
        Signed cached = cache.get(ca.id());
        if (fresh(cached, version, now)) {
            return new Crl(cached.der(), cached.thisUpdate(), cached.nextUpdate());
        }
        synchronized (this) {
            cached = cache.get(ca.id());
            version = cas.revocationVersion(ca.id());
            if (!fresh(cached, version, now)) {
                cached = sign(ca, version);
                cache.put(ca.id(), cached);
            }
        }
        return new Crl(cached.der(), cached.thisUpdate(), cached.nextUpdate());
    }

    private boolean fresh(Signed cached, long version, Instant now) {
        return cached != null && cached.revocationVersion() == version
                && now.isBefore(cached.thisUpdate().plus(settings.crlRefresh()));
    }

    private Signed sign(CaRecord ca, long version) {
        Instant thisUpdate = clock.instant();
        Instant nextUpdate = thisUpdate.plus(settings.crlValidity());
        CrlEncoder crl = new CrlEncoder();
        jdbc.sql(ENTRIES)
                .param("ca", ca.id()).param("now", db.instant(thisUpdate))
                .query((RowCallbackHandler) rs -> crl.add(rs.getString(1), db.instant(rs, "revoked_at"),
                        reasonCode(rs.getString(3)), db.instant(rs, "invalidity_date")));
        long number = tx.execute(status -> {
            cas.nextCrlNumber(ca.id(), thisUpdate, nextUpdate);
            return cas.crlNumber(ca.id());
        });
        var issuer = ca.x509();
        try {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            extensions.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer));
            byte[] der = crl.sign(builtIn.signerFor(ca.name()),
                    X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), thisUpdate, nextUpdate,
                    extensions.generate());
            return new Signed(version, thisUpdate, nextUpdate, der);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build the CRL of " + ca.name(), e);
        }
    }

    /** The revocation_reason column holds RevocationReason names; their RFC 5280 codes. */
    static int reasonCode(String name) {
        if (name == null) {
            return 0;
        }
        return switch (name) {
            case "KEY_COMPROMISE" -> CRLReason.keyCompromise;
            case "CA_COMPROMISE" -> CRLReason.cACompromise;
            case "AFFILIATION_CHANGED" -> CRLReason.affiliationChanged;
            case "SUPERSEDED" -> CRLReason.superseded;
            case "CESSATION_OF_OPERATION" -> CRLReason.cessationOfOperation;
            case "CERTIFICATE_HOLD" -> CRLReason.certificateHold;
            case "PRIVILEGE_WITHDRAWN" -> CRLReason.privilegeWithdrawn;
            case "AA_COMPROMISE" -> CRLReason.aACompromise;
            default -> CRLReason.unspecified;
        };
    }
}
