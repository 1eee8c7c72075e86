package vn.kyso.token;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kyso.agency.Agency;
import vn.kyso.agency.AgencyRepository;
import vn.kyso.common.db.Db;
import vn.kyso.security.Role;
import vn.kyso.subscriber.Subscriber;
import vn.kyso.subscriber.SubscriberRepository;

/** How a token is shown: in the API, in the audit log, in exports. */
@Component
public class TokenViews {

    private final TokenModelRepository models;
    private final AgencyRepository agencies;
    private final SubscriberRepository subscribers;
    private final TokenEventRepository events;
    private final HandoverRecordRepository records;
    private final JdbcClient jdbc;
    private final Db db;

    public TokenViews(TokenModelRepository models, AgencyRepository agencies, SubscriberRepository subscribers,
            TokenEventRepository events, HandoverRecordRepository records, JdbcClient jdbc, Db db) {
        this.models = models;
        this.agencies = agencies;
        this.subscribers = subscribers;
        this.events = events;
        this.records = records;
        this.jdbc = jdbc;
        this.db = db;
    }

    public record Holder(long subscriberId, String fullName) {
    }

    public record CertificateOnToken(String serialNumber, String status, Instant notAfter) {
    }

    public record Event(String action, TokenState fromState, TokenState toState, String actor, Instant occurredAt,
            String note, String custodianAgencyCode, Holder holder, String record) {
    }

    public record TokenView(String serial, String model, String modelName, TokenState state, String custodianAgencyCode,
            String custodianAgencyName, Holder holder, String batch, LocalDate receivedOn, String notes,
            List<CertificateOnToken> certificates, List<String> allowedActions, List<String> records, long version,
            Instant createdAt, Instant updatedAt, List<Event> history) {
    }

    public TokenView view(Token token, Set<Role> roles, boolean withHistory) {
        TokenModel model = models.findById(token.modelId).orElseThrow();
        Agency custodian = token.custodianAgencyId == null ? null : agencies.findById(token.custodianAgencyId).orElse(null);
        List<String> allowed = TokenAction.allowed(token.state, roles).stream().map(TokenAction::slug).toList();
        List<String> recordNumbers = records.findByTokenIdOrderByIdAsc(token.id).stream().map(HandoverRecord::number).toList();
        List<Event> history = withHistory ? events.findByTokenIdOrderByIdAsc(token.id).stream().map(this::event).toList()
                : null;
        return new TokenView(token.serial, model.code(), model.name(), token.state,
                custodian == null ? null : custodian.code(), custodian == null ? null : custodian.name(),
                holder(token.holderSubscriberId), token.batch, token.receivedOn, token.notes, certificates(token.id),
                allowed, recordNumbers, token.version == null ? 0 : token.version, token.createdAt, token.updatedAt,
                history);
    }

    /** What the audit log keeps of a token before and after a move. */
    public Map<String, Object> summary(Token token) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("serial", token.serial);
        map.put("model", models.findById(token.modelId).map(TokenModel::code).orElse(null));
        map.put("state", token.state.name());
        map.put("custodianAgencyId", token.custodianAgencyId);
        map.put("custodianAgencyCode", token.custodianAgencyId == null ? null
                : agencies.findById(token.custodianAgencyId).map(Agency::code).orElse(null));
        map.put("holderSubscriberId", token.holderSubscriberId);
        return map;
    }

    private Holder holder(Long subscriberId) {
        if (subscriberId == null) {
            return null;
        }
        return subscribers.findById(subscriberId).map(s -> new Holder(s.id(), s.fullName())).orElse(null);
    }

    private List<CertificateOnToken> certificates(long tokenId) {
        return jdbc.sql("SELECT serial, status, not_after FROM certificate WHERE token_id = :id ORDER BY not_after")
                .param("id", tokenId)
                .query((rs, n) -> new CertificateOnToken(rs.getString("serial"), rs.getString("status"),
                        db.instant(rs, "not_after")))
                .list();
    }

    private Event event(TokenEvent e) {
        String agency = e.custodianAgencyId == null ? null
                : agencies.findById(e.custodianAgencyId).map(Agency::code).orElse(null);
        return new Event(e.action, e.fromState, e.toState, e.actor, e.occurredAt, e.note, agency,
                holder(e.holderSubscriberId), e.recordNumber);
    }

    Subscriber subscriber(long id) {
        return subscribers.findById(id).orElseThrow();
    }
}
