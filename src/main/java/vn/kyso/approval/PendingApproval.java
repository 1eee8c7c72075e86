package vn.kyso.approval;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("pending_approval")
public class PendingApproval {
    @Id
    Long id;
    ApprovalAction action;
    String entityId;
    Long agencyId;
    String payload;
    String summary;
    ApprovalStatus status;
    String preparedBy;
    Instant preparedAt;
    String decidedBy;
    Instant decidedAt;
    String decisionNote;
    String result;
    @Version
    Long version;

    public Long id() { return id; }
    public ApprovalAction action() { return action; }
    public String entityId() { return entityId; }
    public ApprovalStatus status() { return status; }
    public String preparedBy() { return preparedBy; }
    public String payload() { return payload; }
}
