package vn.kyso.verify.path;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Locale;

import javax.security.auth.x500.X500Principal;

import vn.kyso.common.Bilingual;

/** The sentences a clerk reads: what was found, about which certificate, and what to do. */
final class Explain {

    private Explain() {
    }

    static Bilingual valid(X509Certificate target, String anchor, Instant at, CertStatus laterRevocation) {
        String vi = "Chứng thư số của «" + Certs.name(target) + "» hợp lệ tại thời điểm " + Certs.time(at)
                + ", thuộc chuỗi chứng thư của «" + anchor + "» được tin cậy.";
        String en = "The certificate of «" + Certs.name(target) + "» was valid at " + Certs.time(at)
                + ", in the chain of the trusted «" + anchor + "».";
        if (laterRevocation != null) {
            String who = Certs.name(laterRevocation.certificate());
            vi += " Lưu ý: chứng thư số của «" + who + "» đã bị thu hồi lúc " + Certs.time(laterRevocation.revokedAt())
                    + reasonVi(laterRevocation.reason()) + ", sau thời điểm này, nên không ảnh hưởng đến kết quả.";
            en += " Note: the certificate of «" + who + "» was revoked on " + Certs.time(laterRevocation.revokedAt())
                    + reasonEn(laterRevocation.reason()) + ", after that time, so the result stands.";
        }
        return new Bilingual(vi, en);
    }

    static Bilingual notChecked(Bilingual valid) {
        return new Bilingual(valid.vi() + " Tình trạng thu hồi không được kiểm tra.",
                valid.en() + " Revocation was not checked.");
    }

    static Bilingual noChain(X509Certificate target) {
        String issuer = Certs.name(target.getIssuerX500Principal());
        return new Bilingual(
                "Không tìm được chuỗi chứng thư từ chứng thư số của «" + Certs.name(target)
                        + "» tới một tổ chức chứng thực được tin cậy. Nếu «" + issuer
                        + "» là tổ chức chứng thực hợp pháp, hãy đề nghị quản trị viên thêm chứng thư gốc của nó vào Kyso.",
                "No chain was found from the certificate of «" + Certs.name(target)
                        + "» to a trusted certification authority. If «" + issuer
                        + "» is a legitimate authority, ask an administrator to add its root certificate to Kyso.");
    }

    static Bilingual badSignature(X509Certificate certificate, X500Principal issuer) {
        return new Bilingual(
                "Chữ ký của «" + Certs.name(issuer) + "» trên chứng thư số của «" + Certs.name(certificate)
                        + "» không đúng: chứng thư số đã bị sửa đổi hoặc giả mạo, không được tin cậy.",
                "The signature of «" + Certs.name(issuer) + "» on the certificate of «" + Certs.name(certificate)
                        + "» does not verify: the certificate was altered or forged and cannot be trusted.");
    }

    static Bilingual notYetValid(X509Certificate certificate, Instant at) {
        return new Bilingual(
                "Chứng thư số của «" + Certs.name(certificate) + "» chưa có hiệu lực tại thời điểm " + Certs.time(at)
                        + " (hiệu lực từ " + Certs.time(certificate.getNotBefore().toInstant()) + ").",
                "The certificate of «" + Certs.name(certificate) + "» was not yet valid at " + Certs.time(at)
                        + " (valid from " + Certs.time(certificate.getNotBefore().toInstant()) + ").");
    }

    static Bilingual expired(X509Certificate certificate, Instant at) {
        String end = Certs.time(certificate.getNotAfter().toInstant());
        return new Bilingual(
                "Chứng thư số của «" + Certs.name(certificate) + "» đã hết hạn lúc " + end + ", trước thời điểm "
                        + Certs.time(at) + ". Chỉ dấu thời gian chứng minh chữ ký có trước lúc hết hạn mới xác định được.",
                "The certificate of «" + Certs.name(certificate) + "» expired on " + end + ", before " + Certs.time(at)
                        + ". Only a timestamp proving the signature existed before then can settle it.");
    }

    static Bilingual constraint(X509Certificate certificate, String detail) {
        String lower = detail == null ? "" : detail.toLowerCase(Locale.ROOT);
        String vi;
        String en;
        if (lower.contains("polic")) {
            vi = "chính sách chứng thư không phù hợp";
            en = "the certificate policies do not match";
        } else if (lower.contains("subtree") || lower.contains("name constraint") || lower.contains("namespace")) {
            vi = "tên nằm ngoài phạm vi tổ chức chứng thực cấp trên được phép cấp";
            en = "a name is outside what the issuing authority may certify";
        } else if (lower.contains("key usage") || lower.contains("keyusage") || lower.contains("extended")) {
            vi = "mục đích sử dụng khóa không cho phép việc này";
            en = "the key usage does not allow this";
        } else if (lower.contains("critical")) {
            vi = "có phần mở rộng bắt buộc mà Kyso không xử lý được";
            en = "it carries a critical extension Kyso cannot process";
        } else if (lower.contains("basic") || lower.contains("path") || lower.contains("ca")) {
            vi = "vi phạm ràng buộc cơ bản (không phải CA hoặc chuỗi quá dài)";
            en = "basic constraints are broken (not a CA, or the chain is too long)";
        } else {
            vi = "vi phạm ràng buộc của chuỗi chứng thư";
            en = "a chain constraint is broken";
        }
        String why = detail == null ? "" : " (" + detail + ")";
        return new Bilingual(
                "Chứng thư số của «" + Certs.name(certificate) + "» không dùng được trong chuỗi chứng thư: " + vi
                        + ". Hãy liên hệ tổ chức chứng thực đã cấp chứng thư này.",
                "The certificate of «" + Certs.name(certificate) + "» cannot be used in its chain: " + en + why
                        + ". Contact the authority that issued it.");
    }

    static Bilingual revoked(CertStatus status, X509Certificate target) {
        X509Certificate revoked = status.certificate();
        String when = Certs.time(status.revokedAt());
        if (revoked.equals(target)) {
            return new Bilingual(
                    "Chứng thư số của «" + Certs.name(revoked) + "» đã bị thu hồi lúc " + when + reasonVi(status.reason())
                            + ", trước thời điểm ký.",
                    "The certificate of «" + Certs.name(revoked) + "» was revoked on " + when + reasonEn(status.reason())
                            + ", before the signing time.");
        }
        return new Bilingual(
                "Chứng thư số của tổ chức chứng thực «" + Certs.name(revoked) + "», cấp trên của «" + Certs.name(target)
                        + "», đã bị thu hồi lúc " + when + reasonVi(status.reason()) + ", trước thời điểm ký.",
                "The certificate of the authority «" + Certs.name(revoked) + "», above «" + Certs.name(target)
                        + "», was revoked on " + when + reasonEn(status.reason()) + ", before the signing time.");
    }

    static Bilingual noRevocationData(X509Certificate certificate) {
        String issuer = Certs.name(certificate.getIssuerX500Principal());
        return new Bilingual(
                "Không có thông tin thu hồi cho chứng thư số của «" + Certs.name(certificate) + "». Hãy nhập CRL mới nhất của «"
                        + issuer + "» vào Kyso, hoặc chờ CRL kỳ tới, rồi kiểm tra lại.",
                "No revocation information was found for the certificate of «" + Certs.name(certificate)
                        + "». Import the latest CRL of «" + issuer + "» into Kyso, or wait for the next one, and check again.");
    }

    static Bilingual unknownToKyso(X509Certificate certificate) {
        String serial = certificate.getSerialNumber().toString(16);
        return new Bilingual(
                "Tổ chức chứng thực của Kyso không có hồ sơ đã cấp chứng thư số của «" + Certs.name(certificate)
                        + "» (số hiệu " + serial + "). Hãy báo ngay cho quản trị viên: khóa của CA có thể đã bị lạm dụng.",
                "Kyso's certification authority has no record of issuing the certificate of «" + Certs.name(certificate)
                        + "» (serial " + serial + "). Tell an administrator at once: the CA key may have been misused.");
    }

    static Bilingual malformed(X509Certificate target, String detail) {
        return new Bilingual(
                "Không kiểm tra được chuỗi chứng thư của «" + Certs.name(target)
                        + "» vì có chứng thư số bị lỗi cấu trúc. Hãy liên hệ tổ chức chứng thực đã cấp.",
                "The certificate chain of «" + Certs.name(target) + "» could not be checked: a certificate in it is malformed ("
                        + detail + "). Contact the issuing authority.");
    }

    static Bilingual usage(X509Certificate certificate, PathOptions.Usage usage) {
        if (usage == PathOptions.Usage.TIMESTAMPING) {
            return new Bilingual(
                    "Chứng thư số của «" + Certs.name(certificate)
                            + "» không phải chứng thư của dịch vụ cấp dấu thời gian (thiếu mục đích timeStamping bắt buộc và duy nhất).",
                    "The certificate of «" + Certs.name(certificate)
                            + "» is not a time-stamping certificate (it lacks a critical, sole timeStamping extended key usage).");
        }
        return new Bilingual(
                "Chứng thư số của «" + Certs.name(certificate) + "» không được phép dùng để ký số (thiếu mục đích "
                        + "digitalSignature hoặc nonRepudiation).",
                "The certificate of «" + Certs.name(certificate) + "» may not be used for signing (its key usage lacks "
                        + "digitalSignature and nonRepudiation).");
    }

    private static String reasonVi(String reason) {
        return reason == null ? "" : " (lý do: " + reason + ")";
    }

    private static String reasonEn(String reason) {
        return reason == null ? "" : " (reason: " + reason + ")";
    }
}
