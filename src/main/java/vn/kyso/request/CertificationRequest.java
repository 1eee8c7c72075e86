package vn.kyso.request;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A yêu cầu chứng thực as received from a managing body; its rows, letter and links live beside it. */
@Table("request")
public class CertificationRequest {
    @Id
    Long id;
    RequestKind kind;
    Long agencyId;
    RequestKind.FiledBy filedBy;
    String reference;
    String signerName;
    String signerPosition;
    String contactName;
    String contactPhone;
    String contactEmail;
    String note;
    RequestStatus status;
    Instant receivedAt;
    LocalDate dueOn;
    String checkNote;
    String rejectionReason;
    Instant closedAt;
    String createdBy;
    @Version
    Long version;
    Instant createdAt;
    Instant updatedAt;

    public Long id() { return id; }
    public RequestKind kind() { return kind; }
    public Long agencyId() { return agencyId; }
    public RequestStatus status() { return status; }
    public Instant receivedAt() { return receivedAt; }
    public LocalDate dueOn() { return dueOn; }
    public Long version() { return version; }

    /** The number people quote: the year received and the record's own id, e.g. 2026/YC-000042. */
    public String number() {
        return number(id, receivedAt);
    }

    static String number(long id, Instant receivedAt) {
        return receivedAt.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).getYear() + "/YC-" + String.format("%06d", id);
    }
}
