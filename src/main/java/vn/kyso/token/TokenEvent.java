package vn.kyso.token;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("token_event")
public class TokenEvent {
    @Id
    Long id;
    Long tokenId;
    String action;
    TokenState fromState;
    TokenState toState;
    String actor;
    Instant occurredAt;
    String note;
    Long custodianAgencyId;
    Long holderSubscriberId;
    String recordNumber;
}
