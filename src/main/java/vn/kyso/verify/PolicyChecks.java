package vn.kyso.verify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import vn.kyso.common.Bilingual;
import vn.kyso.verify.Check.Result;
import vn.kyso.verify.path.CertStatus;
import vn.kyso.verify.path.PathResult;
import vn.kyso.verify.pdf.PdfChange;
import vn.kyso.verify.pdf.PdfSignature;

/**
 * Applies a validation policy to the facts of one signature, in the order of the checks a
 * correct verifier makes, and explains each result in Vietnamese and English.
 */
final class PolicyChecks {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PolicyChecks.class);

    static final Set<String> SUPPORTED_SUBFILTERS =
            Set.of("adbe.pkcs7.detached", "ETSI.CAdES.detached", "adbe.pkcs7.sha1", "ETSI.RFC3161");
    /** Clocks of signers and timestamp authorities disagree a little; more than this is not a clock. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final ValidationPolicy policy;
    private final List<Check> checks = new ArrayList<>();

    private PolicyChecks(ValidationPolicy policy) {
        this.policy = policy;
    }

    static List<Check> apply(ValidationPolicy policy, SignatureFacts f) {
        PolicyChecks p = new PolicyChecks(policy);
        try {
            p.run(f);
        } catch (RuntimeException e) {
            // Facts from a damaged file that every check above failed to foresee: never a pass, never a
            // 500, but logged with its stack, since it is also how a bug in a check would show.
            LOG.warn("A check could not judge the facts of signature {}", f.label, e);
            p.add("integrity", Result.FAILED, SubIndication.FORMAT_FAILURE,
                    "Chữ ký có dữ liệu hỏng không đọc được (%s).", "The signature holds damaged data that cannot be read (%s).",
                    e.getClass().getSimpleName());
        }
        return p.checks;
    }

    private void run(SignatureFacts f) {
        if (f.pdf != null && !pdfStructure(f.pdf)) {
            return;
        }
        if (!cmsStructure(f)) {
            return;
        }
        signingCertificate(f);
        digest(f);
        signatureValue(f);
        algorithms(f);
        timestamp(f);
        path(f);
        revocation(f);
        timeCoherence(f);
        if (f.pdf != null) {
            laterChanges(f.pdf, f.brokenSignatureInDocument);
        }
    }

    private boolean pdfStructure(PdfSignature s) {
        if (s.subFilter() == null || !SUPPORTED_SUBFILTERS.contains(s.subFilter())) {
            add("byteRange", Result.INDETERMINATE, SubIndication.FORMAT_FAILURE,
                    "Kiểu chữ ký PDF «%s» không được hỗ trợ.", "The PDF signature type «%s» is not supported.",
                    s.subFilter());
            return false;
        }
        if (s.byteRangeProblem() != null) {
            add("byteRange", Result.FAILED, SubIndication.FORMAT_FAILURE,
                    "Vùng dữ liệu được ký (/ByteRange) không hợp lệ (%s): tệp đã bị sửa hoặc làm giả sau khi ký.",
                    "The signed byte range (/ByteRange) is invalid (%s): the file was altered or forged after signing.",
                    s.byteRangeProblem());
            return false;
        }
        if (!s.contentsPaddingClean()) {
            add("byteRange", Result.FAILED, SubIndication.FORMAT_FAILURE,
                    "Trường /Contents chứa dữ liệu lạ sau chữ ký.",
                    "/Contents holds extra data after the signature.");
            return false;
        }
        add("byteRange", Result.PASSED, null,
                "Vùng được ký hợp lệ: %s.", "The signed byte range is well formed: %s.",
                s.coversWholeDocument() ? "bao trùm toàn bộ tệp / covers the whole file"
                        : "phiên bản " + s.revision() + " / revision " + s.revision());
        return true;
    }

    private boolean cmsStructure(SignatureFacts f) {
        if (f.cmsError != null) {
            add("cmsStructure", Result.FAILED, SubIndication.FORMAT_FAILURE,
                    "Không đọc được cấu trúc chữ ký CMS (%s).", "The CMS signature cannot be read (%s).", f.cmsError);
            return false;
        }
        if (f.pdf != null && f.signerInfoCount != 1) {
            add("cmsStructure", Result.FAILED, SubIndication.FORMAT_FAILURE,
                    "Chữ ký PDF phải có đúng một người ký, nhưng có %s.",
                    "A PDF signature must hold exactly one signer, but holds %s.", f.signerInfoCount);
            return false;
        }
        if (f.attributeProblem != null) {
            add("cmsStructure", Result.FAILED, SubIndication.FORMAT_FAILURE,
                    "Thuộc tính được ký không đúng chuẩn (%s).", "The signed attributes are malformed (%s).",
                    f.attributeProblem);
            return false;
        }
        if (f.contentType == SignatureFacts.Attr.MISMATCH) {
            add("cmsStructure", Result.FAILED, SubIndication.FORMAT_FAILURE,
                    "Thuộc tính contentType không khớp với loại nội dung được ký.",
                    "The contentType attribute does not match the type of the signed content.");
            return false;
        }
        if (f.algorithmProtection == SignatureFacts.Attr.MISMATCH) {
            add("cmsStructure", Result.FAILED, SubIndication.FORMAT_FAILURE,
                    "Thuộc tính bảo vệ thuật toán (cmsAlgorithmProtection) không khớp với thuật toán đã dùng.",
                    "The cmsAlgorithmProtection attribute does not match the algorithms used.");
            return false;
        }
        String fixed = Algorithms.digestOfSignature(f.signatureAlgorithm);
        if (fixed != null && !fixed.equals(Algorithms.plain(f.digestAlgorithm))) {
            add("cmsStructure", Result.FAILED, SubIndication.FORMAT_FAILURE,
                    "Thuật toán băm %s không khớp với thuật toán chữ ký %s.",
                    "The digest algorithm %s does not match the signature algorithm %s.",
                    f.digestAlgorithm, f.signatureAlgorithm);
            return false;
        }
        if (f.contentMissing) {
            add("cmsStructure", Result.INDETERMINATE, SubIndication.SIGNED_DATA_NOT_FOUND,
                    "Đây là chữ ký tách rời (.p7s): hãy tải lên cả văn bản được ký.",
                    "This is a detached signature (.p7s): upload the signed document with it.");
            return false;
        }
        add("cmsStructure", Result.PASSED, null, "Cấu trúc chữ ký CMS đúng chuẩn.", "The CMS structure is well formed.");
        return true;
    }

    private void signingCertificate(SignatureFacts f) {
        if (f.signerCandidates == 0) {
            add("signingCertificate", Result.INDETERMINATE, SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                    "Chữ ký không kèm chứng thư số của người ký và Kyso không có chứng thư đó.",
                    "The signature does not carry the signer's certificate and Kyso does not hold it.");
        } else if (f.signerCandidates > 1) {
            add("signingCertificate", Result.INDETERMINATE, SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                    "Có %s chứng thư số cùng khớp với người ký: không xác định được người ký.",
                    "%s certificates match the signer identifier: the signer is ambiguous.", f.signerCandidates);
        } else if (f.signingCertificateRef == SignatureFacts.Attr.MISMATCH
                || f.signingCertificateRef == SignatureFacts.Attr.MALFORMED) {
            add("signingCertificate", Result.INDETERMINATE, SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                    "Chứng thư số kèm theo không phải chứng thư mà người ký đã ký xác nhận (signingCertificate).",
                    "The certificate supplied is not the one the signer committed to (signingCertificate).");
        } else if (f.signingCertificateRef == SignatureFacts.Attr.ABSENT && requiresReference(f)) {
            add("signingCertificate", Result.INDETERMINATE, SubIndication.SIG_CONSTRAINTS_FAILURE,
                    "Chữ ký CAdES/PAdES thiếu thuộc tính signingCertificateV2.",
                    "The CAdES/PAdES signature lacks the signingCertificateV2 attribute.");
        } else {
            add("signingCertificate", Result.PASSED, null, "Người ký: %s.", "Signer: %s.",
                    Names.commonName(f.signer));
        }
    }

    private boolean requiresReference(SignatureFacts f) {
        return policy.requireSigningCertificateReference() && f.pdf != null
                && "ETSI.CAdES.detached".equals(f.pdf.subFilter());
    }

    private void digest(SignatureFacts f) {
        if (f.messageDigest == SignatureFacts.Attr.MISMATCH) {
            add("messageDigest", Result.FAILED, SubIndication.HASH_FAILURE,
                    "Nội dung đã bị thay đổi sau khi ký: mã băm không khớp.",
                    "The content was changed after signing: its digest does not match.");
        } else if (f.messageDigest == SignatureFacts.Attr.MATCH) {
            add("messageDigest", Result.PASSED, null, "Nội dung còn nguyên vẹn (%s).", "The content is intact (%s).",
                    f.digestAlgorithm);
        } else if (!f.signedAttributes) {
            add("messageDigest", Result.SKIPPED, null,
                    "Chữ ký không có thuộc tính được ký: chữ ký được kiểm tra trực tiếp trên nội dung.",
                    "No signed attributes: the signature value is checked over the content directly.");
        } else {
            add("messageDigest", Result.INDETERMINATE, SubIndication.CRYPTO_CONSTRAINTS_FAILURE,
                    "Không tính được mã băm bằng thuật toán %s.", "The digest algorithm %s is not supported.",
                    f.digestAlgorithm);
        }
    }

    private void signatureValue(SignatureFacts f) {
        if (f.signatureValid == null) {
            if (f.algorithmUnsupported) {
                add("signatureValue", Result.INDETERMINATE, SubIndication.CRYPTO_CONSTRAINTS_FAILURE,
                        "Thuật toán chữ ký %s không được hỗ trợ: không kiểm tra được chữ ký.",
                        "The signature algorithm %s is not supported: the signature cannot be checked.",
                        f.signatureAlgorithm);
            } else {
                add("signatureValue", Result.SKIPPED, null, "Chưa kiểm tra được giá trị chữ ký.",
                        "The signature value could not be checked.");
            }
        } else if (!f.signatureValid) {
            String why = f.signatureError == null ? "" : " (" + f.signatureError + ")";
            add("signatureValue", Result.FAILED, SubIndication.SIG_CRYPTO_FAILURE,
                    "Giá trị chữ ký không khớp với khóa công khai của người ký: chữ ký giả hoặc đã bị sửa%s.",
                    "The signature value does not verify with the signer's public key: forged or altered%s.", why);
        } else {
            add("signatureValue", Result.PASSED, null, "Giá trị chữ ký đúng (%s).", "The signature value verifies (%s).",
                    f.signatureAlgorithm);
        }
    }

    private void algorithms(SignatureFacts f) {
        if (f.signer == null) {
            return;
        }
        Algorithms.Strength digest = Algorithms.digest(f.digestAlgorithm);
        String fixed = Algorithms.digestOfSignature(f.signatureAlgorithm);
        if (fixed != null && Algorithms.digest(fixed).ordinal() < digest.ordinal()) {
            digest = Algorithms.digest(fixed);
        }
        if (digest == Algorithms.Strength.BROKEN) {
            add("algorithms", Result.FAILED, SubIndication.SIG_CRYPTO_FAILURE,
                    "Thuật toán băm %s đã bị phá vỡ: chữ ký không có giá trị.",
                    "The digest algorithm %s is broken: the signature proves nothing.", f.digestAlgorithm);
            return;
        }
        TimestampFacts ts = f.validTimestamp();
        if (digest == Algorithms.Strength.LEGACY && !policy.acceptLegacyAlgorithms()
                && (ts == null || !ts.genTime().isBefore(policy.sha1AcceptedBefore()))) {
            add("algorithms", Result.INDETERMINATE, SubIndication.CRYPTO_CONSTRAINTS_FAILURE,
                    "Thuật toán băm %s đã lỗi thời và không có dấu thời gian chứng minh chữ ký được tạo trước %s.",
                    "The digest algorithm %s is retired and no timestamp proves the signature predates %s.",
                    f.digestAlgorithm, policy.sha1AcceptedBefore().toString().substring(0, 10));
            return;
        }
        int min = switch (f.keyAlgorithm == null ? "" : f.keyAlgorithm) {
            case "RSA" -> policy.minRsaBits();
            case "EC" -> policy.minEcBits();
            case "DSA" -> policy.minDsaBits();
            default -> 0;
        };
        if (f.keySize < min) {
            add("algorithms", Result.INDETERMINATE, SubIndication.CRYPTO_CONSTRAINTS_FAILURE,
                    "Khóa %s dài %s bit, ngắn hơn mức tối thiểu %s bit.",
                    "The %s key is %s bits, shorter than the required %s bits.", f.keyAlgorithm, f.keySize, min);
            return;
        }
        add("algorithms", Result.PASSED, null, "Thuật toán đạt yêu cầu: %s, khóa %s %s bit.",
                "Algorithms acceptable: %s, %s key of %s bits.", f.signatureAlgorithm, f.keyAlgorithm, f.keySize);
    }

    private void timestamp(SignatureFacts f) {
        if (f.timestamps.isEmpty()) {
            if (f.timeGivenByCaller) {
                add("timestamp", Result.SKIPPED, null,
                        "Không có dấu thời gian; chữ ký được kiểm tra tại thời điểm bạn chọn: %s.",
                        "No timestamp; the signature is checked at the time you chose: %s.", time(f.validationTime));
            } else {
                add("timestamp", Result.SKIPPED, null,
                        "Không có dấu thời gian: thời điểm ký chỉ là lời khai của người ký, chữ ký được kiểm tra tại thời điểm hiện tại (%s).",
                        "No timestamp: the signing time is only the signer's claim; the signature is checked as of now (%s).",
                        time(f.validationTime));
            }
            return;
        }
        for (TimestampFacts t : f.timestamps) {
            if (t.valid()) {
                add("timestamp", Result.PASSED, null,
                        "Dấu thời gian hợp lệ của «%s» chứng minh chữ ký đã có lúc %s.",
                        "A valid timestamp from «%s» proves the signature existed at %s.",
                        Names.commonName(t.tsa()), time(t.genTime()));
            } else if (!t.imprintMatches() && t.error() == null) {
                add("timestamp", Result.FAILED, SubIndication.HASH_FAILURE,
                        "Dấu thời gian không khớp với chữ ký mà nó đóng dấu.",
                        "The timestamp does not match the signature it claims to cover.");
            } else if (t.error() != null && t.tsa() != null && !t.tokenSignatureValid()) {
                add("timestamp", Result.FAILED, SubIndication.SIG_CRYPTO_FAILURE,
                        "Chữ ký của dấu thời gian không hợp lệ: %s.", "The timestamp's own signature is invalid: %s.",
                        t.error());
            } else {
                Bilingual why = t.tsaPath() != null ? t.tsaPath().explanation()
                        : new Bilingual(t.error(), t.error());
                checks.add(new Check("timestamp", Result.INDETERMINATE, null, new Bilingual(
                        "Không dùng được dấu thời gian làm bằng chứng: " + why.vi(),
                        "The timestamp cannot serve as proof: " + why.en())));
            }
        }
    }

    private void path(SignatureFacts f) {
        PathResult p = f.path;
        if (p == null) {
            return;
        }
        if (p.valid() || isRevocation(p.subIndication())) {
            add("certificatePath", Result.PASSED, null,
                    "Chứng thư số của người ký dẫn tới chứng thư gốc tin cậy «%s».",
                    "The signer's certificate chains to the trusted root «%s».",
                    p.chain().isEmpty() ? "?" : Names.commonName(p.chain().get(p.chain().size() - 1)));
            return;
        }
        Result r = p.outcome() == PathResult.Outcome.INVALID ? Result.FAILED : Result.INDETERMINATE;
        checks.add(new Check("certificatePath", r, p.subIndication(), p.explanation()));
    }

    private void revocation(SignatureFacts f) {
        PathResult p = f.path;
        if (p == null || !(p.valid() || isRevocation(p.subIndication()))) {
            return;
        }
        if (p.subIndication() == SubIndication.TRY_LATER) {
            if (policy.requireRevocationData()) {
                checks.add(new Check("revocation", Result.INDETERMINATE, SubIndication.TRY_LATER, p.explanation()));
            } else {
                checks.add(new Check("revocation", Result.INDETERMINATE, null, p.explanation()));
            }
            return;
        }
        if (p.subIndication() == SubIndication.REVOKED && !f.timeProvenByTimestamp) {
            // Revoked, and nothing but the signer's own claim says when it signed: it may have signed
            // before the revocation, or someone holding a compromised key after it (ETSI EN 319 102-1).
            CertStatus revoked = p.statuses().stream().filter(s -> s.state() == CertStatus.State.REVOKED).findFirst()
                    .orElse(null);
            String who = revoked == null ? "?" : Names.commonName(revoked.certificate());
            String when = revoked == null ? "?" : time(revoked.revokedAt());
            String reason = revoked == null || revoked.reason() == null ? "" : " (" + revoked.reason() + ")";
            add("revocation", Result.INDETERMINATE, SubIndication.REVOKED_NO_POE,
                    "Chứng thư số của «%s» đã bị thu hồi lúc %s%s. Không có dấu thời gian chứng minh tài liệu được ký"
                            + " trước khi thu hồi, nên không thể coi chữ ký là hợp lệ; hãy yêu cầu bên gửi cung cấp bản có dấu thời gian.",
                    "The certificate of «%s» was revoked at %s%s. No timestamp proves the document was signed before"
                            + " the revocation, so the signature cannot be accepted; ask the sender for a timestamped copy.",
                    who, when, reason);
            return;
        }
        if (!p.valid()) {
            checks.add(new Check("revocation", p.outcome() == PathResult.Outcome.INVALID ? Result.FAILED
                    : Result.INDETERMINATE, p.subIndication(), p.explanation()));
            return;
        }
        CertStatus later = p.statuses().stream().filter(CertStatus::revokedAfterValidationTime).findFirst().orElse(null);
        if (later != null) {
            add("revocation", Result.PASSED, null,
                    "Chứng thư số «%s» bị thu hồi lúc %s, sau thời điểm ký đã được chứng minh: chữ ký vẫn có giá trị.",
                    "The certificate «%s» was revoked at %s, after the proven signing time: the signature stands.",
                    Names.commonName(later.certificate()), time(later.revokedAt()));
            return;
        }
        String sources = p.statuses().stream().map(s -> s.source().name()).distinct().collect(Collectors.joining(", "));
        add("revocation", Result.PASSED, null, "Không chứng thư nào trên đường dẫn bị thu hồi (nguồn: %s).",
                "No certificate on the path is revoked (source: %s).", sources);
    }

    private static boolean isRevocation(SubIndication s) {
        return s != null && EnumSet.of(SubIndication.REVOKED, SubIndication.REVOKED_NO_POE,
                SubIndication.REVOKED_CA_NO_POE, SubIndication.TRY_LATER).contains(s);
    }

    private void timeCoherence(SignatureFacts f) {
        Instant claimed = f.claimedSigningTime != null ? f.claimedSigningTime
                : f.pdf != null ? f.pdf.claimedSigningTime() : null;
        TimestampFacts ts = f.validTimestamp();
        if (claimed != null && ts != null && claimed.isAfter(ts.genTime().plus(CLOCK_SKEW))) {
            add("timeCoherence", Result.INDETERMINATE, SubIndication.TIMESTAMP_ORDER_FAILURE,
                    "Thời điểm ký được khai (%s) muộn hơn dấu thời gian (%s).",
                    "The claimed signing time (%s) is later than the timestamp (%s).", time(claimed), time(ts.genTime()));
            return;
        }
        if (claimed != null && f.signer != null && (claimed.isBefore(f.signer.getNotBefore().toInstant())
                || claimed.isAfter(f.signer.getNotAfter().toInstant()))) {
            add("timeCoherence", Result.INDETERMINATE, null,
                    "Thời điểm ký được khai (%s) nằm ngoài thời hạn của chứng thư số; đó chỉ là lời khai, không phải bằng chứng.",
                    "The claimed signing time (%s) lies outside the certificate's validity; it is a claim, not proof.",
                    time(claimed));
            return;
        }
        if (claimed != null) {
            add("timeCoherence", Result.PASSED, null, "Thời điểm ký được khai: %s.", "Claimed signing time: %s.",
                    time(claimed));
        }
    }

    private void laterChanges(PdfSignature s, boolean brokenSignatureInDocument) {
        if (s.laterChanges().isEmpty()) {
            if (!s.coversWholeDocument()) {
                add("laterChanges", Result.PASSED, null, "Không có thay đổi nào sau khi ký.",
                        "Nothing was changed after signing.");
            }
            return;
        }
        // A broken signature dictionary added later (a forged "signature") must not pass for a signature.
        List<PdfChange> refused = s.laterChanges().stream()
                .filter(c -> !allowed(c.kind(), s) || (c.kind() == PdfChange.Kind.SIGNATURE && brokenSignatureInDocument))
                .toList();
        if (!refused.isEmpty()) {
            String what = refused.stream().limit(5).map(c -> c.kind() + " (" + c.detail() + ")")
                    .collect(Collectors.joining("; "));
            add("laterChanges", Result.FAILED, SubIndication.FORMAT_FAILURE,
                    "Tài liệu đã bị sửa sau khi ký theo cách không được phép: %s.",
                    "The document was changed after signing in a way that is not allowed: %s.", what);
            return;
        }
        String kinds = s.laterChanges().stream().map(c -> c.kind().name()).distinct().collect(Collectors.joining(", "));
        add("laterChanges", Result.PASSED, null, "Sau khi ký chỉ có các thay đổi được phép: %s.",
                "After signing there were only allowed changes: %s.", kinds);
    }

    private boolean allowed(PdfChange.Kind kind, PdfSignature s) {
        Integer level = s.certificationLevel();
        return switch (kind) {
            // Every incremental save rewrites the file identifier and often the metadata; neither is shown.
            case DSS, DOCUMENT_TIMESTAMP, METADATA -> true;
            case SIGNATURE -> level == null || level >= 2;
            case FORM_FILL -> level == null ? policy.allowFormFillAfterSigning() : level >= 2;
            case ANNOTATION -> level == null ? policy.allowAnnotationsAfterSigning() : level >= 3;
            default -> false;
        };
    }

    private void add(String name, Result result, SubIndication sub, String vi, String en, Object... args) {
        checks.add(new Check(name, result, sub, new Bilingual(String.format(vi, args), String.format(en, args))));
    }

    static String time(Instant t) {
        return t == null ? "?" : TIME.format(t) + " (GMT+7)";
    }
}
