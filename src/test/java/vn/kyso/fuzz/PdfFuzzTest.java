package vn.kyso.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import vn.kyso.ca.Pki;
import vn.kyso.verify.Indication;
import vn.kyso.verify.SampleTrust;
import vn.kyso.verify.TrustContext;
import vn.kyso.verify.ValidationPolicy;
import vn.kyso.verify.VerificationReport;
import vn.kyso.verify.Verifier;
import vn.kyso.verify.pdf.PdfFacts;
import vn.kyso.verify.pdf.PdfFormatException;
import vn.kyso.verify.pdf.PdfLimits;
import vn.kyso.verify.pdf.PdfReader;
import vn.kyso.verify.pdf.PdfSignature;

/**
 * Signed PDFs from outside. The reader ends in facts within its limits or in a format failure,
 * never in anything else (an error that kills its worker thread shows as "could not be read", and
 * counts as a finding here); the verifier never throws; and a changed PDF passes only if every
 * signature still covers exactly bytes a valid sample's signature covers, by the same signer.
 */
class PdfFuzzTest {

    private static final Path DOCUMENTS = SampleTrust.SAMPLES.resolve("documents");
    private static final PdfLimits LIMITS = new PdfLimits(20_000, 50, 10, Duration.ofSeconds(10));
    private static final Verifier VERIFIER = SampleTrust.verifier();
    private static final TrustContext TRUST = SampleTrust.trust();
    private static final List<byte[]> PDFS = Mutations.read(DOCUMENTS, "pdf-signed.pdf", "pdf-two-signatures.pdf",
            "pdf-timestamped.pdf", "pdf-signed.appended.pdf", "pdf-unsigned.pdf");
    private static final Set<String> MAY_PASS = new HashSet<>();

    static {
        for (byte[] sample : PDFS) {
            VerificationReport report = VERIFIER.verify(sample, null, null, TRUST, ValidationPolicy.defaults());
            if (report.indication() == Indication.TOTAL_PASSED) {
                MAY_PASS.addAll(signed(sample, report));
            }
        }
        if (MAY_PASS.size() < 3) {
            throw new IllegalStateException("the valid samples no longer pass: " + MAY_PASS);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void signedPdfs(FuzzedDataProvider data) {
        Sanitizers.allowLoopback();
        byte[] pdf = Mutations.of(data, PDFS);
        try {
            PdfFacts facts = PdfReader.read(pdf, LIMITS);
            assertThat(facts.signatures()).hasSizeLessThanOrEqualTo(LIMITS.maxSignatures());
        } catch (PdfFormatException e) {
            assertThat(e.getMessage()).as("an error escaped the reader").isNotEqualTo("The PDF could not be read");
        }
        VerificationReport report = VERIFIER.verify(pdf, null, null, TRUST, ValidationPolicy.defaults());
        if (report.indication() == Indication.TOTAL_PASSED) {
            assertThat(MAY_PASS).as("a changed PDF passed").containsAll(signed(pdf, report));
        }
    }

    /** "hash of the signed byte ranges/signer certificate hash" of each signature. */
    private static List<String> signed(byte[] pdf, VerificationReport report) {
        List<PdfSignature> signatures;
        try {
            signatures = PdfReader.read(pdf, PdfLimits.defaults()).signatures();
        } catch (PdfFormatException e) {
            throw new AssertionError("the verifier passed a PDF the reader refuses", e);
        }
        assertThat(signatures).hasSameSizeAs(report.signatures());
        return java.util.stream.IntStream.range(0, signatures.size()).mapToObj(i -> {
            var signer = report.signatures().get(i).signer();
            byte[] bytes = signatures.get(i).signedBytes();
            return (bytes == null ? "-" : Pki.sha256Hex(bytes)) + "/" + (signer == null ? "-" : signer.certificateSha256());
        }).toList();
    }
}
