package vn.kyso.verify;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAlgorithmProtection;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.util.Selector;

import vn.kyso.ca.ParsedCertificates;
import vn.kyso.ca.Pki;

/**
 * Reads the facts of CMS SignedData: for each SignerInfo, which certificate signed it, whether
 * its signed attributes are well formed and agree with the content, and whether the signature
 * value verifies. Time and trust are left to later steps: BC's own certificate-validity check
 * against the claimed signingTime is deliberately bypassed by verifying with the bare key.
 */
final class CmsReader {

    private static final DefaultAlgorithmNameFinder NAMES = new DefaultAlgorithmNameFinder();
    /**
     * A certificate of the CMS bag as an object. The issuing CA's certificate comes with nearly every
     * document, and each document's certificates are read more than once; parsed once by their bytes.
     */
    private static X509Certificate parsed(X509CertificateHolder holder) throws java.io.IOException {
        return ParsedCertificates.of(holder.getEncoded());
    }

    private CmsReader() {
    }

    /** Parses DER SignedData, attached or, with {@code content}, detached. */
    static CMSSignedData parse(byte[] der, byte[] content) throws Exception {
        // Strict: trailing garbage, bad lengths or another content type fail here, not later.
        var info = org.bouncycastle.asn1.cms.ContentInfo.getInstance(ASN1Primitive.fromByteArray(der));
        if (!org.bouncycastle.asn1.cms.CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
            throw new IllegalArgumentException("content type " + info.getContentType() + " is not signed-data");
        }
        return content == null ? new CMSSignedData(der) : new CMSSignedData(new CMSProcessableByteArray(content), der);
    }

    /** The bytes the signature covers: the detached content, or the encapsulated content. */
    static byte[] signedContent(CMSSignedData data, byte[] detached) {
        if (detached != null) {
            return detached;
        }
        Object content = data.getSignedContent() == null ? null : data.getSignedContent().getContent();
        return content instanceof byte[] bytes ? bytes : null;
    }

    static List<X509Certificate> certificates(CMSSignedData data) {
        List<X509Certificate> out = new ArrayList<>();
        Collection<X509CertificateHolder> bag;
        try {
            bag = data.getCertificates().getMatches(null);
        } catch (RuntimeException e) {
            return out; // an undecodable bag offers no candidates; the signer is then not found
        }
        for (X509CertificateHolder holder : bag) {
            try {
                out.add(parsed(holder));
            } catch (Exception e) {
                // an undecodable certificate in the bag cannot be the signer; the others still count
            }
        }
        return out;
    }

    /** Facts of one SignerInfo. {@code content} is what it signs, or null if that is missing. */
    static void read(CMSSignedData data, SignerInformation si, byte[] content, TrustContext trust, SignatureFacts f) {
        f.embeddedCertificates = certificates(data);
        f.digestAlgorithm = name(si.getDigestAlgOID());
        f.signatureAlgorithm = name(si.getEncryptionAlgOID());
        findSigner(data, si.getSID(), trust, f);
        readSignedAttributes(data, si, content, f);
        if (f.signer != null) {
            java.security.PublicKey key = signerKey(f.signer, f.embeddedCertificates, trust);
            f.keyAlgorithm = KeySizes.family(key);
            f.keySize = KeySizes.bits(key);
        }
        if (f.signer == null || content == null || f.attributeProblem != null) {
            return;
        }
        try {
            var verifier = new JcaSimpleSignerInfoVerifierBuilder().setProvider(Pki.BC)
                    .build(signerKey(f.signer, f.embeddedCertificates, trust));
            // With signed attributes whose messageDigest already matched, the signature covers only the
            // attributes: checking them alone spares hashing a large document a second time.
            f.signatureValid = f.messageDigest == SignatureFacts.Attr.MATCH
                    ? overAttributes(si, verifier, true) || overAttributes(si, verifier, false)
                    : si.verify(verifier) || overAttributes(si, verifier, false);
        } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException e) {
            f.messageDigest = SignatureFacts.Attr.MISMATCH;
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            f.algorithmUnsupported = true;
            f.signatureError = e.getMessage();
        } catch (Exception e) {
            // BC throws for malformed signature encodings and mismatched algorithm parameters alike
            f.signatureValid = false;
            f.signatureError = e.getMessage();
            String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (m.contains("not recognised") || m.contains("unknown signature type") || m.contains("no such algorithm")) {
                f.signatureValid = null;
                f.algorithmUnsupported = true;
            }
        }
    }

    /**
     * The signature over the signed attributes, DER-encoded as RFC 5652 asks, or as received: Bouncy
     * Castle checks only the DER re-encoding, but a signer that sent them in another order signed the
     * bytes it sent, which is what other verifiers check.
     */
    private static boolean overAttributes(SignerInformation si, org.bouncycastle.cms.SignerInformationVerifier verifier,
            boolean der) throws Exception {
        ASN1Set attributes = si.toASN1Structure().getAuthenticatedAttributes();
        if (attributes == null) {
            return false;
        }
        byte[] encoded = der ? attributes.getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER) : attributes.getEncoded();
        if (!der && java.util.Arrays.equals(encoded, attributes.getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER))) {
            return false;
        }
        var content = verifier.getContentVerifier(si.toASN1Structure().getDigestEncryptionAlgorithm(),
                si.getDigestAlgorithmID());
        try (var out = content.getOutputStream()) {
            out.write(encoded);
        }
        return content.verify(si.getSignature());
    }

    /** Bouncy Castle decodes some certificate fields lazily; a damaged one fails on first use. */
    static boolean wellFormed(X509Certificate c) {
        try {
            c.getNotBefore();
            c.getNotAfter();
            c.getPublicKey();
            X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
            X500Name.getInstance(c.getIssuerX500Principal().getEncoded());
            c.getSubjectX500Principal().getName();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The signer's key; a DSA key that leaves its parameters to its issuer gets them from there. */
    private static java.security.PublicKey signerKey(X509Certificate signer, List<X509Certificate> bag,
            TrustContext trust) {
        java.security.PublicKey key = signer.getPublicKey();
        if (!(key instanceof java.security.interfaces.DSAPublicKey dsa) || dsa.getParams() != null) {
            return key;
        }
        List<X509Certificate> issuers = new ArrayList<>(bag);
        trust.anchors().forEach(a -> {
            if (a.getTrustedCert() != null) {
                issuers.add(a.getTrustedCert());
            }
        });
        issuers.addAll(trust.intermediates());
        for (X509Certificate issuer : issuers) {
            if (issuer.getSubjectX500Principal().equals(signer.getIssuerX500Principal())) {
                return vn.kyso.verify.path.Certs.workingKey(key, issuer.getPublicKey());
            }
        }
        return key;
    }

    private static void findSigner(CMSSignedData data, SignerId sid, TrustContext trust, SignatureFacts f) {
        List<X509Certificate> matches = new ArrayList<>();
        Collection<X509CertificateHolder> found;
        try {
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> inBag = data.getCertificates()
                    .getMatches((Selector<X509CertificateHolder>) sid);
            found = inBag;
        } catch (RuntimeException e) {
            found = List.of();
        }
        for (X509CertificateHolder holder : found) {
            try {
                X509Certificate c = parsed(holder);
                if (matches.stream().noneMatch(c::equals)) {
                    matches.add(c);
                }
            } catch (Exception ignored) {
                // not decodable: not a candidate
            }
        }
        if (matches.isEmpty() && sid.getIssuer() != null && sid.getSerialNumber() != null) {
            matches.addAll(trust.known().find(sid.getIssuer(), sid.getSerialNumber()));
        }
        f.signerCandidates = matches.size();
        f.signer = matches.size() == 1 ? matches.get(0) : null;
        if (f.signer != null && !wellFormed(f.signer)) {
            f.cmsError = "the signer's certificate is malformed";
            f.signer = null;
        }
    }

    private static void readSignedAttributes(CMSSignedData data, SignerInformation si, byte[] content,
            SignatureFacts f) {
        ASN1Set raw = si.toASN1Structure().getAuthenticatedAttributes();
        f.contentMissing = content == null;
        unsignedMisplaced(si, f);
        if (raw == null) {
            f.signedAttributes = false;
            f.contentType = SignatureFacts.Attr.ABSENT;
            f.messageDigest = SignatureFacts.Attr.ABSENT;
            f.signingCertificateRef = SignatureFacts.Attr.ABSENT;
            f.algorithmProtection = SignatureFacts.Attr.ABSENT;
            return;
        }
        f.signedAttributes = true;
        Map<ASN1ObjectIdentifier, Integer> counts = new HashMap<>();
        AttributeTable table;
        try {
            for (ASN1Encodable e : raw) {
                Attribute a = Attribute.getInstance(e);
                counts.merge(a.getAttrType(), 1, Integer::sum);
                if (a.getAttrValues().size() != 1) {
                    f.attributeProblem = "attribute " + a.getAttrType() + " has " + a.getAttrValues().size() + " values";
                }
            }
            table = new AttributeTable(raw);
        } catch (RuntimeException e) {
            f.attributeProblem = "signed attributes are malformed: " + e.getMessage();
            return;
        }
        for (ASN1ObjectIdentifier once : List.of(CMSAttributes.contentType, CMSAttributes.messageDigest,
                CMSAttributes.signingTime, PKCSObjectIdentifiers.id_aa_signingCertificate,
                PKCSObjectIdentifiers.id_aa_signingCertificateV2, CMSAttributes.cmsAlgorithmProtect)) {
            if (counts.getOrDefault(once, 0) > 1) {
                f.attributeProblem = "signed attribute " + once + " occurs " + counts.get(once) + " times";
            }
        }
        try {
            Attribute ct = table.get(CMSAttributes.contentType);
            if (ct == null) {
                f.contentType = SignatureFacts.Attr.ABSENT;
                f.attributeProblem = firstOf(f.attributeProblem, "the contentType signed attribute is missing");
            } else {
                ASN1ObjectIdentifier value = ASN1ObjectIdentifier.getInstance(ct.getAttrValues().getObjectAt(0));
                f.contentType = value.getId().equals(data.getSignedContentTypeOID())
                        ? SignatureFacts.Attr.MATCH : SignatureFacts.Attr.MISMATCH;
            }
            Attribute md = table.get(CMSAttributes.messageDigest);
            if (md == null) {
                f.messageDigest = SignatureFacts.Attr.ABSENT;
                f.attributeProblem = firstOf(f.attributeProblem, "the messageDigest signed attribute is missing");
            } else if (content != null) {
                byte[] claimed = ASN1OctetString.getInstance(md.getAttrValues().getObjectAt(0)).getOctets();
                byte[] actual = digest(si.getDigestAlgorithmID(), content);
                f.messageDigest = actual == null ? null
                        : MessageDigest.isEqual(claimed, actual) ? SignatureFacts.Attr.MATCH : SignatureFacts.Attr.MISMATCH;
                if (actual == null) {
                    f.algorithmUnsupported = true;
                }
            }
            Attribute st = table.get(CMSAttributes.signingTime);
            if (st != null) {
                f.claimedSigningTime = Time.getInstance(st.getAttrValues().getObjectAt(0)).getDate().toInstant();
            }
            Attribute protect = table.get(CMSAttributes.cmsAlgorithmProtect);
            if (protect == null) {
                f.algorithmProtection = SignatureFacts.Attr.ABSENT;
            } else {
                CMSAlgorithmProtection p = CMSAlgorithmProtection.getInstance(protect.getAttrValues().getObjectAt(0));
                boolean same = p.getDigestAlgorithm().getAlgorithm().equals(si.getDigestAlgorithmID().getAlgorithm())
                        && p.getSignatureAlgorithm() != null
                        && p.getSignatureAlgorithm().getAlgorithm().getId().equals(si.getEncryptionAlgOID());
                f.algorithmProtection = same ? SignatureFacts.Attr.MATCH : SignatureFacts.Attr.MISMATCH;
            }
        } catch (RuntimeException e) {
            f.attributeProblem = firstOf(f.attributeProblem, "a signed attribute is malformed: " + e.getMessage());
        }
        f.signingCertificateRef = signingCertificate(table, f.signer, f);
    }

    /** RFC 5652 11: these attributes mean something only when signed; unsigned, anyone could add them. */
    private static void unsignedMisplaced(SignerInformation si, SignatureFacts f) {
        ASN1Set unsigned = si.toASN1Structure().getUnauthenticatedAttributes();
        if (unsigned == null) {
            return;
        }
        try {
            for (ASN1Encodable e : unsigned) {
                ASN1ObjectIdentifier type = Attribute.getInstance(e).getAttrType();
                if (type.equals(CMSAttributes.contentType) || type.equals(CMSAttributes.messageDigest)
                        || type.equals(CMSAttributes.signingTime) || type.equals(CMSAttributes.cmsAlgorithmProtect)) {
                    f.attributeProblem = "the attribute " + type + " must be signed but is among the unsigned ones";
                }
            }
        } catch (RuntimeException e) {
            f.attributeProblem = "the unsigned attributes are malformed";
        }
    }

    private static SignatureFacts.Attr signingCertificate(AttributeTable table, X509Certificate signer,
            SignatureFacts f) {
        try {
            Attribute v2 = table.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
            Attribute v1 = table.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
            if (v2 == null && v1 == null) {
                return SignatureFacts.Attr.ABSENT;
            }
            if (signer == null) {
                return null;
            }
            byte[] der = signer.getEncoded();
            if (v2 != null) {
                ESSCertIDv2 id = SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0)).getCerts()[0];
                byte[] actual = digest(id.getHashAlgorithm(), der);
                return actual != null && MessageDigest.isEqual(actual, id.getCertHash())
                        ? SignatureFacts.Attr.MATCH : SignatureFacts.Attr.MISMATCH;
            }
            ESSCertID id = SigningCertificate.getInstance(v1.getAttrValues().getObjectAt(0)).getCerts()[0];
            return MessageDigest.isEqual(Pki.digest("SHA-1", der), id.getCertHash())
                    ? SignatureFacts.Attr.MATCH : SignatureFacts.Attr.MISMATCH;
        } catch (Exception e) {
            f.attributeProblem = firstOf(f.attributeProblem, "the signing-certificate attribute is malformed");
            return SignatureFacts.Attr.MALFORMED;
        }
    }

    /** The digest of {@code data} with the algorithm named, or null when Kyso does not know it. */
    static byte[] digest(AlgorithmIdentifier algorithm, byte[] data) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        // Some signers name the signature algorithm where the digest algorithm belongs.
        if (oid.equals(PKCSObjectIdentifiers.sha256WithRSAEncryption)) {
            oid = NISTObjectIdentifiers.id_sha256;
        } else if (oid.equals(PKCSObjectIdentifiers.sha1WithRSAEncryption)) {
            oid = OIWObjectIdentifiers.idSHA1;
        }
        try {
            // The JDK's own digests use the processor's SHA instructions: several times Bouncy Castle's speed.
            return MessageDigest.getInstance(oid.getId()).digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            try {
                return MessageDigest.getInstance(oid.getId(), Pki.BC).digest(data);
            } catch (java.security.NoSuchAlgorithmException unknown) {
                return null;
            }
        }
    }

    /** Digests the name finder leaves as numbers, but which the policy must recognise to refuse. */
    private static final java.util.Map<String, String> BROKEN_DIGESTS = java.util.Map.of(
            "1.2.840.113549.2.2", "MD2", "1.2.840.113549.2.4", "MD4", "1.2.840.113549.2.5", "MD5");

    static String name(String oid) {
        if (BROKEN_DIGESTS.containsKey(oid)) {
            return BROKEN_DIGESTS.get(oid);
        }
        try {
            String n = NAMES.getAlgorithmName(new ASN1ObjectIdentifier(oid));
            return n == null ? oid : n;
        } catch (RuntimeException e) {
            return oid;
        }
    }

    static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String firstOf(String existing, String next) {
        return existing != null ? existing : next;
    }

    static byte[] encoded(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
