package vn.kyso.token;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A biên bản: the PDF as it was issued, with its hash. */
@Table("handover_record")
public class HandoverRecord {
    @Id
    Long id;
    String number;
    String kind;
    Long tokenId;
    Long agencyId;
    Long subscriberId;
    Instant occurredAt;
    byte[] pdf;
    String sha256;
    String createdBy;

    public String number() { return number; }
    public byte[] pdf() { return pdf; }
    public Long agencyId() { return agencyId; }
}
