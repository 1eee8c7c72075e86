package vn.kyso.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kyso.common.db.Db;

/** The province-wide lists on the registrar's dashboard: what runs out soon and what went wrong this month. */
@Component
class DashboardRows {

    static final int ROWS = 20;

    private final JdbcClient jdbc;
    private final Db db;
    private final Clock clock;

    DashboardRows(JdbcClient jdbc, Db db, Clock clock) {
        this.jdbc = jdbc;
        this.db = db;
        this.clock = clock;
    }

    record Expiring(String subscriber, String agency, String serial, Instant notAfter, boolean within30) {
    }

    record Incident(String serial, String state, String agency, String holder, Instant occurredAt) {
    }

    record Figures(long expiring30, long expiring60, List<Expiring> expiring, long locked, long lost,
            List<Incident> incidents, LocalDate monthStart) {
    }

    Figures figures() {
        Instant now = clock.instant();
        Instant in30 = now.plus(Duration.ofDays(30));
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("now", db.instant(now));
        args.put("d30", db.instant(in30));
        args.put("d60", db.instant(now.plus(Duration.ofDays(60))));
        String soon = " FROM certificate c JOIN subscriber s ON s.id = c.subscriber_id JOIN agency a ON a.id = s.agency_id"
                + " WHERE c.status = 'GOOD' AND c.not_after > :now AND c.not_after <= :d60";
        long[] counts = jdbc.sql("SELECT COUNT(*) AS e60, SUM(CASE WHEN c.not_after <= :d30 THEN 1 ELSE 0 END) AS e30"
                + soon).params(args).query((rs, n) -> new long[] {rs.getLong("e30"), rs.getLong("e60")}).single();
        args.put("limit", ROWS);
        List<Expiring> expiring = jdbc.sql("SELECT s.full_name, a.name AS agency, c.serial, c.not_after" + soon
                + " ORDER BY c.not_after, c.serial LIMIT :limit").params(args).query((rs, n) -> {
                    Instant notAfter = db.instant(rs, "not_after");
                    return new Expiring(rs.getString("full_name"), rs.getString("agency"), rs.getString("serial"),
                            notAfter, !notAfter.isAfter(in30));
                }).list();

        LocalDate monthStart = LocalDate.ofInstant(now, PageText.VIETNAM).withDayOfMonth(1);
        Map<String, Object> month = new LinkedHashMap<>();
        month.put("from", db.instant(monthStart.atStartOfDay(PageText.VIETNAM).toInstant()));
        month.put("to", db.instant(monthStart.plusMonths(1).atStartOfDay(PageText.VIETNAM).toInstant()));
        String incidents = " FROM token_event e JOIN token t ON t.id = e.token_id"
                + " LEFT JOIN agency a ON a.id = e.custodian_agency_id LEFT JOIN subscriber s ON s.id = e.holder_subscriber_id"
                + " WHERE e.to_state IN ('LOCKED', 'LOST') AND e.occurred_at >= :from AND e.occurred_at < :to";
        Map<String, Long> byState = new LinkedHashMap<>(Map.of("LOCKED", 0L, "LOST", 0L));
        jdbc.sql("SELECT e.to_state, COUNT(DISTINCT e.token_id) AS n" + incidents + " GROUP BY e.to_state").params(month)
                .query(rs -> { byState.put(rs.getString("to_state"), rs.getLong("n")); });
        month.put("limit", ROWS);
        List<Incident> rows = jdbc.sql("SELECT t.serial, e.to_state, a.name AS agency, s.full_name, e.occurred_at"
                + incidents + " ORDER BY e.occurred_at DESC, e.id DESC LIMIT :limit").params(month)
                .query((rs, n) -> new Incident(rs.getString("serial"), rs.getString("to_state"), rs.getString("agency"),
                        rs.getString("full_name"), db.instant(rs, "occurred_at"))).list();
        return new Figures(counts[0], counts[1], expiring, byState.get("LOCKED"), byState.get("LOST"), rows, monthStart);
    }
}
