package vn.kyso.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bouncycastle.cms.CMSSignedData;

import vn.kyso.ca.Pki;
import vn.kyso.verify.Indication;
import vn.kyso.verify.SampleTrust;
import vn.kyso.verify.SignatureReport;
import vn.kyso.verify.TrustContext;
import vn.kyso.verify.ValidationPolicy;
import vn.kyso.verify.VerificationReport;
import vn.kyso.verify.Verifier;

/**
 * CMS signatures from outside (.p7m, .p7s, PEM armour), attached or detached over a fixed text.
 * Whatever the bytes, the verifier answers with a report and never throws; and a report may say
 * TOTAL_PASSED only for content one of the valid samples signs, signed by that sample's signer:
 * nobody without the key can make anything else pass.
 */
class CmsFuzzTest {

    private static final Path DOCUMENTS = SampleTrust.SAMPLES.resolve("documents");
    private static final Verifier VERIFIER = SampleTrust.verifier();
    private static final TrustContext TRUST = SampleTrust.trust();
    private static final List<byte[]> SIGNATURES = Mutations.read(DOCUMENTS, "cms-attached.p7m",
            "cms-timestamped.p7m", "cms-attached.pem.p7m", "cms-detached.p7s", "cms-revoked.p7m", "cms-expired.p7m");
    private static final byte[] DETACHED_CONTENT = Mutations.read(DOCUMENTS.resolve("cms-detached.txt"));
    /** RFC 7468's lax form (blanks may indent a boundary line) with the labels a CMS file carries. */
    private static final Pattern ARMOUR = Pattern.compile(
            "^[ \\t]*-----BEGIN (CMS|PKCS7|SIGNED DATA)-----[ \\t]*\\r?\\n(.*?)^[ \\t]*-----END \\1-----[ \\t]*$",
            Pattern.MULTILINE | Pattern.DOTALL);
    /** "content hash/signer certificate hash" of every signature the valid samples carry. */
    private static final Set<String> MAY_PASS = new HashSet<>();

    static {
        for (byte[] sample : SIGNATURES) {
            for (byte[] content : new byte[][] {null, DETACHED_CONTENT}) {
                VerificationReport report = verify(sample, content);
                if (report.indication() == Indication.TOTAL_PASSED) {
                    MAY_PASS.addAll(signed(sample, content, report));
                }
            }
        }
        if (MAY_PASS.size() < 2) {
            throw new IllegalStateException("the valid samples no longer pass: " + MAY_PASS);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void signatures(FuzzedDataProvider data) {
        Sanitizers.allowLoopback();
        boolean detached = data.consumeBoolean();
        byte[] signature = Mutations.of(data, SIGNATURES);
        byte[] content = detached ? DETACHED_CONTENT : null;
        VerificationReport report = verify(signature, content);
        assertThat(report.indication()).isNotNull();
        if (report.indication() == Indication.TOTAL_PASSED) {
            assertThat(MAY_PASS).as("a changed signature passed").containsAll(signed(signature, content, report));
        }
    }

    private static VerificationReport verify(byte[] signature, byte[] content) {
        return content == null ? VERIFIER.verify(signature, null, null, TRUST, ValidationPolicy.defaults())
                : VERIFIER.verify(content, signature, null, TRUST, ValidationPolicy.defaults());
    }

    /** Read with Bouncy Castle directly, independently of Kyso's reader: what is signed, and by whom. */
    private static List<String> signed(byte[] signature, byte[] content, VerificationReport report) {
        byte[] signedContent;
        try {
            CMSSignedData data = new CMSSignedData(der(signature));
            signedContent = content != null ? content : (byte[]) data.getSignedContent().getContent();
        } catch (Exception e) {
            throw new AssertionError("the verifier passed a signature Bouncy Castle cannot read", e);
        }
        String hash = Pki.sha256Hex(signedContent);
        return report.signatures().stream().map(SignatureReport::signer)
                .map(s -> hash + "/" + (s == null ? "-" : s.certificateSha256())).toList();
    }

    /**
     * The DER a signature file carries, by the format rules rather than Kyso's code: bytes that start
     * with a SEQUENCE tag are DER, whatever text they happen to contain (a certificate in the bag
     * may well hold "-----BEGIN"); anything else must be RFC 7468 armour, a line
     * "-----BEGIN label-----", base64 lines, and a line "-----END label-----" with the same label;
     * text before and after the armour is allowed, on lines of its own.
     */
    private static byte[] der(byte[] data) {
        if (data.length > 0 && data[0] == 0x30) {
            return data;
        }
        Matcher armour = ARMOUR.matcher(new String(data, StandardCharsets.ISO_8859_1));
        if (!armour.find()) {
            throw new IllegalArgumentException("neither DER nor PEM armour");
        }
        return Base64.getMimeDecoder().decode(armour.group(2));
    }
}
