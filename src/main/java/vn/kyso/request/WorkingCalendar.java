package vn.kyso.request;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kyso.audit.AuditLog;
import vn.kyso.common.ApiException;
import vn.kyso.common.Text;
import vn.kyso.common.Violations;
import vn.kyso.common.db.DatabaseKind;
import vn.kyso.common.db.Db;

/**
 * The province's working-day calendar: the configured fixed-date holidays plus what an
 * administrator entered per year. Deadlines are counted in Vietnam's time zone.
 */
@Service
public class WorkingCalendar {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private final JdbcClient jdbc;
    private final Db db;
    private final RequestSettings settings;
    private final List<Holidays.Fixed> fixed;
    private final AuditLog audit;
    private final Clock clock;

    public WorkingCalendar(JdbcClient jdbc, Db db, RequestSettings settings, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.db = db;
        this.settings = settings;
        this.fixed = settings.fixed();
        this.audit = audit;
        this.clock = clock;
    }

    /** The year's days off and worked weekend days, in date order. */
    public List<Holidays.Day> year(int year) {
        checkYear(year);
        return Holidays.of(year, fixed, settings.substituteWeekendHolidays(), entered(year));
    }

    /** The counter for a deadline starting in {@code year}: a short period may run into the next year. */
    public WorkingDays from(int year) {
        List<Holidays.Day> days = new ArrayList<>(year(year));
        if (year < LAST_YEAR) {
            days.addAll(year(year + 1));
        }
        return Holidays.workingDays(days);
    }

    /** The last working day to finish a request of this kind received then; null when the rules set no time. */
    public LocalDate due(RequestKind kind, Instant receivedAt) {
        Integer days = settings.daysFor(kind);
        if (days == null) {
            return null;
        }
        var local = receivedAt.atZone(VIETNAM).toLocalDateTime();
        return from(local.getYear()).due(local, days, settings.officeCloses());
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), VIETNAM);
    }

    public record Entry(LocalDate date, String name, Boolean working) {
    }

    /**
     * Replaces what was entered for {@code year}, and moves the due dates of open requests to
     * match: a Tết entered in January applies to the requests already waiting.
     */
    @Transactional
    public List<Holidays.Day> replace(int year, List<Entry> entries) {
        checkYear(year);
        Violations violations = new Violations();
        Set<LocalDate> seen = new HashSet<>();
        List<Holidays.Day> days = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String field = "days[" + i + "].";
            String name = Text.clean(e.name());
            if (e.date() == null) {
                violations.reject(field + "date", "error.required");
            } else if (e.date().getYear() != year) {
                violations.reject(field + "date", "error.holiday.otherYear", e.date(), year);
            } else if (!seen.add(e.date())) {
                violations.reject(field + "date", "error.holiday.duplicate", e.date());
            }
            if (name == null) {
                violations.reject(field + "name", "error.required");
            } else if (name.length() > 200) {
                violations.reject(field + "name", "error.holiday.name");
            }
            if (e.date() != null && name != null) {
                days.add(new Holidays.Day(e.date(), name, Boolean.TRUE.equals(e.working()), Holidays.Source.ENTERED));
            }
        }
        violations.throwIfAny();
        List<Holidays.Day> before = entered(year);
        jdbc.sql("DELETE FROM holiday WHERE day >= :from AND day <= :to")
                .param("from", date(LocalDate.of(year, 1, 1))).param("to", date(LocalDate.of(year, 12, 31))).update();
        Instant now = clock.instant();
        for (Holidays.Day d : days) {
            jdbc.sql("INSERT INTO holiday (day, name, working, updated_by, updated_at) VALUES (:day, :name, :working, :by, :at)")
                    .param("day", date(d.date())).param("name", d.name()).param("working", d.working())
                    .param("by", AuditLog.currentActor()).param("at", db.instant(now)).update();
        }
        int moved = recomputeOpenDeadlines();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("days", days.stream().map(WorkingCalendar::summary).toList());
        after.put("dueDatesMoved", moved);
        audit.record(new AuditLog.Change("holiday.replace", "holiday", Integer.toString(year), null,
                Map.of("days", before.stream().map(WorkingCalendar::summary).toList()), after));
        return year(year);
    }

    private int recomputeOpenDeadlines() {
        record Open(long id, String kind, Instant receivedAt, LocalDate dueOn) {
        }
        List<Open> open = jdbc.sql("SELECT id, kind, received_at, due_on FROM request"
                + " WHERE status NOT IN ('DONE', 'REJECTED')")
                .query((rs, n) -> new Open(rs.getLong("id"), rs.getString("kind"), db.instant(rs, "received_at"),
                        rs.getString("due_on") == null ? null : LocalDate.parse(rs.getString("due_on"))))
                .list();
        int moved = 0;
        for (Open o : open) {
            LocalDate due = due(RequestKind.valueOf(o.kind()), o.receivedAt());
            if (due != null && !due.equals(o.dueOn())) {
                jdbc.sql("UPDATE request SET due_on = :due WHERE id = :id").param("due", date(due)).param("id", o.id())
                        .update();
                moved++;
            }
        }
        return moved;
    }

    private List<Holidays.Day> entered(int year) {
        return jdbc.sql("SELECT day, name, working FROM holiday WHERE day >= :from AND day <= :to ORDER BY day")
                .param("from", date(LocalDate.of(year, 1, 1))).param("to", date(LocalDate.of(year, 12, 31)))
                .query((rs, n) -> new Holidays.Day(LocalDate.parse(rs.getString("day")), rs.getString("name"),
                        rs.getBoolean("working"), Holidays.Source.ENTERED))
                .list();
    }

    /** Dates as each database's column holds them: ISO text in SQLite, DATE in PostgreSQL. */
    Object date(LocalDate date) {
        return date == null ? null : db.kind() == DatabaseKind.SQLITE ? date.toString() : date;
    }

    private static Map<String, Object> summary(Holidays.Day d) {
        return Map.of("date", d.date().toString(), "name", d.name(), "working", d.working());
    }

    private static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw ApiException.badField("year", "error.holiday.year", FIRST_YEAR, LAST_YEAR);
        }
    }
}
