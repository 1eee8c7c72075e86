package vn.kyso.imports;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import vn.kyso.common.OfficialEmail;
import vn.kyso.common.Text;
import vn.kyso.subscriber.Subscriber;
import vn.kyso.subscriber.SubscriberRepository;
import vn.kyso.subscriber.SubscriberRequest;
import vn.kyso.subscriber.SubscriberService;
import vn.kyso.subscriber.SubscriberType;

/**
 * Subscribers through {@link SubscriberService}, row by row inside the file's transaction: the
 * personal-ID rules, official e-mail domains, phone numbers and agency checks are the service's.
 * A row is the same subscriber as a stored one when their personal ID numbers agree or, without
 * one, when type and e-mail agree; two stored subscribers sharing that e-mail make the row ambiguous.
 */
@Component
class SubscriberImport implements Importer {

    private static final Set<String> BOOKKEEPING = Set.of("id", "version", "createdAt", "updatedAt");
    private static final Map<String, SubscriberType> TYPES = Map.ofEntries(
            Map.entry("ca nhan", SubscriberType.INDIVIDUAL), Map.entry("individual", SubscriberType.INDIVIDUAL),
            Map.entry("to chuc", SubscriberType.ORGANIZATION), Map.entry("co quan", SubscriberType.ORGANIZATION),
            Map.entry("organization", SubscriberType.ORGANIZATION),
            Map.entry("organisation", SubscriberType.ORGANIZATION),
            Map.entry("thiet bi", SubscriberType.DEVICE), Map.entry("dich vu", SubscriberType.DEVICE),
            Map.entry("phan mem", SubscriberType.DEVICE), Map.entry("thiet bi dich vu phan mem", SubscriberType.DEVICE),
            Map.entry("device", SubscriberType.DEVICE));

    private final SubscriberService subscribers;
    private final SubscriberRepository repository;
    private final Savepoints savepoints;
    private final Validator validator;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final int maxRows;

    SubscriberImport(SubscriberService subscribers, SubscriberRepository repository, Savepoints savepoints,
            Validator validator, JdbcClient jdbc, JsonMapper json, ImportProperties properties) {
        this.subscribers = subscribers;
        this.repository = repository;
        this.savepoints = savepoints;
        this.validator = validator;
        this.jdbc = jdbc;
        this.json = json;
        this.maxRows = properties.maxRows();
    }

    @Override
    public ImportKind kind() {
        return ImportKind.SUBSCRIBERS;
    }

    @Override
    public Prepared prepare(byte[] content, String fileName) {
        Table table = Table.read(content, Layout.SUBSCRIBERS, maxRows);
        return new Prepared(table.encoding(), table.lines().size(), fileName, table);
    }

    @Override
    public List<PlanRow> run(Prepared file, boolean write, IntConsumer progress) {
        Table table = (Table) file.content();
        Map<String, Integer> seen = new HashMap<>();
        List<PlanRow> rows = new java.util.ArrayList<>();
        for (Table.Line line : table.lines()) {
            String key = key(line);
            Integer earlier = seen.putIfAbsent(key, line.number());
            if (earlier != null) {
                rows.add(PlanRow.reject(line.number(), key, "imports.error.duplicateInFile", earlier));
            } else {
                rows.add(one(line, key));
            }
            progress.accept(rows.size());
        }
        return rows;
    }

    /** How the row names its subscriber in the plan: the personal ID, else the e-mail. */
    private static String key(Table.Line line) {
        String id = Text.clean(line.get("nationalId"));
        return id != null ? id : String.valueOf(OfficialEmail.normalize(line.get("email")));
    }

    private PlanRow one(Table.Line line, String key) {
        try {
            SubscriberType type = type(line);
            Subscriber existing = existing(line, type);
            SubscriberRequest request = request(line, type, existing);
            check(request);
            return savepoints.run(rollback -> {
                if (existing == null) {
                    subscribers.create(request);
                    return PlanRow.of(line.number(), key, Outcome.CREATE);
                }
                Map<String, Object> before = summary(existing);
                Subscriber updated = subscribers.update(existing.id(), request);
                List<String> changed = Rows.changed(before, summary(updated), BOOKKEEPING);
                if (changed.isEmpty()) {
                    rollback.run();
                    return PlanRow.of(line.number(), key, Outcome.UNCHANGED);
                }
                return PlanRow.of(line.number(), key, Outcome.UPDATE).changing(changed);
            });
        } catch (RuntimeException e) {
            return Rows.refusal(line.number(), key, e);
        }
    }

    private static SubscriberType type(Table.Line line) {
        String value = line.get("type");
        if (value == null) {
            return SubscriberType.INDIVIDUAL;
        }
        for (SubscriberType t : SubscriberType.values()) {
            if (t.name().equalsIgnoreCase(value.strip())) {
                return t;
            }
        }
        SubscriberType type = TYPES.get(Layout.fold(value));
        if (type == null) {
            throw new Rows.BadValue("imports.error.badValue", "type", value);
        }
        return type;
    }

    private Subscriber existing(Table.Line line, SubscriberType type) {
        String nationalId = Text.clean(line.get("nationalId"));
        if (nationalId != null) {
            return repository.findByNationalId(nationalId).orElse(null);
        }
        String email = OfficialEmail.normalize(line.get("email"));
        List<Long> ids = jdbc.sql("SELECT id FROM subscriber WHERE email = :email AND type = :type")
                .param("email", email).param("type", type.name()).query(Long.class).list();
        if (ids.size() > 1) {
            throw new Rows.BadValue("imports.error.ambiguousSubscriber", email, ids.size());
        }
        return ids.isEmpty() ? null : repository.findById(ids.get(0)).orElse(null);
    }

    private SubscriberRequest request(Table.Line line, SubscriberType type, Subscriber s) {
        String agencyCode = line.has("agencyCode") ? line.get("agencyCode") : null;
        if (agencyCode == null && s != null) {
            agencyCode = subscribers.view(s).agencyCode();
        }
        return new SubscriberRequest(type, agencyCode,
                value(line, "fullName", s == null ? null : s.fullName()),
                value(line, "email", s == null ? null : s.email()),
                value(line, "nationalId", s == null ? null : s.nationalId()),
                date(line, "nationalIdIssueDate", s == null ? null : s.nationalIdIssueDate()),
                value(line, "nationalIdIssuePlace", s == null ? null : s.nationalIdIssuePlace()),
                date(line, "dateOfBirth", s == null ? null : s.dateOfBirth()),
                value(line, "position", s == null ? null : s.position()),
                value(line, "phone", s == null ? null : s.phone()),
                value(line, "taxCode", s == null ? null : s.taxCode()),
                value(line, "budgetCode", s == null ? null : s.budgetCode()),
                value(line, "address", s == null ? null : s.address()),
                value(line, "province", s == null ? null : s.province()), null);
    }

    private static String value(Table.Line line, String column, String stored) {
        return line.has(column) ? line.get(column) : stored;
    }

    private static LocalDate date(Table.Line line, String column, LocalDate stored) {
        return line.has(column) ? Rows.date(line, column) : stored;
    }

    private void check(SubscriberRequest request) {
        for (ConstraintViolation<SubscriberRequest> violation : validator.validate(request)) {
            throw Rows.invalid(violation.getPropertyPath().toString(), violation.getInvalidValue());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> summary(Subscriber subscriber) {
        return new LinkedHashMap<>(json.convertValue(subscribers.view(subscriber), Map.class));
    }
}
