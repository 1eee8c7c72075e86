package vn.kyso.verify.path;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.ReasonFlags;

import vn.kyso.ca.Pki;

/**
 * The status of a certificate from the CRLs at hand, following RFC 5280 6.3: which CRLs are in
 * scope for the certificate (issuer, indirect CRLs and cRLIssuer, issuing distribution point,
 * reasons), who may sign them (the issuer's key with cRLSign, or another certificate that itself
 * validates), delta CRLs on top of their base, and critical extensions we do not understand.
 */
final class CrlCheck {

    private static final int ALL_REASONS = ReasonFlags.keyCompromise | ReasonFlags.cACompromise
            | ReasonFlags.affiliationChanged | ReasonFlags.superseded | ReasonFlags.cessationOfOperation
            | ReasonFlags.certificateHold | ReasonFlags.privilegeWithdrawn | ReasonFlags.aACompromise;
    private static final Set<String> KNOWN_CRL_EXTENSIONS = Set.of(Extension.issuingDistributionPoint.getId(),
            Extension.deltaCRLIndicator.getId(), Extension.freshestCRL.getId(), Extension.cRLNumber.getId(),
            Extension.authorityKeyIdentifier.getId(), Extension.issuerAlternativeName.getId());
    private static final Set<String> KNOWN_ENTRY_EXTENSIONS = Set.of(Extension.reasonCode.getId(),
            Extension.invalidityDate.getId(), Extension.certificateIssuer.getId(), Extension.instructionCode.getId());

    private final Collection<X509CRL> crls;
    private final List<X509Certificate> signers = new ArrayList<>();
    private final Set<TrustAnchor> anchors;
    private final Predicate<X509Certificate> signerValidates;
    private final Instant validationTime;
    private final Instant now;

    /** {@code signerValidates} decides whether a CRL signer other than the issuer has a valid path itself. */
    CrlCheck(Collection<X509CRL> crls, Collection<X509Certificate> untrusted, Set<TrustAnchor> anchors,
            Predicate<X509Certificate> signerValidates, Instant validationTime, Instant now) {
        this.crls = crls == null ? List.of() : crls;
        this.anchors = anchors;
        this.signerValidates = signerValidates;
        this.validationTime = validationTime;
        this.now = now;
        for (TrustAnchor anchor : anchors) {
            if (anchor.getTrustedCert() != null) {
                signers.add(anchor.getTrustedCert());
            }
        }
        if (untrusted != null) {
            signers.addAll(untrusted);
        }
    }

    private record Listed(Instant at, String reason) {
    }

    Optional<CertStatus> status(X509Certificate certificate, X509Certificate issuer, PublicKey issuerKey) {
        int covered = 0;
        Listed revoked = null;
        for (DistributionPoint dp : distributionPoints(certificate)) {
            for (X509CRL crl : crls) {
                if (isDelta(crl) || !usable(crl)) {
                    continue;
                }
                int reasons = scope(crl, certificate, dp);
                if (reasons == 0) {
                    continue;
                }
                PublicKey signer = signerKey(crl, certificate, issuer, issuerKey);
                if (signer == null) {
                    continue;
                }
                Listed listed = listing(crl, certificate);
                X509CRL delta = delta(crl, signer);
                boolean fresh = fresh(crl);
                if (delta != null) {
                    Listed inDelta = listing(delta, certificate);
                    if (inDelta != null) {
                        listed = inDelta;
                    }
                    fresh = fresh(delta);
                } else if (hasFreshestPointer(crl) && staleDeltaExists(crl, signer)) {
                    fresh = false;
                }
                if (listed != null && !"removeFromCRL".equals(listed.reason())) {
                    if (revoked == null || listed.at().isBefore(revoked.at())) {
                        revoked = listed;
                    }
                } else if (fresh) {
                    covered |= reasons;
                }
            }
        }
        if (revoked != null) {
            return Optional.of(new CertStatus(certificate, CertStatus.State.REVOKED, CertStatus.Source.CRL,
                    revoked.at(), revoked.reason(), false));
        }
        if ((covered & ALL_REASONS) == ALL_REASONS) {
            return Optional.of(new CertStatus(certificate, CertStatus.State.GOOD, CertStatus.Source.CRL, null, null, false));
        }
        return Optional.empty();
    }

    /** The certificate's distribution points, or the one implied when it names none: its issuer, all reasons. */
    private static List<DistributionPoint> distributionPoints(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (value != null) {
            try {
                DistributionPoint[] points = CRLDistPoint.getInstance(ASN1OctetString.getInstance(value).getOctets())
                        .getDistributionPoints();
                if (points.length > 0) {
                    return List.of(points);
                }
            } catch (RuntimeException ignored) {
                // a broken extension tells us nothing; fall back to the issuer's own CRLs
            }
        }
        return List.of(new DistributionPoint(null, null, null));
    }

    /** The reasons this CRL speaks for about this certificate through this distribution point; 0 if none. */
    private int scope(X509CRL crl, X509Certificate certificate, DistributionPoint dp) {
        X500Principal crlIssuer = crl.getIssuerX500Principal();
        IssuingDistributionPoint idp = idp(crl);
        if (dp.getCRLIssuer() != null) {
            if (!contains(dp.getCRLIssuer().getNames(), directory(crlIssuer)) || idp == null || !idp.isIndirectCRL()) {
                return 0;
            }
        } else if (!crlIssuer.equals(certificate.getIssuerX500Principal())) {
            return 0;
        }
        int reasons = ALL_REASONS;
        if (idp != null) {
            if (idp.getDistributionPoint() != null) {
                List<GeneralName> idpNames = names(idp.getDistributionPoint(), crlIssuer);
                List<GeneralName> dpNames;
                if (dp.getDistributionPoint() != null) {
                    X500Principal relativeTo = dp.getCRLIssuer() != null ? crlIssuer : certificate.getIssuerX500Principal();
                    dpNames = names(dp.getDistributionPoint(), relativeTo);
                } else if (dp.getCRLIssuer() != null) {
                    dpNames = List.of(dp.getCRLIssuer().getNames());
                } else {
                    dpNames = List.of(directory(certificate.getIssuerX500Principal()));
                }
                if (dpNames.stream().noneMatch(n -> contains(idpNames.toArray(new GeneralName[0]), n))) {
                    return 0;
                }
            }
            if (idp.onlyContainsUserCerts() && Certs.isCa(certificate)
                    || idp.onlyContainsCACerts() && !Certs.isCa(certificate)
                    || idp.onlyContainsAttributeCerts()) {
                return 0;
            }
            if (idp.getOnlySomeReasons() != null) {
                reasons &= idp.getOnlySomeReasons().intValue();
            }
        }
        if (dp.getReasons() != null) {
            reasons &= dp.getReasons().intValue();
        }
        return reasons;
    }

    private PublicKey signerKey(X509CRL crl, X509Certificate certificate, X509Certificate issuer, PublicKey issuerKey) {
        X500Principal crlIssuer = crl.getIssuerX500Principal();
        if (issuerKey != null && crlIssuer.equals(certificate.getIssuerX500Principal()) && mayCrlSign(issuer)
                && verifies(crl, issuerKey)) {
            return issuerKey;
        }
        // RFC 5280 6.3.3 (f): another key of the same CA, or an indirect CRL issuer, with a valid path of its own.
        // A CRL issuer's own certificate may be covered by the CRL it signs (PKITS 4.14.30): its path to the
        // anchor is being validated already, so the CRL only has to be in scope and properly signed.
        for (X509Certificate candidate : signers) {
            if (candidate.getSubjectX500Principal().equals(crlIssuer) && mayCrlSign(candidate)
                    && verifies(crl, candidate.getPublicKey())
                    && (isAnchor(candidate) || candidate.equals(certificate) || signerValidates.test(candidate))) {
                return candidate.getPublicKey();
            }
        }
        return null;
    }

    private boolean isAnchor(X509Certificate certificate) {
        return anchors.stream().anyMatch(a -> certificate.equals(a.getTrustedCert()));
    }

    private static boolean mayCrlSign(X509Certificate certificate) {
        boolean[] usage = certificate == null ? null : certificate.getKeyUsage();
        return usage == null || usage.length > 6 && usage[6];
    }

    private static boolean verifies(X509CRL crl, PublicKey key) {
        try {
            return VerifiedSignatures.verified(crl.getEncoded(), key, () -> {
                try {
                    crl.verify(key, Pki.BC);
                    return true;
                } catch (Exception e) {
                    return false;
                }
            });
        } catch (Exception e) {
            return false;
        }
    }

    /** Issued before now, and no critical extension we cannot process (5.2, 5.3). */
    private boolean usable(X509CRL crl) {
        if (crl.getThisUpdate().toInstant().isAfter(now)) {
            return false;
        }
        Set<String> critical = crl.getCriticalExtensionOIDs();
        if (critical != null && !KNOWN_CRL_EXTENSIONS.containsAll(critical)) {
            return false;
        }
        // 5.2.3: every CRL carries a non-critical CRL number; without it deltas and ordering are guesswork
        if (number(crl) == null || critical != null && critical.contains(Extension.cRLNumber.getId())) {
            return false;
        }
        if (crl.getRevokedCertificates() != null) {
            for (X509CRLEntry entry : crl.getRevokedCertificates()) {
                Set<String> entryCritical = entry.getCriticalExtensionOIDs();
                if (entryCritical != null && !KNOWN_ENTRY_EXTENSIONS.containsAll(entryCritical)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A CRL that says "not listed" is worth that only for times up to its nextUpdate, or before it was issued. */
    private boolean fresh(X509CRL crl) {
        Instant thisUpdate = crl.getThisUpdate().toInstant();
        Instant nextUpdate = crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
        return !thisUpdate.isBefore(validationTime) || nextUpdate == null || !nextUpdate.isBefore(validationTime);
    }

    private static Listed listing(X509CRL crl, X509Certificate certificate) {
        if (crl.getRevokedCertificates() == null) {
            return null;
        }
        BigInteger serial = certificate.getSerialNumber();
        for (X509CRLEntry entry : crl.getRevokedCertificates()) {
            if (!entry.getSerialNumber().equals(serial)) {
                continue;
            }
            X500Principal entryIssuer = entry.getCertificateIssuer() != null ? entry.getCertificateIssuer()
                    : crl.getIssuerX500Principal();
            if (entryIssuer.equals(certificate.getIssuerX500Principal())) {
                return new Listed(entry.getRevocationDate().toInstant(), reason(entry));
            }
        }
        return null;
    }

    private static String reason(X509CRLEntry entry) {
        byte[] value = entry.getExtensionValue(Extension.reasonCode.getId());
        if (value == null) {
            return null;
        }
        try {
            CRLReason reason = CRLReason.getInstance(
                    ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(value).getOctets()));
            return Reasons.name(reason.getValue().intValue());
        } catch (Exception e) {
            return null;
        }
    }

    /** The newest usable delta CRL for this complete CRL: same issuer, scope and key, based on it or earlier (5.2.4). */
    private X509CRL delta(X509CRL complete, PublicKey signer) {
        X509CRL best = null;
        for (X509CRL candidate : deltasOf(complete, signer)) {
            if (fresh(candidate) && (best == null || number(candidate).compareTo(number(best)) > 0)) {
                best = candidate;
            }
        }
        return best;
    }

    private boolean staleDeltaExists(X509CRL complete, PublicKey signer) {
        return !deltasOf(complete, signer).isEmpty();
    }

    private List<X509CRL> deltasOf(X509CRL complete, PublicKey signer) {
        List<X509CRL> out = new ArrayList<>();
        BigInteger completeNumber = number(complete);
        if (completeNumber == null) {
            return out;
        }
        for (X509CRL crl : crls) {
            if (!isDelta(crl) || !usable(crl) || !crl.getIssuerX500Principal().equals(complete.getIssuerX500Principal())
                    || !sameScope(crl, complete) || !verifies(crl, signer)) {
                continue;
            }
            BigInteger base = baseNumber(crl);
            BigInteger number = number(crl);
            if (base != null && number != null && base.compareTo(completeNumber) <= 0
                    && number.compareTo(completeNumber) > 0) {
                out.add(crl);
            }
        }
        return out;
    }

    private static boolean hasFreshestPointer(X509CRL crl) {
        return crl.getExtensionValue(Extension.freshestCRL.getId()) != null;
    }

    private static boolean sameScope(X509CRL a, X509CRL b) {
        IssuingDistributionPoint x = idp(a);
        IssuingDistributionPoint y = idp(b);
        return x == null ? y == null : x.equals(y);
    }

    private static boolean isDelta(X509CRL crl) {
        return crl.getExtensionValue(Extension.deltaCRLIndicator.getId()) != null;
    }

    private static BigInteger number(X509CRL crl) {
        return integer(crl, Extension.cRLNumber.getId());
    }

    private static BigInteger baseNumber(X509CRL crl) {
        return integer(crl, Extension.deltaCRLIndicator.getId());
    }

    private static BigInteger integer(X509CRL crl, String oid) {
        byte[] value = crl.getExtensionValue(oid);
        if (value == null) {
            return null;
        }
        try {
            return ASN1Integer.getInstance(ASN1OctetString.getInstance(value).getOctets()).getValue();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static IssuingDistributionPoint idp(X509CRL crl) {
        byte[] value = crl.getExtensionValue(Extension.issuingDistributionPoint.getId());
        if (value == null) {
            return null;
        }
        return IssuingDistributionPoint.getInstance(ASN1OctetString.getInstance(value).getOctets());
    }

    private static GeneralName directory(X500Principal principal) {
        return new GeneralName(X500Name.getInstance(principal.getEncoded()));
    }

    /** Full names as they are; a name relative to the CRL issuer appended to that issuer's name (4.2.1.13). */
    private static List<GeneralName> names(DistributionPointName name, X500Principal relativeTo) {
        if (name.getType() == DistributionPointName.FULL_NAME) {
            return List.of(GeneralNames.getInstance(name.getName()).getNames());
        }
        X500Name base = X500Name.getInstance(relativeTo.getEncoded());
        RDN[] rdns = base.getRDNs();
        RDN[] all = new RDN[rdns.length + 1];
        System.arraycopy(rdns, 0, all, 0, rdns.length);
        all[rdns.length] = RDN.getInstance(ASN1Set.getInstance(name.getName()));
        return List.of(new GeneralName(new X500Name(all)));
    }

    private static boolean contains(GeneralName[] names, GeneralName wanted) {
        for (GeneralName name : names) {
            if (name.getTagNo() == wanted.getTagNo() && (name.getTagNo() == GeneralName.directoryName
                    ? X500Name.getInstance(name.getName()).equals(X500Name.getInstance(wanted.getName()))
                    : name.equals(wanted))) {
                return true;
            }
        }
        return false;
    }
}
