package vn.kyso.token;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kyso.agency.Agency;
import vn.kyso.agency.AgencyRepository;
import vn.kyso.agency.AgencyScope;
import vn.kyso.agency.AgencyScopes;
import vn.kyso.agency.AgencyService;
import vn.kyso.agency.AgencyStatus;
import vn.kyso.audit.AuditLog;
import vn.kyso.ca.Pki;
import vn.kyso.certificate.CertificateService;
import vn.kyso.common.ApiException;
import vn.kyso.common.Text;
import vn.kyso.security.CurrentUser;
import vn.kyso.security.KysoPrincipal;
import vn.kyso.subscriber.Subscriber;
import vn.kyso.subscriber.SubscriberService;
import vn.kyso.subscriber.SubscriberStatus;

/**
 * Moves tokens along {@link TokenAction}'s table, one transaction per move: the new state and
 * custody, the history row, the handover record, the audit entry, and, for a lost or damaged
 * token, the revocation of every active certificate on it.
 */
@Service
public class TokenService {

    private final TokenRepository tokens;
    private final TokenModelRepository models;
    private final TokenEventRepository events;
    private final HandoverRecordRepository records;
    private final HandoverPdf pdf;
    private final AgencyRepository agencies;
    private final AgencyService agencyService;
    private final AgencyScopes scopes;
    private final SubscriberService subscribers;
    private final CertificateService certificates;
    private final TokenViews views;
    private final AuditLog audit;
    private final Clock clock;

    public TokenService(TokenRepository tokens, TokenModelRepository models, TokenEventRepository events,
            HandoverRecordRepository records, HandoverPdf pdf, AgencyRepository agencies, AgencyService agencyService,
            AgencyScopes scopes, SubscriberService subscribers, CertificateService certificates, TokenViews views,
            AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.models = models;
        this.events = events;
        this.records = records;
        this.pdf = pdf;
        this.agencies = agencies;
        this.agencyService = agencyService;
        this.scopes = scopes;
        this.subscribers = subscribers;
        this.certificates = certificates;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
    }

    public record Outcome(Token token, List<String> revokedCertificates, String recordNumber) {
    }

    @Transactional
    public Token receive(TokenRequests.Receive request) {
        String serial = normalizeSerial(request.serial());
        if (serial.isEmpty()) {
            throw ApiException.badField("serial", "error.required");
        }
        TokenModel model = models.findByCode(request.model().strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> ApiException.badField("model", "error.token.unknownModel", request.model()));
        Agency agency = request.agencyCode() == null ? null : activeAgency(request.agencyCode());
        if (tokens.existsBySerial(serial)) {
            throw ApiException.conflictOn("serial", "error.token.duplicate", serial);
        }
        Instant now = clock.instant();
        Token token = new Token();
        token.serial = serial;
        token.modelId = model.id();
        token.batch = Text.clean(request.batch());
        token.receivedOn = request.receivedOn();
        token.notes = Text.clean(request.notes());
        token.state = TokenState.IN_STOCK;
        token.createdAt = now;
        token.updatedAt = now;
        tokens.save(token);
        event(token, "receive", null, null, null, now);
        if (agency != null) {
            TokenState from = token.state;
            token.state = TokenState.ALLOCATED;
            token.custodianAgencyId = agency.id();
            tokens.save(token);
            event(token, TokenAction.ALLOCATE.slug(), from, null, null, now);
        }
        audit.record(new AuditLog.Change("token.receive", "token", serial, token.custodianAgencyId, null,
                views.summary(token)));
        return token;
    }

    @Transactional
    public Outcome act(String serial, String slug, TokenRequests.Act request) {
        TokenAction action = TokenAction.bySlug(slug)
                .orElseThrow(() -> ApiException.notFound("error.token.unknownAction", slug));
        Token token = get(serial);
        KysoPrincipal user = CurrentUser.require();
        if (action.roles().stream().noneMatch(user.roles()::contains)) {
            throw ApiException.forbidden("error.forbidden");
        }
        if (request.version() != null && !request.version().equals(token.version)) {
            throw ApiException.conflict("error.concurrentChange");
        }
        if (!action.allowedFrom(token.state)) {
            List<String> allowed = TokenAction.allowed(token.state, user.roles()).stream().map(TokenAction::slug).toList();
            throw ApiException.conflict("error.token.illegalMove", action.slug(), token.serial, token.state,
                    allowed.isEmpty() ? "—" : String.join(", ", allowed))
                    .with("currentState", token.state).with("allowedActions", allowed);
        }
        Map<String, Object> before = views.summary(token);
        Instant now = clock.instant();
        TokenState from = token.state;
        Long formerHolder = token.holderSubscriberId;
        Subscriber recipient = null;
        switch (action.custody()) {
            case TO_AGENCY -> token.custodianAgencyId = activeAgency(require(request.agencyCode(), "agencyCode")).id();
            case TO_STOCK, TO_PROVIDER -> {
                token.custodianAgencyId = null;
                token.holderSubscriberId = null;
            }
            case TO_HOLDER -> {
                recipient = recipientFor(token, request.subscriberId());
                token.holderSubscriberId = recipient.id();
            }
            case FROM_HOLDER -> token.holderSubscriberId = null;
            case SAME -> { }
        }
        token.state = action.to();
        token.updatedAt = now;
        tokens.save(token);

        List<String> revoked = action.revokes() == null ? List.of()
                : certificates.revokeAllOnToken(token.id, action.revokes(), now);
        String number = null;
        if (action == TokenAction.HAND_OVER) {
            number = record(token, HandoverPdf.Kind.HANDOVER, recipient, user, now);
        } else if (action == TokenAction.RETURN && formerHolder != null) {
            number = record(token, HandoverPdf.Kind.RETURN, subscribers.get(formerHolder), user, now);
        }
        event(token, action.slug(), from, Text.clean(request.note()), number, now);
        Map<String, Object> after = new java.util.LinkedHashMap<>(views.summary(token));
        if (!revoked.isEmpty()) {
            after.put("revokedCertificates", revoked);
        }
        if (number != null) {
            after.put("record", number);
        }
        audit.record(new AuditLog.Change("token." + action.slug(), "token", token.serial, auditAgency(token, before),
                before, after));
        return new Outcome(token, revoked, number);
    }

    /** A token the current user may see, or 404. */
    public Token get(String serial) {
        String normalized = normalizeSerial(serial);
        return tokens.findBySerial(normalized).filter(t -> visible(t, scopes.current(), agencies))
                .orElseThrow(() -> ApiException.notFound("error.token.notFound", normalized));
    }

    public HandoverRecord record(String number) {
        HandoverRecord record = records.findByNumber(number)
                .orElseThrow(() -> ApiException.notFound("error.token.recordNotFound", number));
        AgencyScope scope = scopes.current();
        if (!scope.all() && agencies.findById(record.agencyId).filter(scope::contains).isEmpty()) {
            throw ApiException.notFound("error.token.recordNotFound", number);
        }
        return record;
    }

    @Transactional
    public TokenModel addModel(TokenRequests.Model request) {
        String code = request.code().strip().toUpperCase(Locale.ROOT);
        if (request.pinMinLength() < 4 || request.pinMaxLength() < request.pinMinLength() || request.maxPinTries() < 1) {
            throw ApiException.badField("pinMinLength", "error.token.pinPolicy");
        }
        if (models.findByCode(code).isPresent()) {
            throw ApiException.conflictOn("code", "error.token.duplicateModel", code);
        }
        TokenModel model = new TokenModel();
        model.code = code;
        model.vendor = Text.clean(request.vendor());
        model.name = Text.clean(request.name());
        model.pinMinLength = request.pinMinLength();
        model.pinMaxLength = request.pinMaxLength();
        model.maxPinTries = request.maxPinTries();
        model.createdAt = clock.instant();
        models.save(model);
        audit.record(new AuditLog.Change("token-model.add", "token-model", code, null, null, Map.of("vendor",
                model.vendor, "name", model.name, "maxPinTries", model.maxPinTries)));
        return model;
    }

    static boolean visible(Token token, AgencyScope scope, AgencyRepository agencies) {
        if (scope.all()) {
            return true;
        }
        return token.custodianAgencyId != null
                && agencies.findById(token.custodianAgencyId).filter(scope::contains).isPresent();
    }

    /** Serials are printed on the device; people type them with spaces, dashes and lower case. */
    public static String normalizeSerial(String serial) {
        return serial == null ? "" : serial.strip().replaceAll("[\\s:-]", "").toUpperCase(Locale.ROOT);
    }

    private Subscriber recipientFor(Token token, Long subscriberId) {
        if (subscriberId == null) {
            throw ApiException.badField("subscriberId", "error.required");
        }
        Subscriber subscriber = subscribers.get(subscriberId);
        if (subscriber.status() != SubscriberStatus.ACTIVE) {
            throw ApiException.conflictOn("subscriberId", "error.certificate.subscriberInactive", subscriberId,
                    subscriber.status());
        }
        Agency custodian = agencies.findById(token.custodianAgencyId).orElseThrow();
        Agency own = agencies.findById(subscriber.agencyId()).orElseThrow();
        if (!own.isWithin(custodian.path())) {
            throw new ApiException(HttpStatus.CONFLICT, "error.token.subscriberOutsideAgency", "subscriberId",
                    subscriber.fullName(), custodian.name());
        }
        return subscriber;
    }

    private Agency activeAgency(String code) {
        Agency agency = agencyService.find(code)
                .orElseThrow(() -> ApiException.badField("agencyCode", "error.agency.unknown", code));
        if (agency.status() != AgencyStatus.ACTIVE) {
            throw ApiException.conflictOn("agencyCode", "error.agency.inactive", agency.code());
        }
        return agency;
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.badField(field, "error.required");
        }
        return value;
    }

    private String record(Token token, HandoverPdf.Kind kind, Subscriber subscriber, KysoPrincipal user, Instant now) {
        Agency agency = agencies.findById(token.custodianAgencyId).orElseThrow();
        List<Agency> chain = agencyService.chain(agency);
        String province = agency.province() != null ? agency.province() : chain.get(0).province();
        HandoverRecord record = new HandoverRecord();
        // a unique stand-in until the id is known (the column holds 40 characters)
        record.number = "p-" + java.util.UUID.randomUUID().toString().replace("-", "");
        record.kind = kind.name();
        record.tokenId = token.id;
        record.agencyId = agency.id();
        record.subscriberId = subscriber.id();
        record.occurredAt = now;
        record.pdf = new byte[0];
        record.sha256 = "";
        record.createdBy = user.getUsername();
        records.save(record);
        // the number is the record's own id, so two registrars never draw the same one
        record.number = now.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear()
                + (kind == HandoverPdf.Kind.HANDOVER ? "/BBBG-" : "/BBTH-") + String.format("%06d", record.id);
        TokenModel model = models.findById(token.modelId).orElseThrow();
        List<String> serials = new ArrayList<>(certificates.serialsOnToken(token.id));
        record.pdf = pdf.render(new HandoverPdf.Content(kind, record.number, now, province, agency.name(),
                user.fullName(), subscriber.fullName(), subscriber.position(), subscriber.email(), token.serial,
                model.name(), serials));
        record.sha256 = Pki.sha256Hex(record.pdf);
        records.save(record);
        return record.number;
    }

    /**
     * Custody passes to another agency and the token's state stays as it is: when bodies merge, their
     * tokens go to the successor, held by the same officials. In the caller's transaction.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void transferCustody(String serial, Agency to, String note) {
        Token token = get(serial);
        if (to.id().equals(token.custodianAgencyId)) {
            return;
        }
        Map<String, Object> before = views.summary(token);
        Instant now = clock.instant();
        token.custodianAgencyId = to.id();
        token.updatedAt = now;
        tokens.save(token);
        event(token, "transfer", token.state, Text.clean(note), null, now);
        audit.record(new AuditLog.Change("token.transfer", "token", token.serial, to.id(), before,
                views.summary(token)));
    }

    private void event(Token token, String action, TokenState from, String note, String recordNumber, Instant at) {
        TokenEvent event = new TokenEvent();
        event.tokenId = token.id;
        event.action = action;
        event.fromState = from;
        event.toState = token.state;
        event.actor = AuditLog.currentActor();
        event.occurredAt = at;
        event.note = note;
        event.custodianAgencyId = token.custodianAgencyId;
        event.holderSubscriberId = token.holderSubscriberId;
        event.recordNumber = recordNumber;
        events.save(event);
    }

    private Long auditAgency(Token token, Map<String, Object> before) {
        return token.custodianAgencyId != null ? token.custodianAgencyId
                : before.get("custodianAgencyId") instanceof Long id ? id : null;
    }
}
