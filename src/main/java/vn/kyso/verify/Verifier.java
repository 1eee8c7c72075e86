package vn.kyso.verify;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;

import vn.kyso.ca.Pki;
import vn.kyso.verify.path.PathInput;
import vn.kyso.verify.path.PathOptions;
import vn.kyso.verify.path.PathValidator;
import vn.kyso.verify.pdf.PdfFacts;
import vn.kyso.verify.pdf.PdfFormatException;
import vn.kyso.verify.pdf.PdfLimits;
import vn.kyso.verify.pdf.PdfReader;
import vn.kyso.verify.pdf.PdfSignature;

/**
 * Verifies one document in three steps, like EU DSS: gather the facts of every signature (CMS
 * structure, signer, digests, signature value, timestamps, certificate path and revocation),
 * apply the validation policy to them, and write the report. Nothing here touches the network or
 * the database: what Kyso knows comes in through the {@link TrustContext}.
 */
public class Verifier {

    private final PathValidator paths;
    private final PdfLimits limits;
    private final Clock clock;

    public Verifier(PathValidator paths, PdfLimits limits, Clock clock) {
        this.paths = paths;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * @param signature a detached CMS signature over {@code document}, or null
     * @param validationTime the time to validate at instead of a proven or the current time, or null
     */
    public VerificationReport verify(byte[] document, byte[] signature, Instant validationTime, TrustContext trust,
            ValidationPolicy policy) {
        Instant now = clock.instant();
        Evidence evidence = new Evidence();
        List<SignatureFacts> facts = new ArrayList<>();
        DocumentFormat format;
        Reports.DocumentProblem problem = null;
        if (signature != null) {
            format = DocumentFormat.CMS_DETACHED;
            byte[] der = DocumentFormat.cmsDer(signature);
            facts.addAll(cms(der == null ? signature : der, document, trust, evidence));
        } else if (!DocumentFormat.isDer(document) && DocumentFormat.isPdf(document)) {
            format = DocumentFormat.PDF;
            try {
                facts.addAll(pdf(PdfReader.read(document, limits), trust, evidence));
            } catch (PdfFormatException e) {
                problem = new Reports.DocumentProblem(e.getMessage());
            }
        } else {
            byte[] der = DocumentFormat.cmsDer(document);
            Smime.Parts mail = der == null ? Smime.parse(document) : null;
            if (mail != null && mail.content() != null) {
                format = DocumentFormat.CMS_DETACHED;
                facts.addAll(cms(mail.signature(), mail.content(), trust, evidence));
            } else if (mail != null) {
                format = DocumentFormat.CMS_ATTACHED;
                facts.addAll(cms(mail.signature(), null, trust, evidence));
            } else if (der == null) {
                format = DocumentFormat.UNKNOWN;
            } else {
                facts.addAll(cms(der, null, trust, evidence));
                format = facts.stream().anyMatch(f -> f.contentMissing) ? DocumentFormat.CMS_DETACHED
                        : DocumentFormat.CMS_ATTACHED;
            }
        }
        // Document timestamps first: a valid one proves when the signatures before it existed.
        for (SignatureFacts f : facts) {
            if (f.documentTimestamp) {
                fixTimeAndPath(f, facts, validationTime, now, trust, evidence);
            }
        }
        for (SignatureFacts f : facts) {
            if (!f.documentTimestamp) {
                fixTimeAndPath(f, facts, validationTime, now, trust, evidence);
            }
        }
        return Reports.write(format, document, facts, policy, problem, validationTime != null ? validationTime : now,
                now);
    }

    private List<SignatureFacts> cms(byte[] der, byte[] content, TrustContext trust, Evidence evidence) {
        List<SignatureFacts> out = new ArrayList<>();
        CMSSignedData data;
        try {
            data = CmsReader.parse(der, content);
        } catch (Exception | StackOverflowError e) {
            out.add(failed("CMS", "the data is not CMS SignedData (" + e.getClass().getSimpleName() + ")"));
            return out;
        }
        byte[] signed;
        try {
            evidence.addCms(data);
            signed = CmsReader.signedContent(data, content);
        } catch (RuntimeException e) {
            // Bouncy Castle decodes the certificate and CRL bags lazily: a damaged bag surfaces here.
            out.add(failed("CMS", "the SignedData cannot be read (" + e.getClass().getSimpleName() + ")"));
            return out;
        }
        Collection<SignerInformation> signers = data.getSignerInfos().getSigners();
        if (signers.isEmpty()) {
            out.add(failed("CMS", "the SignedData has no signer: it carries certificates only"));
        }
        int n = 1;
        for (SignerInformation si : signers) {
            SignatureFacts f = new SignatureFacts();
            f.label = "signer " + n++;
            f.signerInfoCount = signers.size();
            read(data, si, signed, trust, evidence, f);
            out.add(f);
        }
        return out;
    }

    private void read(CMSSignedData data, SignerInformation si, byte[] signed, TrustContext trust, Evidence evidence,
            SignatureFacts f) {
        try {
            CmsReader.read(data, si, signed, trust, f);
            f.timestamps.addAll(Timestamps.ofSignature(si, trust, evidence, paths));
        } catch (RuntimeException e) {
            f.cmsError = "the SignerInfo cannot be read (" + e.getClass().getSimpleName() + ")";
        }
    }

    private List<SignatureFacts> pdf(PdfFacts pdf, TrustContext trust, Evidence evidence) {
        evidence.addDss(pdf.dssCertificates(), pdf.dssCrls(), pdf.dssOcspResponses());
        List<SignatureFacts> out = new ArrayList<>();
        for (PdfSignature s : pdf.signatures()) {
            SignatureFacts f = new SignatureFacts();
            f.label = s.fieldName();
            f.pdf = s;
            f.brokenSignatureInDocument = pdf.signatures().stream()
                    .anyMatch(other -> other != s && (other.byteRangeProblem() != null || other.cms() == null));
            f.documentTimestamp = s.documentTimestamp();
            out.add(f);
            if (s.byteRangeProblem() != null || s.subFilter() == null
                    || !PolicyChecks.SUPPORTED_SUBFILTERS.contains(s.subFilter())) {
                continue;
            }
            if (s.cms() == null) {
                f.cmsError = "/Contents holds no signature";
                continue;
            }
            try {
                boolean attached = s.documentTimestamp() || "adbe.pkcs7.sha1".equals(s.subFilter());
                CMSSignedData data = CmsReader.parse(s.cms(), attached ? null : s.signedBytes());
                evidence.addCms(data);
                Collection<SignerInformation> signers = data.getSignerInfos().getSigners();
                f.signerInfoCount = signers.size();
                if (signers.size() != 1) {
                    continue;
                }
                SignerInformation si = signers.iterator().next();
                read(data, si, CmsReader.signedContent(data, attached ? null : s.signedBytes()), trust, evidence, f);
                if (s.documentTimestamp()) {
                    documentTimestamp(data, s, f);
                } else if (attached) {
                    sha1Content(data, s, f);
                }
            } catch (Exception | StackOverflowError e) {
                f.cmsError = "/Contents is not CMS SignedData (" + e.getClass().getSimpleName() + ")";
            }
        }
        return out;
    }

    /** A document timestamp's token signs TSTInfo; what matters is that its imprint is the document's hash. */
    private static void documentTimestamp(CMSSignedData data, PdfSignature s, SignatureFacts f) throws Exception {
        TimeStampToken token = new TimeStampToken(data);
        var info = token.getTimeStampInfo();
        byte[] expected = CmsReader.digest(info.getHashAlgorithm(), s.signedBytes());
        if (expected == null || !MessageDigest.isEqual(expected, info.getMessageImprintDigest())) {
            f.messageDigest = SignatureFacts.Attr.MISMATCH;
        }
        f.claimedSigningTime = info.getGenTime().toInstant();
    }

    /** adbe.pkcs7.sha1 signs the SHA-1 of the byte range as its encapsulated content. */
    private static void sha1Content(CMSSignedData data, PdfSignature s, SignatureFacts f) {
        byte[] content = CmsReader.signedContent(data, null);
        byte[] expected = Pki.digest("SHA-1", s.signedBytes());
        byte[] claimed = content;
        try {
            claimed = ASN1OctetString.getInstance(content).getOctets();
        } catch (RuntimeException ignored) {
            // some signers put the raw digest in eContent, not an OCTET STRING around it
        }
        if (content == null || !(MessageDigest.isEqual(expected, claimed) || MessageDigest.isEqual(expected, content))) {
            f.messageDigest = SignatureFacts.Attr.MISMATCH;
        }
    }

    /**
     * The validation time is the caller's, or the earliest proven existence (the signature's own
     * timestamp, or a later document timestamp over it), or now.
     */
    private void fixTimeAndPath(SignatureFacts f, List<SignatureFacts> all, Instant requested, Instant now,
            TrustContext trust, Evidence evidence) {
        Instant proven = null;
        TimestampFacts own = f.validTimestamp();
        if (own != null) {
            proven = own.genTime();
        } else if (f.pdf != null && !f.documentTimestamp) {
            for (SignatureFacts other : all) {
                if (other.documentTimestamp && other.pdf.revision() > f.pdf.revision() && validTimestamp(other)
                        && (proven == null || other.claimedSigningTime.isBefore(proven))) {
                    proven = other.claimedSigningTime;
                }
            }
        }
        f.timeGivenByCaller = requested != null;
        f.timeProvenByTimestamp = requested == null && proven != null;
        f.validationTime = requested != null ? requested : proven != null ? proven : now;
        if (f.signer == null) {
            return;
        }
        List<X509Certificate> untrusted = new ArrayList<>(evidence.certificates);
        untrusted.addAll(f.embeddedCertificates);
        untrusted.addAll(trust.intermediates());
        PathOptions options = f.documentTimestamp ? PathOptions.timestamping() : PathOptions.signer();
        f.path = paths.validate(new PathInput(f.signer, untrusted, trust.anchors(), Timestamps.allCrls(trust, evidence),
                evidence.ocsp, f.validationTime, options));
    }

    private static boolean validTimestamp(SignatureFacts ts) {
        return ts.cmsError == null && ts.signatureValid == Boolean.TRUE && ts.messageDigest != SignatureFacts.Attr.MISMATCH
                && ts.path != null && ts.path.valid();
    }

    private static SignatureFacts failed(String label, String why) {
        SignatureFacts f = new SignatureFacts();
        f.label = label;
        f.cmsError = why;
        return f;
    }
}
