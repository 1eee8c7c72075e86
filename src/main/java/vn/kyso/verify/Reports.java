package vn.kyso.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import vn.kyso.ca.Pki;
import vn.kyso.common.Bilingual;

/** The last step: from facts and checks to the contract's report, with a verdict a clerk can read. */
final class Reports {

    /** The document itself could not be read as what it claims to be. */
    record DocumentProblem(String reason) {
    }

    private Reports() {
    }

    static VerificationReport write(DocumentFormat format, byte[] document, List<SignatureFacts> facts,
            ValidationPolicy policy, DocumentProblem problem, Instant validationTime, Instant now) {
        String sha256 = Pki.sha256Hex(document);
        if (problem != null) {
            return new VerificationReport(null, Indication.INDETERMINATE, SubIndication.FORMAT_FAILURE,
                    verdict(Indication.INDETERMINATE), new Bilingual(
                            "Không đọc được tệp PDF một cách an toàn (" + problem.reason() + "); không thể kết luận về chữ ký.",
                            "The PDF cannot be read safely (" + problem.reason() + "); no conclusion about its signatures."),
                    format.name(), sha256, document.length, validationTime, now, List.of());
        }
        if (facts.isEmpty()) {
            Bilingual why = format == DocumentFormat.UNKNOWN
                    ? new Bilingual("Tệp không phải PDF hay chữ ký CMS (.p7m, .p7s): Kyso không tìm thấy chữ ký nào.",
                            "The file is neither a PDF nor a CMS signature (.p7m, .p7s): Kyso found no signature.")
                    : new Bilingual("Tài liệu không có chữ ký số nào.", "The document carries no digital signature.");
            return new VerificationReport(null, Indication.NO_SIGNATURE_FOUND, null, verdict(Indication.NO_SIGNATURE_FOUND),
                    why, format.name(), sha256, document.length, validationTime, now, List.of());
        }
        List<SignatureReport> signatures = new ArrayList<>();
        for (SignatureFacts f : facts) {
            signatures.add(signature(f, PolicyChecks.apply(policy, f)));
        }
        SignatureReport worst = signatures.stream()
                .max(Comparator.comparingInt(s -> severity(s.indication()))).orElseThrow();
        Indication overall = worst.indication();
        return new VerificationReport(null, overall, worst.subIndication(), verdict(overall),
                summary(overall, worst, signatures.size()), format.name(), sha256, document.length, validationTime,
                now, signatures);
    }

    private static SignatureReport signature(SignatureFacts f, List<Check> checks) {
        Check decisive = checks.stream().filter(c -> c.decisive() && c.result() == Check.Result.FAILED).findFirst()
                .orElse(checks.stream().filter(Check::decisive).findFirst().orElse(null));
        Indication indication = decisive == null ? Indication.TOTAL_PASSED
                : decisive.result() == Check.Result.FAILED ? Indication.TOTAL_FAILED : Indication.INDETERMINATE;
        TimestampFacts ts = f.validTimestamp();
        return new SignatureReport(indication, decisive == null ? null : decisive.subIndication(), f.documentTimestamp,
                f.pdf == null ? null : f.pdf.fieldName(), signer(f), claimed(f), ts == null ? null : ts.genTime(),
                f.pdf == null ? null : f.pdf.coversWholeDocument(), f.validationTime, checks);
    }

    private static Instant claimed(SignatureFacts f) {
        if (f.claimedSigningTime != null) {
            return f.claimedSigningTime;
        }
        return f.pdf == null ? null : f.pdf.claimedSigningTime();
    }

    private static SignatureReport.Signer signer(SignatureFacts f) {
        if (f.signer == null) {
            return null;
        }
        return new SignatureReport.Signer(Names.dn(f.signer), Names.commonName(f.signer),
                Pki.hex(f.signer.getSerialNumber()), Names.issuerDn(f.signer), Pki.sha256Hex(Pki.encoded(f.signer)),
                null, null, null, null);
    }

    private static int severity(Indication i) {
        return switch (i) {
            case TOTAL_PASSED, NO_SIGNATURE_FOUND -> 0;
            case INDETERMINATE -> 1;
            case TOTAL_FAILED -> 2;
        };
    }

    static Bilingual verdict(Indication i) {
        return switch (i) {
            case TOTAL_PASSED -> new Bilingual("Hợp lệ", "Valid");
            case TOTAL_FAILED -> new Bilingual("Không hợp lệ", "Invalid");
            case INDETERMINATE -> new Bilingual("Không xác định", "Cannot be determined");
            case NO_SIGNATURE_FOUND -> new Bilingual("Không có chữ ký", "No signature");
        };
    }

    private static Bilingual summary(Indication overall, SignatureReport worst, int count) {
        if (overall == Indication.TOTAL_PASSED) {
            return new Bilingual(count == 1 ? "Chữ ký số hợp lệ." : "Cả " + count + " chữ ký số đều hợp lệ.",
                    count == 1 ? "The signature is valid." : "All " + count + " signatures are valid.");
        }
        Check decisive = worst.checks().stream().filter(Check::decisive)
                .filter(c -> overall != Indication.TOTAL_FAILED || c.result() == Check.Result.FAILED)
                .findFirst().orElse(null);
        Bilingual why = decisive == null ? new Bilingual("", "") : decisive.detail();
        String who = worst.signer() == null ? "" : " (" + worst.signer().commonName() + ")";
        return overall == Indication.TOTAL_FAILED
                ? new Bilingual("Chữ ký" + who + " không hợp lệ: " + why.vi(), "The signature" + who + " is invalid: " + why.en())
                : new Bilingual("Chưa xác định được tính hợp lệ của chữ ký" + who + ": " + why.vi(),
                        "The signature" + who + " cannot be confirmed: " + why.en());
    }
}
