package vn.kyso.verify;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import vn.kyso.verify.path.PathResult;
import vn.kyso.verify.pdf.PdfSignature;

/**
 * Everything observed about one signature, before any judgement: the diagnostic data the policy
 * reads. A null means "not observed" (the step before it failed, or it does not apply).
 */
public class SignatureFacts {

    /** Where attribute or structure checks found a problem, in plain English for the report. */
    public enum Attr { ABSENT, MATCH, MISMATCH, MALFORMED }

    String label;
    PdfSignature pdf;
    /** Another signature in the same PDF is broken: new signatures after this one explain nothing. */
    boolean brokenSignatureInDocument;
    boolean documentTimestamp;

    /** Why the CMS could not be read, or null. */
    String cmsError;
    int signerInfoCount;
    /** The SignerInfo has signed attributes (then contentType and messageDigest are mandatory). */
    boolean signedAttributes;
    Attr contentType;
    Attr messageDigest;
    Attr signingCertificateRef;
    Attr algorithmProtection;
    /** A signed attribute that must occur once occurs several times, or is malformed. */
    String attributeProblem;
    /** No content to check the signature against (detached signature uploaded alone). */
    boolean contentMissing;

    int signerCandidates;
    X509Certificate signer;
    List<X509Certificate> embeddedCertificates = new ArrayList<>();

    String digestAlgorithm;
    String signatureAlgorithm;
    String keyAlgorithm;
    int keySize;
    /** null: could not be checked (unknown algorithm, no certificate). */
    Boolean signatureValid;
    String signatureError;
    boolean algorithmUnsupported;

    Instant claimedSigningTime;
    List<TimestampFacts> timestamps = new ArrayList<>();

    Instant validationTime;
    /** The validation time comes from a valid signature timestamp, not from the clock or the caller. */
    boolean timeProvenByTimestamp;
    boolean timeGivenByCaller;
    PathResult path;

    public String label() { return label; }
    public PdfSignature pdf() { return pdf; }
    public boolean documentTimestamp() { return documentTimestamp; }
    public X509Certificate signer() { return signer; }
    public Instant claimedSigningTime() { return claimedSigningTime; }
    public List<TimestampFacts> timestamps() { return timestamps; }
    public Instant validationTime() { return validationTime; }
    public PathResult path() { return path; }

    /** The first signature timestamp whose token verified, if any. */
    public TimestampFacts validTimestamp() {
        return timestamps.stream().filter(TimestampFacts::valid).findFirst().orElse(null);
    }
}
