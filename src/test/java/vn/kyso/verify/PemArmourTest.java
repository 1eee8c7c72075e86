package vn.kyso.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/**
 * CMS in PEM armour is read by RFC 7468's rules (lax form): the boundaries are lines of their own,
 * explanatory text may stand on lines before and after. A boundary in the middle of a line is not
 * armour, and DER stays DER whatever text its bytes happen to hold.
 */
class PemArmourTest {

    private static final Path DOCUMENTS = SampleTrust.SAMPLES.resolve("documents");

    private static String armoured() throws Exception {
        return Files.readString(DOCUMENTS.resolve("cms-attached.pem.p7m"), StandardCharsets.US_ASCII);
    }

    private static byte[] der(String text) {
        return DocumentFormat.cmsDer(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void armourOnLinesOfItsOwnIsRead() throws Exception {
        String pem = armoured();
        byte[] expected = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        assertThat(der(pem)).isEqualTo(expected);
        assertThat(der("Chữ ký của Sở Nội vụ\r\n\n" + pem.replace("\n", "\r\n") + "\ncuối tệp\n")).isEqualTo(expected);
        assertThat(der(pem.replace("-----BEGIN", "  -----BEGIN").replace("-----END", "\t-----END")))
                .isEqualTo(expected);
    }

    @Test
    void boundaryInTheMiddleOfALineIsNotArmour() throws Exception {
        String pem = armoured();
        assertThat(der("x" + pem)).isNull();
        assertThat(der("text -----BEGIN CMS-----\n" + pem.substring(pem.indexOf('\n') + 1))).isNull();
        assertThat(der(pem.replace("-----END CMS-----", "MIIK-----END CMS-----"))).isNull();
        assertThat(der(pem.replace("-----END CMS-----", "-----END CMS-----junk"))).isNull();
        assertThat(der(pem.replace("-----BEGIN CMS-----\n", "-----BEGIN CMS-----MIIK\n"))).isNull();
        assertThat(der(pem.replace("-----END CMS-----", "-----END PKCS7-----"))).isNull();
    }

    @Test
    void malformedArmourIsNotPassed() throws Exception {
        byte[] document = ("x" + armoured()).getBytes(StandardCharsets.US_ASCII);
        VerificationReport report = SampleTrust.verifier().verify(document, null, null, SampleTrust.trust(),
                ValidationPolicy.defaults());
        assertThat(report.indication()).isNotEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void derHoldingArmourTextIsStillDer() throws Exception {
        byte[] der = Files.readAllBytes(DOCUMENTS.resolve("cms-timestamped.p7m"));
        byte[] text = "*-----BEGIN\u000e".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, der, 666, text.length);
        assertThat(DocumentFormat.cmsDer(der)).isSameAs(der);
    }
}
