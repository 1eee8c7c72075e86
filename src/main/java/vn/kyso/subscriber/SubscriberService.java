package vn.kyso.subscriber;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kyso.agency.Agency;
import vn.kyso.agency.AgencyRepository;
import vn.kyso.agency.AgencyScope;
import vn.kyso.agency.AgencyScopes;
import vn.kyso.agency.AgencySql;
import vn.kyso.agency.AgencyService;
import vn.kyso.agency.AgencyStatus;
import vn.kyso.audit.AuditLog;
import vn.kyso.common.ApiException;
import vn.kyso.common.KysoProperties;
import vn.kyso.common.OfficialEmail;
import vn.kyso.common.PageResult;
import vn.kyso.common.Text;
import vn.kyso.common.Violations;

@Service
public class SubscriberService {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern PHONE = Pattern.compile("0[2-9]\\d{8,9}");
    private static final Pattern PHONE_NOISE = Pattern.compile("[\\s.()-]");
    /** A CCCD is issued from the age of 14. */
    private static final int MIN_AGE = 14;

    private final SubscriberRepository subscribers;
    private final AgencyRepository agencies;
    private final AgencyService agencyService;
    private final AgencyScopes scopes;
    private final AuditLog audit;
    private final OfficialEmail officialEmail;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean requireNationalId;
    private final SubscriberPlacements placements;

    public SubscriberService(SubscriberRepository subscribers, AgencyRepository agencies, AgencyService agencyService,
            AgencyScopes scopes, AuditLog audit, OfficialEmail officialEmail, JdbcClient jdbc, Clock clock,
            KysoProperties properties, SubscriberPlacements placements) {
        this.placements = placements;
        this.subscribers = subscribers;
        this.agencies = agencies;
        this.agencyService = agencyService;
        this.scopes = scopes;
        this.audit = audit;
        this.officialEmail = officialEmail;
        this.jdbc = jdbc;
        this.clock = clock;
        this.requireNationalId = properties.subscribers().requireNationalIdForIndividuals();
    }

    @Transactional
    public Subscriber create(SubscriberRequest request) {
        Subscriber subscriber = new Subscriber();
        Agency agency = fill(subscriber, request);
        Instant now = clock.instant();
        subscriber.status = SubscriberStatus.ACTIVE;
        subscriber.createdAt = now;
        subscriber.updatedAt = now;
        subscribers.save(subscriber);
        placements.placed(subscriber.id, agency.id(), now);
        audit.record(new AuditLog.Change("subscriber.create", "subscriber", subscriber.id.toString(), agency.id(),
                null, SubscriberView.of(subscriber, agency.code())));
        return subscriber;
    }

    @Transactional
    public Subscriber update(long id, SubscriberRequest request) {
        Subscriber subscriber = get(id);
        if (request.version() != null && !request.version().equals(subscriber.version)) {
            throw ApiException.conflict("error.concurrentChange");
        }
        if (request.type() != subscriber.type) {
            throw ApiException.badField("type", "error.subscriber.typeImmutable");
        }
        SubscriberView before = view(subscriber);
        Agency agency = fill(subscriber, request);
        subscriber.updatedAt = clock.instant();
        subscribers.save(subscriber);
        placements.moved(subscriber.id, agency.id(), subscriber.updatedAt);
        audit.record(new AuditLog.Change("subscriber.update", "subscriber", subscriber.id.toString(), agency.id(),
                before, SubscriberView.of(subscriber, agency.code())));
        return subscriber;
    }

    /** Moves a subscriber to another agency (a merger's successor), in the caller's transaction. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Subscriber moveTo(long id, Agency to) {
        Subscriber subscriber = get(id);
        if (subscriber.agencyId.equals(to.id())) {
            return subscriber;
        }
        SubscriberView before = view(subscriber);
        subscriber.agencyId = to.id();
        subscriber.updatedAt = clock.instant();
        subscribers.save(subscriber);
        placements.moved(subscriber.id, to.id(), subscriber.updatedAt);
        audit.record(new AuditLog.Change("subscriber.move", "subscriber", subscriber.id.toString(), to.id(),
                before, SubscriberView.of(subscriber, to.code())));
        return subscriber;
    }

    /** Records that a subscriber left (retired, resigned, moved, died), in the caller's transaction. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Subscriber changeStatus(long id, SubscriberStatus status) {
        Subscriber subscriber = get(id);
        if (subscriber.status != SubscriberStatus.ACTIVE) {
            throw ApiException.conflict("error.subscriber.notActive", id, subscriber.status);
        }
        SubscriberView before = view(subscriber);
        subscriber.status = status;
        subscriber.updatedAt = clock.instant();
        subscribers.save(subscriber);
        audit.record(new AuditLog.Change("subscriber.leave", "subscriber", subscriber.id.toString(),
                subscriber.agencyId, before, view(subscriber)));
        return subscriber;
    }

    /** A subscriber of an agency the current user may see, or 404. */
    public Subscriber get(long id) {
        AgencyScope scope = scopes.current();
        return subscribers.findById(id)
                .filter(s -> scope.all() || agencies.findById(s.agencyId).filter(scope::contains).isPresent())
                .orElseThrow(() -> ApiException.notFound("error.subscriber.notFound", id));
    }

    public record ListQuery(String agency, boolean subtree, String q, SubscriberType type, SubscriberStatus status) {
    }

    public PageResult<SubscriberView> list(ListQuery query, PageResult.PageRequest page) {
        AgencyScope scope = scopes.current();
        StringBuilder where = new StringBuilder(" FROM subscriber s JOIN agency a ON a.id = s.agency_id WHERE 1 = 1");
        Map<String, Object> args = new HashMap<>();
        AgencySql.withinScope(where, args, scope);
        if (query.agency() != null) {
            AgencySql.ofAgency(where, args, agencyService.get(query.agency()), query.subtree());
        }
        if (query.q() != null && !query.q().isBlank()) {
            where.append(" AND (s.search_key LIKE :q ESCAPE '\\' OR s.email LIKE :q ESCAPE '\\' OR s.national_id = :exact)");
            args.put("q", Text.containsPattern(Text.fold(query.q())));
            args.put("exact", query.q().strip());
        }
        if (query.type() != null) {
            where.append(" AND s.type = :type");
            args.put("type", query.type().name());
        }
        if (query.status() != null) {
            where.append(" AND s.status = :status");
            args.put("status", query.status().name());
        }
        long total = jdbc.sql("SELECT COUNT(*)" + where).params(args).query(Long.class).single();
        args.put("limit", page.size());
        args.put("offset", page.offset());
        List<Long> ids = jdbc.sql("SELECT s.id" + where + " ORDER BY s.search_key, s.id LIMIT :limit OFFSET :offset")
                .params(args).query(Long.class).list();
        Map<Long, Subscriber> byId = new HashMap<>();
        subscribers.findAllById(ids).forEach(s -> byId.put(s.id, s));
        Map<Long, String> codes = new HashMap<>();
        List<SubscriberView> items = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Subscriber s = byId.get(id);
            String code = codes.computeIfAbsent(s.agencyId,
                    agencyId -> agencies.findById(agencyId).map(Agency::code).orElse(null));
            items.add(SubscriberView.of(s, code));
        }
        return PageResult.of(items, page, total);
    }

    /** The agency of a subscriber, without a visibility check: for audit entries and joins. */
    public Long findAgencyId(long subscriberId) {
        return subscribers.findById(subscriberId).map(Subscriber::agencyId).orElse(null);
    }

    public SubscriberView view(Subscriber subscriber) {
        return SubscriberView.of(subscriber, agencies.findById(subscriber.agencyId).map(Agency::code).orElse(null));
    }

    /** Validates the request as a whole, reporting every bad field at once, then copies it in. */
    private Agency fill(Subscriber subscriber, SubscriberRequest r) {
        Violations violations = new Violations();
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        String email = OfficialEmail.normalize(r.email());
        officialEmail.check(email, "email", violations);
        String nationalId = Text.clean(r.nationalId());
        String phone = normalizePhone(r.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            violations.reject("phone", "error.phone");
        }
        switch (r.type()) {
            case INDIVIDUAL -> checkIndividual(r, nationalId, today, violations);
            case ORGANIZATION -> {
                if (r.taxCode() == null && r.budgetCode() == null) {
                    violations.reject("taxCode", "error.subscriber.organizationNeedsTaxOrBudgetCode");
                }
                rejectPersonalFields(r, violations);
            }
            case DEVICE -> rejectPersonalFields(r, violations);
        }
        Agency agency = agencyService.find(r.agencyCode()).orElse(null);
        if (agency == null) {
            violations.reject("agencyCode", "error.agency.unknown", r.agencyCode());
        }
        violations.throwIfAny();
        if (agency.status() != AgencyStatus.ACTIVE) {
            throw ApiException.conflictOn("agencyCode", "error.agency.inactive", agency.code());
        }
        if (nationalId != null) {
            subscribers.findByNationalId(nationalId).filter(other -> !other.id.equals(subscriber.id))
                    .ifPresent(other -> {
                        throw ApiException.conflictOn("nationalId", "error.subscriber.duplicateNationalId");
                    });
        }
        subscriber.type = r.type();
        subscriber.agencyId = agency.id();
        subscriber.fullName = Text.clean(r.fullName());
        subscriber.searchKey = Text.fold(r.fullName());
        subscriber.email = email;
        subscriber.nationalId = nationalId;
        subscriber.nationalIdIssueDate = r.nationalIdIssueDate();
        subscriber.nationalIdIssuePlace = Text.clean(r.nationalIdIssuePlace());
        subscriber.dateOfBirth = r.dateOfBirth();
        subscriber.position = Text.clean(r.position());
        subscriber.phone = phone;
        subscriber.taxCode = Text.clean(r.taxCode());
        subscriber.budgetCode = Text.clean(r.budgetCode());
        subscriber.address = Text.clean(r.address());
        subscriber.province = Text.clean(r.province());
        return agency;
    }

    private void checkIndividual(SubscriberRequest r, String nationalId, LocalDate today, Violations violations) {
        if (nationalId == null) {
            if (requireNationalId) {
                violations.reject("nationalId", "error.required");
            }
        } else {
            String problem = NationalId.problem(nationalId);
            if (problem != null) {
                violations.reject("nationalId", problem);
            } else if (r.dateOfBirth() != null && !NationalId.agreesWith(nationalId, r.dateOfBirth())) {
                violations.reject("nationalId", "error.nationalId.birthYear", NationalId.birthYear(nationalId));
            }
        }
        LocalDate born = r.dateOfBirth();
        if (born == null) {
            if (requireNationalId) {
                violations.reject("dateOfBirth", "error.required");
            }
        } else if (born.isBefore(LocalDate.of(1900, 1, 1)) || born.isAfter(today.minusYears(MIN_AGE))) {
            violations.reject("dateOfBirth", "error.subscriber.dateOfBirth", MIN_AGE);
        }
        LocalDate issued = r.nationalIdIssueDate();
        if (issued != null && (issued.isAfter(today) || (born != null && issued.isBefore(born)))) {
            violations.reject("nationalIdIssueDate", "error.subscriber.issueDate");
        }
    }

    private static void rejectPersonalFields(SubscriberRequest r, Violations violations) {
        if (r.nationalId() != null) {
            violations.reject("nationalId", "error.subscriber.personalFieldNotAllowed", r.type());
        }
        if (r.dateOfBirth() != null) {
            violations.reject("dateOfBirth", "error.subscriber.personalFieldNotAllowed", r.type());
        }
    }

    static String normalizePhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = PHONE_NOISE.matcher(phone).replaceAll("");
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("84") && digits.length() == 11) {
            digits = "0" + digits.substring(2);
        }
        return digits;
    }
}
