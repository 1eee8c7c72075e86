package vn.kyso.web;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.kyso.agency.Agency;
import vn.kyso.agency.AgencyScopes;
import vn.kyso.agency.AgencySql;
import vn.kyso.common.db.Db;

/**
 * What the inventory page shows beyond {@link vn.kyso.report.Inventory}'s figures: the months
 * certificates run out in and who holds which token. Both stay inside the user's scope as well
 * as the agency's subtree, so a caller that forgot to check the agency still leaks nothing.
 */
@Component
class InventoryRows {

    private final JdbcClient jdbc;
    private final Db db;
    private final AgencyScopes scopes;
    private final Clock clock;

    InventoryRows(JdbcClient jdbc, Db db, AgencyScopes scopes, Clock clock) {
        this.jdbc = jdbc;
        this.db = db;
        this.scopes = scopes;
        this.clock = clock;
    }

    record Holding(String serial, String model, String state, String agencyCode, String agencyName, String holder) {
    }

    private Map<String, Object> args(Agency root, StringBuilder where) {
        Map<String, Object> args = new HashMap<>();
        AgencySql.withinScope(where, args, scopes.current());
        AgencySql.ofAgency(where, args, root, true);
        return args;
    }

    /** Certificates still in force that expire in each of the next twelve months, this month first. */
    Map<YearMonth, Long> expiryByMonth(Agency root) {
        Instant now = clock.instant();
        YearMonth first = YearMonth.from(now.atZone(PageText.VIETNAM));
        Map<YearMonth, Long> months = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            months.put(first.plusMonths(i), 0L);
        }
        StringBuilder where = new StringBuilder(" FROM certificate c JOIN agency a ON a.id = c.agency_id"
                + " WHERE c.status = 'GOOD' AND c.not_after > :now AND c.not_after < :end");
        Map<String, Object> args = args(root, where);
        args.put("now", db.instant(now));
        args.put("end", db.instant(first.plusMonths(12).atDay(1).atStartOfDay(PageText.VIETNAM).toInstant()));
        // bucketed here: month arithmetic on instants differs between SQLite and PostgreSQL
        jdbc.sql("SELECT c.not_after" + where).params(args).query(rs -> {
            YearMonth month = YearMonth.from(db.instant(rs, "not_after").atZone(PageText.VIETNAM));
            months.merge(month, 1L, Long::sum);
        });
        return months;
    }

    /** The first {@code limit} tokens of the subtree, ordered by agency then serial. */
    List<Holding> holdings(Agency root, int limit) {
        StringBuilder where = new StringBuilder(" FROM token t JOIN token_model m ON m.id = t.model_id"
                + " JOIN agency a ON a.id = t.custodian_agency_id"
                + " LEFT JOIN subscriber s ON s.id = t.holder_subscriber_id WHERE 1 = 1");
        Map<String, Object> args = args(root, where);
        args.put("limit", limit);
        return jdbc.sql("SELECT t.serial, m.code AS model, t.state, a.code AS agency_code, a.name AS agency_name,"
                + " s.full_name AS holder" + where + " ORDER BY a.path, t.serial LIMIT :limit").params(args)
                .query((rs, n) -> new Holding(rs.getString("serial"), rs.getString("model"), rs.getString("state"),
                        rs.getString("agency_code"), rs.getString("agency_name"), rs.getString("holder")))
                .list();
    }
}
