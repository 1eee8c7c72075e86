package vn.kyso.token;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("token")
public class Token {
    @Id
    Long id;
    String serial;
    Long modelId;
    String batch;
    LocalDate receivedOn;
    TokenState state;
    Long custodianAgencyId;
    Long holderSubscriberId;
    String notes;
    @Version
    Long version;
    Instant createdAt;
    Instant updatedAt;

    public Long id() { return id; }
    public String serial() { return serial; }
    public TokenState state() { return state; }
    public Long custodianAgencyId() { return custodianAgencyId; }
    public Long holderSubscriberId() { return holderSubscriberId; }
}
