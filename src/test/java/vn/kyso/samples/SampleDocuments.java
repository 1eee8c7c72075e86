package vn.kyso.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cms.CMSSignedData;

import vn.kyso.ca.Pki;

/**
 * Signed documents made with the sample keys, for {@code pki-samples/documents/}, and a manifest of
 * what a verifier should conclude about each (ETSI EN 319 102-1 indications), validating when the
 * samples were made, with Kyso's root as the only trust anchor and Kyso's registry for revocation.
 */
final class SampleDocuments {

    static final String HEADER = "file\tcontent\tformat\tsigners\texpected_indication\texpected_subindication\tnote";
    static final String TSA = "tsa";
    private static final String PASSED = "TOTAL_PASSED";
    private static final String FAILED = "TOTAL_FAILED";
    private static final String INDETERMINATE = "INDETERMINATE";

    private final Map<String, SamplePki.Sample> samples;
    private final X509Certificate issuing;
    private final Clock clock;
    private final SampleTsa tsa;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final StringBuilder manifest = new StringBuilder(HEADER + "\n");

    private SampleDocuments(List<SamplePki.Sample> samples, X509Certificate issuing, Clock clock) {
        this.samples = samples.stream().collect(Collectors.toMap(SamplePki.Sample::name, Function.identity()));
        this.issuing = issuing;
        this.clock = clock;
        this.tsa = new SampleTsa(this.samples.get(TSA), issuing, clock);
    }

    /**
     * File name to bytes, manifest.tsv included. {@code revokedAt} is when the revoked sample was
     * revoked: its documents must claim a later time, to the second, as signingTime records it.
     */
    static Map<String, byte[]> make(List<SamplePki.Sample> samples, X509Certificate issuing, Clock clock,
            Instant revokedAt) throws IOException {
        SampleDocuments documents = new SampleDocuments(samples, issuing, clock);
        documents.build(revokedAt);
        documents.files.put("manifest.tsv", documents.manifest.toString().getBytes(StandardCharsets.UTF_8));
        return documents.files;
    }

    private void build(Instant revokedAt) throws IOException {
        Instant now = seconds();
        String date = LocalDate.ofInstant(now, SamplePdf.VIETNAM).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        byte[] text = ("Công văn số 123/UBND-VP ngày " + date + " của Ủy ban nhân dân tỉnh Lâm Đồng về việc triển khai"
                + " chữ ký số chuyên dùng. Văn bản mẫu, không có giá trị pháp lý.\n").getBytes(StandardCharsets.UTF_8);

        byte[] attached = der(cms("individual-rsa", text, true, now, false));
        add("cms-attached.p7m", attached, null, "CMS_ATTACHED", "individual-rsa", PASSED, null,
                "Attached CMS in DER; the content is the công văn text in UTF-8");
        add("cms-attached.pem.p7m", Pki.pem("CMS", attached).getBytes(StandardCharsets.US_ASCII), null,
                "CMS_ATTACHED", "individual-rsa", PASSED, null, "The same signature as cms-attached.p7m, PEM armour");
        add("cms-attached.tampered.p7m", change(attached, "123/UBND", "128/UBND"), null, "CMS_ATTACHED",
                "individual-rsa", FAILED, "HASH_FAILURE", "One byte of the eContent changed (số 123 became 128)");

        files.put("cms-detached.txt", text);
        files.put("cms-detached.tampered.txt", change(text, "123/UBND", "128/UBND"));
        byte[] detached = der(cms("individual-ecdsa", text, false, now, false));
        add("cms-detached.p7s", detached, "cms-detached.txt", "CMS_DETACHED", "individual-ecdsa", PASSED, null,
                "Detached CMS in DER over cms-detached.txt");
        add("cms-detached.p7s", null, "cms-detached.tampered.txt", "CMS_DETACHED", "individual-ecdsa", FAILED,
                "HASH_FAILURE", "The original signature over changed content (số 123 became 128)");

        add("cms-timestamped.p7m", der(cms("individual-ecdsa", text, true, now, true)), null, "CMS_ATTACHED",
                "individual-ecdsa", PASSED, null, "Attached CMS with an RFC 3161 signature timestamp from the sample TSA");

        byte[] unsigned = SamplePdf.document("CÔNG VĂN SỐ 123/UBND-VP", List.of(
                "Lâm Đồng, ngày " + date,
                "V/v triển khai chữ ký số chuyên dùng Chính phủ",
                "Kính gửi: Sở Y tế; Bệnh viện Đa khoa tỉnh Lâm Đồng.",
                "Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị dùng chứng thư số",
                "chuyên dùng để ký văn bản điện tử và kiểm tra chữ ký trước khi xử lý.",
                "Văn bản mẫu của Kyso, không có giá trị pháp lý."));
        add("pdf-unsigned.pdf", unsigned, null, "PDF", "", "NO_SIGNATURE_FOUND", null, "The page the others sign");

        byte[] signed = pdf(unsigned, "individual-ecdsa", now, "Phê duyệt", false);
        add("pdf-signed.pdf", signed, null, "PDF", "individual-ecdsa", PASSED, null,
                "One invisible PAdES signature (ETSI.CAdES.detached), claimed time in /M");
        add("pdf-signed.tampered.pdf", change(signed, SamplePdf.SUBJECT, SamplePdf.SUBJECT.replace("123", "128")),
                null, "PDF", "individual-ecdsa", FAILED, "HASH_FAILURE",
                "One byte inside the signed range changed: the /Subject of the document information (123 became 128)");
        add("pdf-signed.appended.pdf", SamplePdf.appendToPage(signed, "Bo sung sau khi ky: kinh phi 950.000.000 dong"),
                null, "PDF", "individual-ecdsa", FAILED, "FORMAT_FAILURE",
                "Incremental saving attack: a later update adds text to the signed page; the signature's own bytes"
                        + " still hash correctly, the change after signing is unexplained");

        byte[] two = pdf(pdf(unsigned, "individual-rsa", now, "Phê duyệt", false), "organization-seal", now,
                "Đóng dấu", false);
        add("pdf-two-signatures.pdf", two, null, "PDF", "individual-rsa,organization-seal", PASSED, null,
                "Signed by the individual, then by the organisation seal in an incremental update");
        add("pdf-two-signatures.tampered.pdf", change(two, SamplePdf.SUBJECT, SamplePdf.SUBJECT.replace("123", "128")),
                null, "PDF", "individual-rsa,organization-seal", FAILED, "HASH_FAILURE",
                "One byte of the first revision changed, so both signatures' hashes fail");

        byte[] stamped = pdf(unsigned, "organization-seal", now, "Đóng dấu", true);
        add("pdf-timestamped.pdf", stamped, null, "PDF", "organization-seal", PASSED, null,
                "PAdES signature with an RFC 3161 signature timestamp (unsigned attribute) from the sample TSA");
        add("pdf-timestamped.tampered.pdf", change(stamped, SamplePdf.SUBJECT, SamplePdf.SUBJECT.replace("123", "128")),
                null, "PDF", "organization-seal", FAILED, "HASH_FAILURE",
                "One byte inside the signed range changed; the timestamp is intact but the signed data is not");

        Instant afterRevocation = after(revokedAt);
        String noPoe = "no proof of existence before the revocation: signingTime and /M are the signer's claim only"
                + " (EN 319 102-1 gives TOTAL_FAILED/REVOKED only with such a proof)";
        add("cms-revoked.p7m", der(cms("revoked", text, true, afterRevocation, false)), null, "CMS_ATTACHED",
                "revoked", INDETERMINATE, "REVOKED_NO_POE", "Signed by the revoked certificate after its revocation"
                        + " (keyCompromise), no timestamp; " + noPoe);
        add("pdf-signed-revoked.pdf", pdf(unsigned, "revoked", afterRevocation, "Phê duyệt", false), null, "PDF",
                "revoked", INDETERMINATE, "REVOKED_NO_POE", "Signed by the revoked certificate after its revocation,"
                        + " no timestamp; " + noPoe);
        add("cms-expired.p7m", der(cms("expired", text, true, now, false)), null, "CMS_ATTACHED", "expired",
                INDETERMINATE, "OUT_OF_BOUNDS_NO_POE", "Signed with the expired certificate's key, signingTime after its"
                        + " notAfter, no timestamp: nothing proves the signature existed while the certificate was valid");
    }

    private CMSSignedData cms(String signer, byte[] content, boolean attached, Instant signingTime, boolean stamp) {
        return SampleSigner.sign(samples.get(signer), issuing, content, attached, signingTime, stamp ? tsa : null);
    }

    private byte[] pdf(byte[] pdf, String signer, Instant claimed, String reason, boolean stamp) throws IOException {
        return SamplePdf.sign(pdf, samples.get(signer), issuing, claimed, reason, stamp ? tsa : null);
    }

    /** {@code bytes} null: a further row for a file already written. */
    private void add(String file, byte[] bytes, String content, String format, String signers, String indication,
            String subIndication, String note) {
        if (bytes != null) {
            files.put(file, bytes);
        }
        manifest.append(String.join("\t", file, content == null ? "" : content, format, signers, indication,
                subIndication == null ? "" : subIndication, note)).append('\n');
    }

    private Instant seconds() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The first whole second after {@code revokedAt}: signingTime keeps only seconds. */
    private Instant after(Instant revokedAt) {
        Instant at = seconds();
        while (!at.isAfter(revokedAt)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            at = seconds();
        }
        return at;
    }

    private static byte[] der(CMSSignedData data) throws IOException {
        return data.getEncoded(ASN1Encoding.DER);
    }

    /** Replaces the one occurrence of {@code from}; a same-length change keeps every offset in the file. */
    static byte[] change(byte[] data, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.UTF_8);
        byte[] b = to.getBytes(StandardCharsets.UTF_8);
        if (a.length != b.length) {
            throw new IllegalArgumentException("Not the same length: " + from + ", " + to);
        }
        int at = indexOf(data, a, 0);
        if (at < 0 || indexOf(data, a, at + 1) >= 0) {
            throw new IllegalStateException("Not exactly one \"" + from + "\" to change");
        }
        byte[] copy = Arrays.copyOf(data, data.length);
        System.arraycopy(b, 0, copy, at, b.length);
        return copy;
    }

    static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = from; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
