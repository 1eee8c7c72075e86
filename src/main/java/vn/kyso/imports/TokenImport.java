package vn.kyso.imports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kyso.agency.AgencyService;
import vn.kyso.agency.AgencyStatus;
import vn.kyso.audit.AuditLog;
import vn.kyso.common.OfficialEmail;
import vn.kyso.common.Text;
import vn.kyso.common.db.DatabaseKind;
import vn.kyso.common.db.Db;
import vn.kyso.subscriber.SubscriberStatus;
import vn.kyso.token.TokenModel;
import vn.kyso.token.TokenModelRepository;
import vn.kyso.token.TokenService;
import vn.kyso.token.TokenState;

/**
 * Tokens in bulk: a province's stock runs to tens of thousands, so the rows are judged against
 * the database read once (models, agencies, subscribers, the tokens already known) and written in
 * batches, each new token with its first history row and its audit entry. A new token starts in
 * the state the file gives or implies: with a holder it is in use, with an agency allocated, else
 * in stock. A known token is only described anew (model, batch, date received, notes): where it is
 * and who holds it change through its lifecycle actions, never through a file.
 */
@Component
class TokenImport implements Importer {

    private static final int BATCH = 500;
    private static final Set<TokenState> NEED_HOLDER = Set.of(TokenState.IN_USE, TokenState.LOCKED,
            TokenState.RESTORE_REQUESTED);
    private static final Set<TokenState> NEED_AGENCY = Set.of(TokenState.ALLOCATED, TokenState.RECOVERED);
    private static final Set<TokenState> NO_CUSTODY = Set.of(TokenState.IN_STOCK, TokenState.RETURNED_TO_PROVIDER,
            TokenState.RETIRED);
    /** The state names of the Vietnamese pages, folded, as people write them in a spreadsheet. */
    private static final Map<String, TokenState> STATES = Map.ofEntries(
            Map.entry("trong kho", TokenState.IN_STOCK), Map.entry("ton kho", TokenState.IN_STOCK),
            Map.entry("da cap", TokenState.ALLOCATED), Map.entry("da cap cho don vi", TokenState.ALLOCATED),
            Map.entry("dang su dung", TokenState.IN_USE), Map.entry("da ban giao", TokenState.IN_USE),
            Map.entry("bi khoa", TokenState.LOCKED), Map.entry("da khoa", TokenState.LOCKED),
            Map.entry("cho khoi phuc", TokenState.RESTORE_REQUESTED),
            Map.entry("da thu hoi", TokenState.RECOVERED), Map.entry("mat", TokenState.LOST),
            Map.entry("bi mat", TokenState.LOST), Map.entry("hong", TokenState.DAMAGED),
            Map.entry("bi hong", TokenState.DAMAGED),
            Map.entry("da tra nha cung cap", TokenState.RETURNED_TO_PROVIDER),
            Map.entry("ngung su dung", TokenState.RETIRED));

    private final TokenModelRepository models;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final AuditLog audit;
    private final Db db;
    private final Clock clock;
    private final int maxRows;

    TokenImport(TokenModelRepository models, JdbcClient jdbc, JdbcTemplate batch, AuditLog audit, Db db, Clock clock,
            ImportProperties properties) {
        this.models = models;
        this.jdbc = jdbc;
        this.batch = batch;
        this.audit = audit;
        this.db = db;
        this.clock = clock;
        this.maxRows = properties.maxRows();
    }

    @Override
    public ImportKind kind() {
        return ImportKind.TOKENS;
    }

    @Override
    public Prepared prepare(byte[] content, String fileName) {
        Table table = Table.read(content, Layout.TOKENS, maxRows);
        return new Prepared(table.encoding(), table.lines().size(), fileName, table);
    }

    record AgencyRow(long id, String code, String path, String status) {
    }

    record SubscriberRow(long id, String nationalId, String email, long agencyId, String status) {
    }

    record TokenRow(long id, String serial, long modelId, String batch, LocalDate receivedOn, TokenState state,
            Long custodian, Long holder, String notes) {
    }

    /** What a row will write: a new token, or new descriptions of a known one. */
    private record Change(int row, TokenRow before, TokenRow after) {
    }

    @Override
    public List<PlanRow> run(Prepared file, boolean write, IntConsumer progress) {
        Table table = (Table) file.content();
        Snapshot snapshot = new Snapshot();
        List<PlanRow> rows = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Table.Line line : table.lines()) {
            String serial = TokenService.normalizeSerial(line.get("serial"));
            Integer earlier = seen.putIfAbsent(serial, line.number());
            if (earlier != null) {
                rows.add(PlanRow.reject(line.number(), serial, "imports.error.duplicateSerial", serial, earlier));
                continue;
            }
            try {
                rows.add(one(line, serial, snapshot, changes));
            } catch (Rows.BadValue e) {
                rows.add(Rows.refusal(line.number(), serial, e));
            }
            if (!write && rows.size() % BATCH == 0) {
                // a dry run's progress is the rows judged; a real run's, the rows written
                progress.accept(rows.size());
            }
        }
        if (write && rows.stream().noneMatch(r -> r.outcome() == Outcome.REJECT)) {
            write(changes, snapshot, file.fileName(), progress);
        }
        return rows;
    }

    private PlanRow one(Table.Line line, String serial, Snapshot s, List<Change> changes) {
        if (serial.isEmpty()) {
            throw Rows.required("serial");
        }
        if (line.get("model") == null) {
            throw Rows.required("model");
        }
        if (serial.length() > 64) {
            throw new Rows.BadValue("imports.error.badValue", "serial", serial);
        }
        TokenModel model = s.models.get(line.get("model").strip().toUpperCase(Locale.ROOT));
        if (model == null) {
            throw new Rows.BadValue("error.token.unknownModel", line.get("model"));
        }
        AgencyRow agency = null;
        if (line.has("agencyCode")) {
            agency = s.agencies.get(AgencyService.normalizeCode(line.get("agencyCode")));
            if (agency == null) {
                throw new Rows.BadValue("error.agency.unknown", line.get("agencyCode"));
            }
            if (!AgencyStatus.ACTIVE.name().equals(agency.status())) {
                throw new Rows.BadValue("error.agency.inactive", agency.code());
            }
        }
        SubscriberRow holder = line.has("holder") ? s.holder(line.get("holder")) : null;
        if (holder != null) {
            if (!SubscriberStatus.ACTIVE.name().equals(holder.status())) {
                throw new Rows.BadValue("error.certificate.subscriberInactive", holder.id(), holder.status());
            }
            AgencyRow own = s.agenciesById.get(holder.agencyId());
            if (agency == null) {
                agency = own;
            } else if (!own.path().startsWith(agency.path())) {
                throw new Rows.BadValue("imports.error.holderOutsideAgency", line.get("holder"), agency.code());
            }
        }
        TokenState state = state(line, holder != null, agency != null);
        String batchName = Text.clean(line.get("batch"));
        String notes = Text.clean(line.get("notes"));
        if (batchName != null && batchName.length() > 64 || notes != null && notes.length() > 1000) {
            throw new Rows.BadValue("imports.error.badValue", batchName != null && batchName.length() > 64 ? "batch"
                    : "notes", "…");
        }
        LocalDate received = Rows.date(line, "receivedOn");
        Long custodian = NO_CUSTODY.contains(state) ? null : agency == null ? null : agency.id();
        Long holderId = NEED_HOLDER.contains(state) ? holder.id() : null;

        TokenRow known = s.tokens.get(serial);
        if (known == null) {
            TokenRow created = new TokenRow(0, serial, model.id(), batchName, received, state, custodian, holderId, notes);
            changes.add(new Change(line.number(), null, created));
            return PlanRow.of(line.number(), serial, Outcome.CREATE);
        }
        boolean moved = line.has("state") && state != known.state()
                || (line.has("agencyCode") || line.has("holder")) && !Objects.equals(custodian, known.custodian())
                || line.has("holder") && !Objects.equals(holderId, known.holder());
        if (moved) {
            throw new Rows.BadValue("imports.error.tokenMoved", serial, known.state());
        }
        TokenRow after = new TokenRow(known.id(), serial, model.id(),
                line.has("batch") ? batchName : known.batch(), line.has("receivedOn") ? received : known.receivedOn(),
                known.state(), known.custodian(), known.holder(), line.has("notes") ? notes : known.notes());
        List<String> changed = new ArrayList<>();
        if (after.modelId() != known.modelId()) {
            changed.add("model");
        }
        if (!Objects.equals(after.batch(), known.batch())) {
            changed.add("batch");
        }
        if (!Objects.equals(after.receivedOn(), known.receivedOn())) {
            changed.add("receivedOn");
        }
        if (!Objects.equals(after.notes(), known.notes())) {
            changed.add("notes");
        }
        if (changed.isEmpty()) {
            return PlanRow.of(line.number(), serial, Outcome.UNCHANGED);
        }
        changes.add(new Change(line.number(), known, after));
        return PlanRow.of(line.number(), serial, Outcome.UPDATE).changing(changed);
    }

    private static TokenState state(Table.Line line, boolean hasHolder, boolean hasAgency) {
        String value = line.get("state");
        TokenState state;
        if (value == null) {
            state = hasHolder ? TokenState.IN_USE : hasAgency ? TokenState.ALLOCATED : TokenState.IN_STOCK;
        } else {
            state = STATES.get(Layout.fold(value));
            for (TokenState t : TokenState.values()) {
                if (t.name().equalsIgnoreCase(value.strip().replace(' ', '_'))) {
                    state = t;
                }
            }
            if (state == null) {
                throw new Rows.BadValue("imports.error.badValue", "state", value);
            }
        }
        if (NEED_HOLDER.contains(state) && !hasHolder || hasHolder && !NEED_HOLDER.contains(state)
                || NEED_AGENCY.contains(state) && !hasAgency) {
            throw new Rows.BadValue("imports.error.stateNeeds", state);
        }
        return state;
    }

    private void write(List<Change> changes, Snapshot s, String fileName, IntConsumer progress) {
        Instant now = clock.instant();
        String actor = AuditLog.currentActor();
        String note = fileName == null ? "import" : "import: " + fileName;
        List<Change> created = changes.stream().filter(c -> c.before() == null).toList();
        List<Change> updated = changes.stream().filter(c -> c.before() != null).toList();
        int done = 0;
        for (int from = 0; from < created.size(); from += BATCH) {
            List<Change> chunk = created.subList(from, Math.min(created.size(), from + BATCH));
            List<Object[]> args = new ArrayList<>();
            for (Change c : chunk) {
                TokenRow t = c.after();
                args.add(new Object[] {t.serial(), t.modelId(), t.batch(), date(t.receivedOn()), t.state().name(),
                    t.custodian(), t.holder(), t.notes(), db.instant(now), db.instant(now)});
            }
            batch.batchUpdate("""
                    INSERT INTO token (serial, model_id, batch, received_on, state, custodian_agency_id,
                        holder_subscriber_id, notes, version, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""", args);
            Map<String, Long> ids = ids(chunk.stream().map(c -> c.after().serial()).toList());
            List<Object[]> events = new ArrayList<>();
            for (Change c : chunk) {
                TokenRow t = c.after();
                events.add(new Object[] {ids.get(t.serial()), t.state().name(), actor, db.instant(now), note,
                    t.custodian(), t.holder()});
            }
            batch.batchUpdate("""
                    INSERT INTO token_event (token_id, action, from_state, to_state, actor, occurred_at, note,
                        custodian_agency_id, holder_subscriber_id)
                    VALUES (?, 'import', NULL, ?, ?, ?, ?, ?, ?)""", events);
            audit.recordAll(chunk.stream().map(c -> new AuditLog.Change("token.import", "token", c.after().serial(),
                    c.after().custodian(), null, summary(c.after(), s))).toList());
            done += chunk.size();
            progress.accept(done);
        }
        if (!updated.isEmpty()) {
            List<Object[]> args = new ArrayList<>();
            for (Change c : updated) {
                TokenRow t = c.after();
                args.add(new Object[] {t.modelId(), t.batch(), date(t.receivedOn()), t.notes(), db.instant(now), t.id()});
            }
            batch.batchUpdate("UPDATE token SET model_id = ?, batch = ?, received_on = ?, notes = ?,"
                    + " version = version + 1, updated_at = ? WHERE id = ?", args);
            audit.recordAll(updated.stream().map(c -> new AuditLog.Change("token.import", "token", c.after().serial(),
                    c.after().custodian(), summary(c.before(), s), summary(c.after(), s))).toList());
            progress.accept(done + updated.size());
        }
    }

    private Map<String, Object> summary(TokenRow t, Snapshot s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("serial", t.serial());
        map.put("model", s.modelCodes.get(t.modelId()));
        map.put("state", t.state().name());
        map.put("custodianAgencyId", t.custodian());
        map.put("custodianAgencyCode", t.custodian() == null ? null : s.agenciesById.get(t.custodian()).code());
        map.put("holderSubscriberId", t.holder());
        map.put("batch", t.batch());
        map.put("receivedOn", t.receivedOn() == null ? null : t.receivedOn().toString());
        map.put("notes", t.notes());
        return map;
    }

    /** SQLite keeps dates as ISO text (as Kyso's dialect writes them), PostgreSQL as DATE. */
    private Object date(LocalDate day) {
        if (day == null) {
            return null;
        }
        return db.kind() == DatabaseKind.SQLITE ? day.toString() : java.sql.Date.valueOf(day);
    }

    private Map<String, Long> ids(List<String> serials) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT id, serial FROM token WHERE serial IN (:serials)").param("serials", serials)
                .query((rs, n) -> ids.put(rs.getString("serial"), rs.getLong("id"))).list();
        return ids;
    }

    static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** The database as the rows are judged against it, read once per run. */
    private final class Snapshot {
        final Map<String, TokenModel> models = new HashMap<>();
        final Map<Long, String> modelCodes = new HashMap<>();
        final Map<String, AgencyRow> agencies = new HashMap<>();
        final Map<Long, AgencyRow> agenciesById = new HashMap<>();
        final Map<String, SubscriberRow> byNationalId = new HashMap<>();
        final Map<String, List<SubscriberRow>> byEmail = new HashMap<>();
        final Map<String, TokenRow> tokens = new HashMap<>();

        Snapshot() {
            TokenImport.this.models.findAll().forEach(m -> {
                models.put(m.code(), m);
                modelCodes.put(m.id(), m.code());
            });
            jdbc.sql("SELECT id, code, path, status FROM agency").query((rs, n) -> new AgencyRow(rs.getLong("id"),
                    rs.getString("code"), rs.getString("path"), rs.getString("status"))).list().forEach(a -> {
                        agencies.put(a.code(), a);
                        agenciesById.put(a.id(), a);
                    });
            jdbc.sql("SELECT id, national_id, email, agency_id, status FROM subscriber")
                    .query((rs, n) -> new SubscriberRow(rs.getLong("id"), rs.getString("national_id"),
                            rs.getString("email"), rs.getLong("agency_id"), rs.getString("status")))
                    .list().forEach(sub -> {
                        if (sub.nationalId() != null) {
                            byNationalId.put(sub.nationalId(), sub);
                        }
                        byEmail.computeIfAbsent(sub.email(), k -> new ArrayList<>()).add(sub);
                    });
            jdbc.sql("SELECT id, serial, model_id, batch, received_on, state, custodian_agency_id,"
                    + " holder_subscriber_id, notes FROM token").query((rs, n) -> new TokenRow(rs.getLong("id"),
                            rs.getString("serial"), rs.getLong("model_id"), rs.getString("batch"),
                            rs.getString("received_on") == null ? null
                                    : LocalDate.parse(rs.getString("received_on").substring(0, 10)),
                            TokenState.valueOf(rs.getString("state")),
                            nullableLong(rs, "custodian_agency_id"), nullableLong(rs, "holder_subscriber_id"),
                            rs.getString("notes")))
                    .list().forEach(t -> tokens.put(t.serial(), t));
        }

        /** A holder named by personal ID number or by official e-mail. */
        SubscriberRow holder(String value) {
            String v = value.strip();
            if (v.chars().allMatch(Character::isDigit)) {
                SubscriberRow row = byNationalId.get(v);
                if (row == null) {
                    throw new Rows.BadValue("imports.error.unknownHolder", v);
                }
                return row;
            }
            List<SubscriberRow> found = byEmail.getOrDefault(OfficialEmail.normalize(v), List.of());
            if (found.isEmpty()) {
                throw new Rows.BadValue("imports.error.unknownHolder", v);
            }
            if (found.size() > 1) {
                throw new Rows.BadValue("imports.error.ambiguousSubscriber", v, found.size());
            }
            return found.get(0);
        }
    }
}
