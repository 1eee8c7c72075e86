package vn.kyso.ca;

import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.kyso.audit.AuditLog;
import vn.kyso.common.Text;

/**
 * Every CA Kyso knows, built-in or outside, and the trust decisions about them: which anchors
 * are trusted, and which CA issued a certificate someone wants to import.
 */
@Service
public class CertificateAuthorities {

    private final CaRepository cas;
    private final BuiltInCa builtIn;
    private final AuditLog audit;
    private final Clock clock;
    private final JdbcClient jdbc;

    public CertificateAuthorities(CaRepository cas, BuiltInCa builtIn, AuditLog audit, Clock clock, JdbcClient jdbc) {
        this.cas = cas;
        this.builtIn = builtIn;
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    public BuiltInCa builtIn() {
        return builtIn;
    }

    public Optional<CaRecord> byName(String name) {
        return cas.findByName(name);
    }

    public CaRecord byId(long id) {
        return cas.findById(id).orElseThrow();
    }

    public List<CaRecord> all() {
        return cas.findAllByOrderByName();
    }

    public CertificateAuthority of(CaRecord record) {
        boolean ours = record.kind() == CaKind.BUILT_IN;
        List<X509Certificate> chain = new ArrayList<>();
        for (CaRecord r = record; r != null; r = r.parentId() == null ? null : cas.findById(r.parentId()).orElse(null)) {
            chain.add(r.x509());
        }
        return new CertificateAuthority() {
            @Override public CaRecord record() { return record; }
            @Override public List<X509Certificate> chain() { return chain; }
            @Override public boolean issues() { return ours && BuiltInCa.ISSUING.equals(record.name()); }
            @Override public boolean supportsHold() { return ours; }
        };
    }

    /**
     * Every CA's certificate, in name order. Read for every verification, so as plain rows: mapping
     * whole records cost more than the rest of assembling a verification's trust.
     */
    public List<X509Certificate> certificates() {
        return jdbc.sql("SELECT certificate FROM ca ORDER BY name")
                .query((rs, n) -> ParsedCertificates.of(rs.getBytes(1))).list();
    }

    /** The configured anchors plus Kyso's own root. */
    public Set<TrustAnchor> trustAnchors() {
        Set<TrustAnchor> set = new HashSet<>();
        set.add(new TrustAnchor(builtIn.rootCertificate(), null));
        jdbc.sql("SELECT certificate FROM trust_anchor")
                .query((rs, n) -> ParsedCertificates.of(rs.getBytes(1))).list()
                .forEach(c -> set.add(new TrustAnchor(c, null)));
        return set;
    }

    /** The result of chaining a certificate to a trust anchor: its issuer, and the path above it. */
    public record IssuerPath(X509Certificate issuer, List<X509Certificate> above) {
    }

    /**
     * Builds a path from {@code leaf} through {@code intermediates} to a trust anchor, as of
     * {@code at}. Revocation is not checked here: an imported certificate's revocation state comes
     * from its CA's CRLs afterwards. Throws IllegalArgumentException with the reason.
     */
    public IssuerPath chainToAnchor(X509Certificate leaf, List<X509Certificate> intermediates, Instant at) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trustAnchors(), target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            // The anchors are trust anchors only, never candidate intermediates: offered as both, every
            // anchor sharing a name became a candidate issuer of every other, and a path that failed
            // validation sent the builder through all their orderings (an import never ended).
            List<Object> store = new ArrayList<>(intermediates);
            store.add(leaf);
            store.addAll(certificates());
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
            var result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX", Pki.BC).build(parameters);
            @SuppressWarnings("unchecked")
            List<X509Certificate> path = (List<X509Certificate>) result.getCertPath().getCertificates();
            List<X509Certificate> above = new ArrayList<>(path.subList(1, path.size()));
            above.add(result.getTrustAnchor().getTrustedCert());
            return new IssuerPath(above.get(0), above);
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalArgumentException(reason, e);
        }
    }

    /** The CA record for an issuer certificate, created as an outside CA the first time it is seen. */
    public CaRecord recordFor(X509Certificate issuer, List<X509Certificate> above) {
        String keyHash = Pki.keyHash(issuer.getPublicKey());
        for (CaRecord r : cas.findByKeyHash(keyHash)) {
            if (r.x509().getSubjectX500Principal().equals(issuer.getSubjectX500Principal())) {
                return r;
            }
        }
        Long parentId = null;
        if (above.size() > 1 && !above.get(1).equals(issuer)) {
            parentId = recordFor(above.get(1), above.subList(1, above.size())).id();
        }
        CaRecord row = new CaRecord();
        row.name = uniqueName(issuer);
        row.kind = CaKind.OUTSIDE;
        row.subjectDn = issuer.getSubjectX500Principal().getName();
        row.keyHash = keyHash;
        row.certificate = Pki.encoded(issuer);
        row.parentId = parentId;
        row.createdAt = clock.instant();
        cas.save(row);
        audit.record(new AuditLog.Change("ca.register", "ca", row.name, null, null,
                Map.of("subject", row.subjectDn, "keyHash", keyHash, "sha256", Pki.sha256Hex(row.certificate))));
        return row;
    }

    /** "CA phục vụ các cơ quan Nhà nước G2" becomes "ca-phuc-vu-cac-co-quan-nha-nuoc-g2". */
    private String uniqueName(X509Certificate certificate) {
        String cn = certificate.getSubjectX500Principal().getName();
        try {
            var rdns = new javax.naming.ldap.LdapName(cn).getRdns();
            for (var rdn : rdns) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = rdn.getValue().toString();
                }
            }
        } catch (javax.naming.InvalidNameException ignored) {
            // keep the whole name
        }
        String base = Text.fold(cn).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        base = base.isEmpty() ? "ca" : base.substring(0, Math.min(48, base.length())).toLowerCase(Locale.ROOT);
        String name = base;
        for (int n = 2; cas.findByName(name).isPresent(); n++) {
            name = base + "-" + n;
        }
        return name;
    }
}
