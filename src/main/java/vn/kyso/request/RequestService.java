package vn.kyso.request;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kyso.agency.Agency;
import vn.kyso.agency.AgencyRepository;
import vn.kyso.agency.AgencyScopes;
import vn.kyso.agency.AgencyService;
import vn.kyso.agency.AgencyStatus;
import vn.kyso.approval.ApprovalAction;
import vn.kyso.approval.FourEyes;
import vn.kyso.audit.AuditLog;
import vn.kyso.common.ApiException;
import vn.kyso.common.Text;
import vn.kyso.common.Violations;
import vn.kyso.common.db.Db;
import vn.kyso.security.CurrentUser;
import vn.kyso.security.KysoPrincipal;
import vn.kyso.security.Role;
import vn.kyso.verify.VerificationReport;
import vn.kyso.verify.VerificationService;

/**
 * Receives certification requests and moves them along {@link RequestTransition}'s table. Each
 * change is one transaction with its history row and audit entry; a stale version answers 409.
 */
@Service
public class RequestService {

    private final RequestRepository requests;
    private final RequestItems items;
    private final RequestLetters letters;
    private final RequestLinks links;
    private final Registry registry;
    private final AgencyService agencyService;
    private final AgencyRepository agencies;
    private final AgencyScopes scopes;
    private final WorkingCalendar calendar;
    private final RequestSettings settings;
    private final VerificationService verifier;
    private final FourEyes fourEyes;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final Db db;
    private final Clock clock;

    public RequestService(RequestRepository requests, RequestItems items, RequestLetters letters, RequestLinks links,
            Registry registry, AgencyService agencyService, AgencyRepository agencies, AgencyScopes scopes,
            WorkingCalendar calendar, RequestSettings settings, VerificationService verifier, FourEyes fourEyes,
            AuditLog audit, TransactionTemplate tx, JdbcClient jdbc, Db db, Clock clock) {
        this.requests = requests;
        this.items = items;
        this.letters = letters;
        this.links = links;
        this.registry = registry;
        this.agencyService = agencyService;
        this.agencies = agencies;
        this.scopes = scopes;
        this.calendar = calendar;
        this.settings = settings;
        this.verifier = verifier;
        this.fourEyes = fourEyes;
        this.audit = audit;
        this.tx = tx;
        this.jdbc = jdbc;
        this.db = db;
        this.clock = clock;
    }

    @Transactional
    public CertificationRequest create(RequestBodies.Create body) {
        KysoPrincipal user = CurrentUser.require();
        Agency agency = agencyService.find(body.agencyCode())
                .orElseThrow(() -> ApiException.badField("agencyCode", "error.agency.unknown", body.agencyCode()));
        if (agency.status() != AgencyStatus.ACTIVE) {
            throw ApiException.conflictOn("agencyCode", "error.agency.inactive", agency.code());
        }
        Violations violations = new Violations();
        RequestKind.FiledBy filedBy = body.filedBy() == null ? RequestKind.FiledBy.MANAGING_BODY : body.filedBy();
        if (!body.kind().filers().contains(filedBy)) {
            violations.reject("filedBy", "error.request.filedBy", filedBy, body.kind().form());
        }
        Instant now = clock.instant();
        Instant receivedAt = now;
        if (body.receivedAt() != null) {
            if (!user.has(Role.ADMIN) && !user.has(Role.REGISTRAR)) {
                violations.reject("receivedAt", "error.request.receivedAtRegistrarOnly");
            } else if (body.receivedAt().isAfter(now)) {
                violations.reject("receivedAt", "error.request.receivedAtFuture");
            } else {
                receivedAt = body.receivedAt();
            }
        }
        if (body.items().size() > settings.maxItems()) {
            violations.reject("items", "error.request.tooManyItems", body.items().size(), settings.maxItems());
            violations.throwIfAny();
        }
        List<RequestItem> rows = items.check(body.kind(), agency, body.items(), violations);
        violations.throwIfAny();

        CertificationRequest r = new CertificationRequest();
        r.kind = body.kind();
        r.agencyId = agency.id();
        r.filedBy = filedBy;
        r.reference = Text.clean(body.reference());
        r.signerName = Text.clean(body.signerName());
        r.signerPosition = Text.clean(body.signerPosition());
        r.contactName = Text.clean(body.contactName());
        r.contactPhone = Text.clean(body.contactPhone());
        r.contactEmail = body.contactEmail() == null ? null : body.contactEmail().strip().toLowerCase();
        r.note = Text.clean(body.note());
        r.status = RequestStatus.RECEIVED;
        r.receivedAt = receivedAt;
        r.dueOn = calendar.due(r.kind, receivedAt);
        r.createdBy = user.getUsername();
        r.createdAt = now;
        r.updatedAt = now;
        requests.save(r);
        items.save(r.id, rows);
        event(r, "receive", null, null, now);
        Map<String, Object> after = summary(r);
        after.put("items", rows.size());
        audit.record(new AuditLog.Change("request.create", "request", r.id.toString(), r.agencyId, null, after));
        return r;
    }

    /** A request the current user may see, or 404: an officer cannot tell another agency's request from none. */
    public CertificationRequest get(long id) {
        var scope = scopes.current();
        return requests.findById(id)
                .filter(r -> scope.all() || agencies.findById(r.agencyId).filter(scope::contains).isPresent())
                .orElseThrow(() -> ApiException.notFound("error.request.notFound", id));
    }

    /**
     * Verifies the signed letter (outside any transaction: the verifier must not hold the write
     * lock while it parses), then keeps it with the verdict. Replaceable until the request is checked.
     */
    public CertificationRequest uploadLetter(long id, byte[] content, String fileName, Long version) {
        CertificationRequest r = get(id);
        checkVersion(r, version);
        requireLetterOpen(r);
        if (content.length == 0) {
            throw ApiException.badField("letter", "error.verify.emptyDocument");
        }
        if (content.length > settings.maxLetterSize().toBytes()) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "error.upload.tooLarge", "letter");
        }
        VerificationReport report = verifier.verify(content, null, fileName, null);
        Agency agency = agencies.findById(r.agencyId).orElseThrow();
        return tx.execute(status -> {
            CertificationRequest current = get(id);
            if (!current.version.equals(r.version)) {
                throw ApiException.conflict("error.concurrentChange");
            }
            Instant now = clock.instant();
            var letter = RequestLetters.assess(report, current, agency, fileName, AuditLog.currentActor(), now);
            letters.store(id, letter, content);
            current.updatedAt = now;
            requests.save(current);
            event(current, "letter", current.status, letter.indication() + " / " + letter.signerCheck(), now);
            Map<String, Object> after = summary(current);
            after.put("letter", Map.of("sha256", letter.sha256(), "verificationId", letter.verificationId(),
                    "indication", letter.indication(), "signerCheck", letter.signerCheck(),
                    "accepted", letter.accepted()));
            audit.record(new AuditLog.Change("request.letter", "request", current.id.toString(), current.agencyId,
                    null, after));
            return current;
        });
    }

    public RequestLetters.Content letter(long id) {
        CertificationRequest r = get(id);
        return letters.content(r.id).orElseThrow(() -> ApiException.notFound("error.request.noLetter", r.number()));
    }

    @Transactional
    public CertificationRequest transition(long id, String slug, RequestBodies.Act act) {
        RequestTransition t = transitionNamed(slug);
        CertificationRequest r = get(id);
        checkVersion(r, act.version());
        requireAllowed(r, t);
        if (t == RequestTransition.APPROVE) {
            fourEyes.guard(ApprovalAction.REQUEST_APPROVAL);
        }
        String note = Text.clean(act.note());
        switch (t) {
            case CHECK -> {
                var letter = letters.of(r.id).orElseThrow(() -> ApiException.conflict("error.request.noLetter",
                        r.number()));
                if (!letter.accepted()) {
                    if (!Boolean.TRUE.equals(act.acceptUnverifiedLetter())) {
                        throw ApiException.conflict("error.request.letterNotAccepted", letter.indication(),
                                letter.signerCheck()).with("indication", letter.indication())
                                .with("signerCheck", letter.signerCheck());
                    }
                    if (note == null) {
                        throw ApiException.badField("note", "error.request.noteRequired");
                    }
                }
                r.checkNote = note;
            }
            case REJECT -> {
                String reason = Text.clean(act.reason());
                if (reason == null) {
                    throw ApiException.badField("reason", "error.request.reasonRequired");
                }
                r.rejectionReason = reason;
                note = reason;
            }
            case COMPLETE -> {
                if (links.count(r.id) == 0) {
                    throw ApiException.conflict("error.request.nothingLinked", r.number());
                }
            }
            case SEND, APPROVE -> { }
        }
        Map<String, Object> before = summary(r);
        RequestStatus from = r.status;
        Instant now = clock.instant();
        r.status = t.to();
        if (!r.status.open()) {
            r.closedAt = now;
        }
        r.updatedAt = now;
        requests.save(r);
        event(r, t.slug(), from, note, now);
        Map<String, Object> after = summary(r);
        if (note != null) {
            after.put("note", note);
        }
        audit.record(new AuditLog.Change("request." + t.slug(), "request", r.id.toString(), r.agencyId, before, after));
        return r;
    }

    public RequestTransition transitionNamed(String slug) {
        return RequestTransition.bySlug(slug)
                .orElseThrow(() -> ApiException.notFound("error.request.unknownTransition", slug));
    }

    /** 409 with the transitions possible now, when {@code t} is not one of them. */
    public void requireAllowed(CertificationRequest r, RequestTransition t) {
        if (!t.allowed(r.kind, r.status)) {
            List<String> allowed = RequestTransition.allowedNow(r.kind, r.status).stream()
                    .map(RequestTransition::slug).toList();
            throw ApiException.conflict("error.request.illegalTransition", t.slug(), r.number(), r.status,
                    allowed.isEmpty() ? "—" : String.join(", ", allowed))
                    .with("currentStatus", r.status).with("allowedTransitions", allowed);
        }
    }

    public void checkVersion(CertificationRequest r, Long version) {
        if (version != null && !version.equals(r.version)) {
            throw ApiException.conflict("error.concurrentChange");
        }
    }

    /** Records a certificate or token the request produced or changed; it must belong to the requesting agency. */
    @Transactional
    public CertificationRequest link(long id, RequestBodies.Link body) {
        CertificationRequest r = get(id);
        checkVersion(r, body.version());
        if (!RequestTransition.LINKABLE.contains(r.status)) {
            throw ApiException.conflict("error.request.notLinkable", r.number(), r.status);
        }
        boolean certificate = body.certificateSerial() != null && !body.certificateSerial().isBlank();
        boolean token = body.tokenSerial() != null && !body.tokenSerial().isBlank();
        if (certificate == token) {
            throw ApiException.badField("certificateSerial", "error.request.linkOne");
        }
        int rows = items.of(r.id).size();
        if (body.item() != null && (body.item() < 1 || body.item() > rows)) {
            throw ApiException.badField("item", "error.request.noSuchItem", body.item(), rows);
        }
        Agency agency = agencies.findById(r.agencyId).orElseThrow();
        Long certificateId = null;
        Long tokenId = null;
        String serial;
        if (certificate) {
            serial = Registry.certificateSerial(body.certificateSerial());
            if (serial == null) {
                throw ApiException.badField("certificateSerial", "error.certificate.serialFormat");
            }
            var row = registry.certificate(serial)
                    .orElseThrow(() -> ApiException.notFound("error.certificate.notFound", serial));
            if (!row.agencyPath().startsWith(agency.path())) {
                throw ApiException.conflictOn("certificateSerial", "error.request.linkOutsideAgency", serial,
                        agency.code());
            }
            certificateId = row.id();
        } else {
            serial = Registry.tokenSerial(body.tokenSerial());
            var row = registry.token(serial).orElseThrow(() -> ApiException.notFound("error.token.notFound", serial));
            if (row.agencyPath() == null || !row.agencyPath().startsWith(agency.path())) {
                throw ApiException.conflictOn("tokenSerial", "error.request.linkOutsideAgency", serial, agency.code());
            }
            tokenId = row.id();
        }
        if (links.exists(r.id, certificateId, tokenId)) {
            throw ApiException.conflict("error.request.alreadyLinked", serial, r.number());
        }
        Instant now = clock.instant();
        links.add(r.id, body.item(), certificateId, tokenId, AuditLog.currentActor(), now);
        r.updatedAt = now;
        requests.save(r);
        Map<String, Object> after = new LinkedHashMap<>(summary(r));
        after.put(certificate ? "certificateSerial" : "tokenSerial", serial);
        if (body.item() != null) {
            after.put("item", body.item());
        }
        audit.record(new AuditLog.Change("request.link", "request", r.id.toString(), r.agencyId, null, after));
        return r;
    }

    private void requireLetterOpen(CertificationRequest r) {
        if (r.status != RequestStatus.RECEIVED) {
            throw ApiException.conflict("error.request.letterLocked", r.number(), r.status);
        }
    }

    private void event(CertificationRequest r, String action, RequestStatus from, String note, Instant at) {
        jdbc.sql("""
                INSERT INTO request_event (request_id, action, from_status, to_status, actor, occurred_at, note)
                VALUES (:r, :action, :from, :to, :actor, :at, :note)""")
                .param("r", r.id).param("action", action).param("from", from == null ? null : from.name())
                .param("to", r.status.name()).param("actor", AuditLog.currentActor()).param("at", db.instant(at))
                .param("note", note).update();
    }

    static Map<String, Object> summary(CertificationRequest r) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("number", r.number());
        summary.put("kind", r.kind);
        summary.put("status", r.status);
        summary.put("receivedAt", r.receivedAt.toString());
        summary.put("dueOn", r.dueOn == null ? null : r.dueOn.toString());
        return summary;
    }
}
