package vn.kyso.verify.path;

import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import vn.kyso.ca.Pki;
import vn.kyso.common.Bilingual;
import vn.kyso.verify.SubIndication;
import vn.kyso.verify.path.PathBuilding.Candidate;
import vn.kyso.verify.path.PathResult.Outcome;

/**
 * RFC 5280 path building and validation, with revocation checked from local data only.
 *
 * <p>Paths are built here (every chain to an anchor, shortest first) and each is checked in turn
 * until one holds: signatures and validity first, so those failures get their own
 * sub-indication; then Bouncy Castle's PKIX validator for basic constraints, key usage, name
 * constraints, policies and critical extensions, with its revocation checking OFF so nothing is
 * ever fetched; then the usage asked for; then revocation from the registry, OCSP responses and
 * CRLs given. Holds no mutable state: one instance serves concurrent requests.
 */
public class PathValidator {

    // CRL signers are validated like any certificate; this bounds signer-of-signer recursion.
    private static final int MAX_NESTING = 3;

    private final RevocationRegistry registry;
    private final Clock clock;

    public PathValidator(RevocationRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    /** {@code clock} says when "now" is: revocation data issued after it is not believed. */
    public PathValidator(RevocationRegistry registry, Clock clock) {
        this.registry = Objects.requireNonNull(registry);
        this.clock = Objects.requireNonNull(clock);
    }

    public PathResult validate(PathInput input) {
        Objects.requireNonNull(input.target(), "target");
        Objects.requireNonNull(input.validationTime(), "validationTime");
        Objects.requireNonNull(input.options(), "options");
        // X.509 times have whole seconds; a notAfter of 00:00:00 still holds at 00:00:00.005
        PathInput atSecond = new PathInput(input.target(), input.untrusted(), input.anchors(), input.crls(), input.ocsp(),
                input.validationTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), input.options());
        try {
            return validate(atSecond, 0, new HashSet<>());
        } catch (RuntimeException e) {
            // malformed keys or extensions surface as runtime exceptions deep in the providers
            return new PathResult(Outcome.INDETERMINATE, SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE, List.of(),
                    List.of(), Explain.malformed(input.target(), String.valueOf(e.getMessage())));
        }
    }

    /** One attempt: a path and how far it got, so the most telling failure can be reported. */
    private record Attempt(int rank, PathResult result) {
    }

    private PathResult validate(PathInput input, int nesting, Set<X509Certificate> inProgress) {
        X509Certificate target = input.target();
        Set<TrustAnchor> anchors = input.anchors() == null ? Set.of() : input.anchors();
        for (TrustAnchor anchor : anchors) {
            if (target.equals(anchor.getTrustedCert())) {
                return trustedItself(target, input.validationTime());
            }
        }
        List<Candidate> candidates = PathBuilding.candidates(target, input.untrusted(), anchors);
        if (candidates.isEmpty()) {
            return new PathResult(Outcome.INDETERMINATE, SubIndication.NO_CERTIFICATE_CHAIN_FOUND, List.of(), List.of(),
                    Explain.noChain(target));
        }
        inProgress.add(target);
        try {
            Attempt best = null;
            for (Candidate candidate : candidates) {
                Attempt attempt = attempt(candidate, input, nesting, inProgress);
                if (attempt.result().valid()) {
                    return attempt.result();
                }
                if (best == null || attempt.rank() > best.rank()) {
                    best = attempt;
                }
            }
            return best.result();
        } finally {
            inProgress.remove(target);
        }
    }

    private PathResult trustedItself(X509Certificate target, Instant at) {
        List<X509Certificate> chain = List.of(target);
        if (at.isBefore(target.getNotBefore().toInstant())) {
            return new PathResult(Outcome.INVALID, SubIndication.NOT_YET_VALID, chain, List.of(),
                    Explain.notYetValid(target, at));
        }
        if (at.isAfter(target.getNotAfter().toInstant())) {
            return new PathResult(Outcome.INDETERMINATE, SubIndication.OUT_OF_BOUNDS_NO_POE, chain, List.of(),
                    Explain.expired(target, at));
        }
        return new PathResult(Outcome.VALID, null, chain, List.of(),
                Explain.valid(target, Certs.name(target), at, null));
    }

    private Attempt attempt(Candidate candidate, PathInput input, int nesting, Set<X509Certificate> inProgress) {
        List<X509Certificate> path = candidate.certificates();
        TrustAnchor anchor = candidate.anchor();
        List<X509Certificate> chain = new ArrayList<>(path);
        if (anchor.getTrustedCert() != null) {
            chain.add(anchor.getTrustedCert());
        }
        chain = List.copyOf(chain);
        X509Certificate target = input.target();
        Instant at = input.validationTime();

        List<PublicKey> issuerKeys = issuerKeys(path, anchor);
        for (int i = path.size() - 1; i >= 0; i--) {
            if (!Certs.verifies(path.get(i), issuerKeys.get(i))) {
                return new Attempt(0, new PathResult(Outcome.INVALID, SubIndication.SIG_CRYPTO_FAILURE, chain, List.of(),
                        Explain.badSignature(path.get(i), path.get(i).getIssuerX500Principal())));
            }
        }
        for (X509Certificate certificate : chain) {
            if (at.isBefore(certificate.getNotBefore().toInstant())) {
                return new Attempt(1, new PathResult(Outcome.INVALID, SubIndication.NOT_YET_VALID, chain, List.of(),
                        Explain.notYetValid(certificate, at)));
            }
            if (at.isAfter(certificate.getNotAfter().toInstant())) {
                return new Attempt(1, new PathResult(Outcome.INDETERMINATE, SubIndication.OUT_OF_BOUNDS_NO_POE, chain,
                        List.of(), Explain.expired(certificate, at)));
            }
        }
        try {
            pkix(path, anchor, input);
        } catch (CertPathValidatorException e) {
            int index = e.getIndex() >= 0 && e.getIndex() < chain.size() ? e.getIndex() : 0;
            return new Attempt(2, new PathResult(Outcome.INDETERMINATE, SubIndication.CHAIN_CONSTRAINTS_FAILURE, chain,
                    List.of(), Explain.constraint(chain.get(index), e.getMessage())));
        } catch (Exception e) {
            return new Attempt(2, new PathResult(Outcome.INDETERMINATE, SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE,
                    chain, List.of(), Explain.constraint(target, e.getMessage())));
        }
        if (!Usage.allows(target, input.options().usage())) {
            return new Attempt(2, new PathResult(Outcome.INDETERMINATE, SubIndication.CHAIN_CONSTRAINTS_FAILURE, chain,
                    List.of(), Explain.usage(target, input.options().usage())));
        }
        Bilingual valid = Explain.valid(target, Certs.name(Certs.subject(anchor)), at, null);
        if (!input.options().checkRevocation()) {
            List<CertStatus> statuses = path.stream().map(c -> new CertStatus(c, CertStatus.State.NOT_CHECKED,
                    CertStatus.Source.NONE, null, null, false)).toList();
            return new Attempt(5, new PathResult(Outcome.VALID, null, chain, statuses, Explain.notChecked(valid)));
        }
        return revocation(path, anchor, chain, input, nesting, inProgress);
    }

    /** The key that signed each certificate of the path, DSA parameters inherited where left out. */
    private static List<PublicKey> issuerKeys(List<X509Certificate> path, TrustAnchor anchor) {
        PublicKey[] keys = new PublicKey[path.size()];
        PublicKey key = Certs.key(anchor);
        for (int i = path.size() - 1; i >= 0; i--) {
            keys[i] = key;
            key = Certs.workingKey(path.get(i).getPublicKey(), key);
        }
        return List.of(keys);
    }

    /** Bouncy Castle's RFC 5280 6.1 processing of one fixed path; revocation off, so it never goes online. */
    /**
     * Paths Bouncy Castle already accepted, by their certificates, anchor and options. Its checks do
     * not depend on the date except through validity periods, which are checked before this for the
     * time at hand, so an accepted path stays accepted; it would otherwise verify every signature on
     * the path again, the costliest part of a verification.
     */
    private static final java.util.Set<String> ACCEPTED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final int MAX_ACCEPTED = 20_000;

    private static void pkix(List<X509Certificate> path, TrustAnchor anchor, PathInput input) throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        for (X509Certificate c : path) {
            sha.update(c.getEncoded());
        }
        sha.update(Certs.key(anchor).getEncoded());
        sha.update(Certs.subject(anchor).getEncoded());
        sha.update(String.valueOf(input.options()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String id = java.util.HexFormat.of().formatHex(sha.digest());
        if (ACCEPTED.contains(id)) {
            return;
        }
        bouncyCastlePkix(path, anchor, input);
        if (ACCEPTED.size() >= MAX_ACCEPTED) {
            ACCEPTED.clear();
        }
        ACCEPTED.add(id);
    }

    private static void bouncyCastlePkix(List<X509Certificate> path, TrustAnchor anchor, PathInput input)
            throws Exception {
        CertPath certPath = CertificateFactory.getInstance("X.509", Pki.BC).generateCertPath(path);
        // RFC 5280 6.1 takes the anchor as a name and a key: constraints written in its certificate do not apply
        PKIXParameters parameters = new PKIXParameters(Set.of(anchor));
        parameters.setDate(Date.from(input.validationTime()));
        parameters.setRevocationEnabled(false);
        PathOptions options = input.options();
        parameters.setInitialPolicies(options.initialPolicies() == null ? Set.of() : options.initialPolicies());
        parameters.setExplicitPolicyRequired(options.explicitPolicy());
        parameters.setPolicyMappingInhibited(options.policyMappingInhibited());
        parameters.setAnyPolicyInhibited(options.anyPolicyInhibited());
        parameters.addCertPathChecker(new ExtendedKeyUsageClaim());
        CertPathValidator.getInstance("PKIX", Pki.BC).validate(certPath, parameters);
    }

    /**
     * RFC 5280 leaves extended key usage to the application, and Usage checks it; without this a
     * critical EKU (required of a TSA, RFC 3161) would count as an unknown critical extension.
     */
    private static final class ExtendedKeyUsageClaim extends java.security.cert.PKIXCertPathChecker {
        private static final String EKU = org.bouncycastle.asn1.x509.Extension.extendedKeyUsage.getId();

        @Override
        public void init(boolean forward) {
        }

        @Override
        public boolean isForwardCheckingSupported() {
            return true;
        }

        @Override
        public Set<String> getSupportedExtensions() {
            return Set.of(EKU);
        }

        @Override
        public void check(java.security.cert.Certificate certificate, java.util.Collection<String> unresolved) {
            unresolved.remove(EKU);
        }
    }

    private Attempt revocation(List<X509Certificate> path, TrustAnchor anchor, List<X509Certificate> chain,
            PathInput input, int nesting, Set<X509Certificate> inProgress) {
        Instant at = input.validationTime();
        Instant now = clock.instant();
        CrlCheck crls = new CrlCheck(input.crls(), input.untrusted(), input.anchors(),
                signer -> signerValidates(signer, input, nesting, inProgress), at, now);
        List<CertStatus> statuses = new ArrayList<>();
        List<PublicKey> issuerKeys = issuerKeys(path, anchor);
        for (int i = 0; i < path.size(); i++) {
            X509Certificate certificate = path.get(i);
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : anchor.getTrustedCert();
            PublicKey issuerKey = issuerKeys.get(i);
            CertStatus status = status(certificate, issuer, issuerKey, input, crls, now);
            if (status.state() == CertStatus.State.REVOKED && status.revokedAt() != null
                    // the registry keeps milliseconds; the validation time is whole seconds, so a revocation
                    // within the same second counts as before it
                    && status.revokedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).isAfter(at)) {
                status = new CertStatus(certificate, status.state(), status.source(), status.revokedAt(), status.reason(), true);
            }
            statuses.add(status);
        }
        X509Certificate target = input.target();
        for (CertStatus status : statuses) {
            if (status.state() == CertStatus.State.REVOKED && !status.revokedAfterValidationTime()) {
                return new Attempt(4, new PathResult(Outcome.INVALID, SubIndication.REVOKED, chain, statuses,
                        Explain.revoked(status, target)));
            }
        }
        for (CertStatus status : statuses) {
            if (status.state() == CertStatus.State.UNKNOWN) {
                boolean ours = status.source() == CertStatus.Source.REGISTRY;
                return new Attempt(3, new PathResult(Outcome.INDETERMINATE,
                        ours ? SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE : SubIndication.TRY_LATER, chain, statuses,
                        ours ? Explain.unknownToKyso(status.certificate()) : Explain.noRevocationData(status.certificate())));
            }
        }
        CertStatus later = statuses.stream().filter(CertStatus::revokedAfterValidationTime).findFirst().orElse(null);
        return new Attempt(5, new PathResult(Outcome.VALID, null, chain, statuses,
                Explain.valid(target, Certs.name(Certs.subject(anchor)), at, later)));
    }

    /** Kyso's records first (authoritative when they answer), then OCSP responses, then CRLs. */
    private CertStatus status(X509Certificate certificate, X509Certificate issuer, PublicKey issuerKey, PathInput input,
            CrlCheck crls, Instant now) {
        if (issuer != null) {
            Optional<CertStatus> known = registry.status(certificate, issuer);
            if (known.isPresent()) {
                return known.get();
            }
        }
        Optional<CertStatus> ocsp = OcspCheck.status(input.ocsp(), certificate, issuer, input.validationTime(), now);
        if (ocsp.isPresent()) {
            return ocsp.get();
        }
        return crls.status(certificate, issuer, issuerKey).orElseGet(() ->
                new CertStatus(certificate, CertStatus.State.UNKNOWN, CertStatus.Source.NONE, null, null, false));
    }

    /** A CRL signer that is not the issuer needs a valid, unrevoked path of its own (RFC 5280 6.3.3 f). */
    private boolean signerValidates(X509Certificate signer, PathInput input, int nesting, Set<X509Certificate> inProgress) {
        if (nesting >= MAX_NESTING || inProgress.contains(signer)) {
            return false;
        }
        PathOptions options = new PathOptions(Set.of(), false, false, false, input.options().checkRevocation(),
                PathOptions.Usage.ANY);
        PathInput signerInput = new PathInput(signer, input.untrusted(), input.anchors(), input.crls(), input.ocsp(),
                input.validationTime(), options);
        return validate(signerInput, nesting + 1, inProgress).valid();
    }
}
