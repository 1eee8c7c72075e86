package vn.kyso.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.kyso.agency.AgencyScopes;
import vn.kyso.agency.AgencyService;
import vn.kyso.agency.AgencySql;
import vn.kyso.common.PageResult;
import vn.kyso.common.db.Db;

/** Lists requests within what the current user may see; the registrar's queue is the open and overdue ones. */
@Service
public class RequestQueries {

    private final AgencyScopes scopes;
    private final AgencyService agencies;
    private final WorkingCalendar calendar;
    private final JdbcClient jdbc;
    private final Db db;

    public RequestQueries(AgencyScopes scopes, AgencyService agencies, WorkingCalendar calendar, JdbcClient jdbc,
            Db db) {
        this.scopes = scopes;
        this.agencies = agencies;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.db = db;
    }

    public record Filter(String agency, boolean subtree, RequestStatus status, RequestKind kind, Boolean overdue) {
    }

    public record Summary(long id, String number, RequestKind kind, String form, String agencyCode, String agencyName,
            RequestStatus status, Instant receivedAt, LocalDate dueOn, boolean overdue, Boolean onTime, int items) {
    }

    private static final String OVERDUE = "(r.status NOT IN ('DONE', 'REJECTED') AND r.due_on IS NOT NULL"
            + " AND r.due_on < :today)";

    /** Open requests past their due day, and those due by the next working day: the dashboard's two figures. */
    public record Due(long overdue, long dueSoon) {
    }

    public Due due() {
        LocalDate today = calendar.today();
        LocalDate next = calendar.from(today.getYear()).nextWorkingDay(today.plusDays(1));
        StringBuilder where = new StringBuilder(" FROM request r JOIN agency a ON a.id = r.agency_id"
                + " WHERE r.status NOT IN ('DONE', 'REJECTED') AND r.due_on IS NOT NULL");
        Map<String, Object> args = new HashMap<>();
        AgencySql.withinScope(where, args, scopes.current());
        args.put("today", calendar.date(today));
        args.put("next", calendar.date(next));
        return jdbc.sql("SELECT SUM(CASE WHEN r.due_on < :today THEN 1 ELSE 0 END) AS overdue,"
                + " SUM(CASE WHEN r.due_on >= :today AND r.due_on <= :next THEN 1 ELSE 0 END) AS soon" + where)
                .params(args).query((rs, n) -> new Due(rs.getLong("overdue"), rs.getLong("soon"))).single();
    }

    public PageResult<Summary> list(Filter filter, PageResult.PageRequest page) {
        StringBuilder where = new StringBuilder(" FROM request r JOIN agency a ON a.id = r.agency_id WHERE 1 = 1");
        Map<String, Object> args = new HashMap<>();
        AgencySql.withinScope(where, args, scopes.current());
        if (filter.agency() != null) {
            AgencySql.ofAgency(where, args, agencies.get(filter.agency()), filter.subtree());
        }
        if (filter.status() != null) {
            where.append(" AND r.status = :status");
            args.put("status", filter.status().name());
        }
        if (filter.kind() != null) {
            where.append(" AND r.kind = :kind");
            args.put("kind", filter.kind().name());
        }
        LocalDate today = calendar.today();
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " AND " + OVERDUE : " AND NOT " + OVERDUE);
            args.put("today", calendar.date(today));
        }
        long total = jdbc.sql("SELECT COUNT(*)" + where).params(args).query(Long.class).single();
        args.put("limit", page.size());
        args.put("offset", page.offset());
        List<Summary> items = jdbc.sql("SELECT r.id, r.kind, r.status, r.received_at, r.due_on, r.closed_at,"
                + " a.code, a.name, (SELECT COUNT(*) FROM request_item i WHERE i.request_id = r.id) AS items" + where
                + " ORDER BY r.received_at DESC, r.id DESC LIMIT :limit OFFSET :offset").params(args)
                .query((rs, n) -> {
                    RequestKind kind = RequestKind.valueOf(rs.getString("kind"));
                    RequestStatus status = RequestStatus.valueOf(rs.getString("status"));
                    Instant received = db.instant(rs, "received_at");
                    LocalDate due = rs.getString("due_on") == null ? null : LocalDate.parse(rs.getString("due_on"));
                    var deadline = RequestViews.deadline(status, due, db.instant(rs, "closed_at"), today);
                    return new Summary(rs.getLong("id"), CertificationRequest.number(rs.getLong("id"), received), kind,
                            kind.form(), rs.getString("code"), rs.getString("name"), status, received, due,
                            deadline.overdue(), deadline.onTime(), rs.getInt("items"));
                })
                .list();
        return PageResult.of(items, page, total);
    }
}
