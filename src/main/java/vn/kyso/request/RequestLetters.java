package vn.kyso.request;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kyso.agency.Agency;
import vn.kyso.common.Text;
import vn.kyso.common.db.Db;
import vn.kyso.verify.Indication;
import vn.kyso.verify.SignatureReport;
import vn.kyso.verify.VerificationReport;

/**
 * The signed request letter, kept as uploaded with what Kyso's verifier said about it and whether
 * its signer is the requesting agency. A letter that does not pass is kept too, but flagged: the
 * registrar must accept it explicitly, with a note, when checking the request.
 */
@Component
class RequestLetters {

    /** Who signed the letter, compared with the request. */
    public enum SignerCheck {
        /** A valid signature with a certificate Kyso holds for a subscriber of the requesting agency. */
        AGENCY_MATCH,
        /** A valid signature by a certificate Kyso does not hold, whose name is the signer's or the agency's. */
        NAME_MATCH,
        /** A valid signature, but Kyso knows the signer as someone of another agency. */
        OTHER_AGENCY,
        /** A valid signature by someone Kyso cannot tie to the request. */
        UNKNOWN_SIGNER,
        /** No valid signature at all. */
        NONE
    }

    public record Letter(String fileName, long size, String sha256, String format, String verificationId,
            Indication indication, String subIndication, String signerName, String signerAgencyCode,
            SignerCheck signerCheck, boolean accepted, String uploadedBy, Instant uploadedAt) {
    }

    private final JdbcClient jdbc;
    private final Db db;

    RequestLetters(JdbcClient jdbc, Db db) {
        this.jdbc = jdbc;
        this.db = db;
    }

    /** A letter passes on its own when the whole document verifies and its signer is the agency (or named on the request). */
    static boolean accepted(Indication indication, SignerCheck check) {
        return indication == Indication.TOTAL_PASSED
                && (check == SignerCheck.AGENCY_MATCH || check == SignerCheck.NAME_MATCH);
    }

    static Letter assess(VerificationReport report, CertificationRequest request, Agency agency, String fileName,
            String actor, Instant now) {
        SignatureReport best = null;
        SignerCheck check = SignerCheck.NONE;
        for (SignatureReport s : report.signatures() == null ? List.<SignatureReport>of() : report.signatures()) {
            if (s.documentTimestamp() || s.signer() == null) {
                continue;
            }
            SignerCheck c = s.indication() != Indication.TOTAL_PASSED ? SignerCheck.NONE : check(s.signer(), request, agency);
            if (best == null || c.ordinal() < check.ordinal()) {
                best = s;
                check = c;
            }
        }
        String signer = best == null ? null : best.signer().commonName();
        String signerAgency = best == null ? null : best.signer().agencyCode();
        return new Letter(fileName, report.documentSize(), report.documentSha256(), report.format(), report.id(),
                report.indication(), report.subIndication() == null ? null : report.subIndication().name(), signer,
                signerAgency, check, accepted(report.indication(), check), actor, now);
    }

    private static SignerCheck check(SignatureReport.Signer signer, CertificationRequest request, Agency agency) {
        if (signer.agencyCode() != null) {
            return signer.agencyCode().equals(agency.code()) ? SignerCheck.AGENCY_MATCH : SignerCheck.OTHER_AGENCY;
        }
        String name = Text.fold(signer.commonName());
        return !name.isEmpty() && (name.equals(Text.fold(request.signerName)) || name.equals(Text.fold(agency.name())))
                ? SignerCheck.NAME_MATCH : SignerCheck.UNKNOWN_SIGNER;
    }

    void store(long requestId, Letter letter, byte[] content) {
        jdbc.sql("DELETE FROM request_letter WHERE request_id = :id").param("id", requestId).update();
        jdbc.sql("""
                INSERT INTO request_letter (request_id, file_name, size, sha256, content, format, verification_id,
                    indication, sub_indication, signer_name, signer_agency_code, signer_check, uploaded_by, uploaded_at)
                VALUES (:id, :file, :size, :sha, :content, :format, :verification, :indication, :sub, :signer,
                    :signerAgency, :check, :by, :at)""")
                .param("id", requestId)
                .param("file", letter.fileName() == null ? null
                        : letter.fileName().substring(0, Math.min(255, letter.fileName().length())))
                .param("size", letter.size()).param("sha", letter.sha256()).param("content", content)
                .param("format", letter.format()).param("verification", letter.verificationId())
                .param("indication", letter.indication().name()).param("sub", letter.subIndication())
                .param("signer", letter.signerName() == null ? null
                        : letter.signerName().substring(0, Math.min(300, letter.signerName().length())))
                .param("signerAgency", letter.signerAgencyCode()).param("check", letter.signerCheck().name())
                .param("by", letter.uploadedBy()).param("at", db.instant(letter.uploadedAt())).update();
    }

    Optional<Letter> of(long requestId) {
        return jdbc.sql("""
                SELECT file_name, size, sha256, format, verification_id, indication, sub_indication, signer_name,
                    signer_agency_code, signer_check, uploaded_by, uploaded_at
                FROM request_letter WHERE request_id = :id""").param("id", requestId)
                .query((rs, n) -> {
                    Indication indication = Indication.valueOf(rs.getString("indication"));
                    SignerCheck check = SignerCheck.valueOf(rs.getString("signer_check"));
                    return new Letter(rs.getString("file_name"), rs.getLong("size"), rs.getString("sha256"),
                            rs.getString("format"), rs.getString("verification_id"), indication,
                            rs.getString("sub_indication"), rs.getString("signer_name"),
                            rs.getString("signer_agency_code"), check, accepted(indication, check),
                            rs.getString("uploaded_by"), db.instant(rs, "uploaded_at"));
                })
                .optional();
    }

    public record Content(String fileName, String format, byte[] bytes) {
    }

    Optional<Content> content(long requestId) {
        return jdbc.sql("SELECT file_name, format, content FROM request_letter WHERE request_id = :id")
                .param("id", requestId)
                .query((rs, n) -> new Content(rs.getString("file_name"), rs.getString("format"), rs.getBytes("content")))
                .optional();
    }
}
