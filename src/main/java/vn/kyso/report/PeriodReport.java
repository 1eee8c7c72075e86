package vn.kyso.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kyso.agency.Agency;
import vn.kyso.agency.AgencyScope;
import vn.kyso.agency.AgencyScopes;
import vn.kyso.agency.AgencyService;
import vn.kyso.common.db.Db;

/**
 * The six-monthly and yearly figures a province sends up, for the province or one agency's subtree.
 * Everything is counted from history — when each certificate was recorded, renewed, revoked; each
 * token's last move before the period ended; the tree and memberships as they stood — never from
 * today's state, so a report on a closed period gives the same figures whatever changed since.
 * Flows (issued, revoked, moves) count under the agency of the moment they happened; stocks
 * (active certificates, tokens by state) under the agency at the end of the period.
 */
@Service
public class PeriodReport {

    private final AgencyService agencies;
    private final AgencyScopes scopes;
    private final JdbcClient jdbc;
    private final Db db;
    private final Clock clock;

    PeriodReport(AgencyService agencies, AgencyScopes scopes, JdbcClient jdbc, Db db, Clock clock) {
        this.agencies = agencies;
        this.scopes = scopes;
        this.jdbc = jdbc;
        this.db = db;
        this.clock = clock;
    }

    public record Figures(String agencyCode, String agencyName, String period, LocalDate from, LocalDate to,
            boolean complete, Instant generatedAt, Certificates certificates, Tokens tokens,
            Verifications verifications) {
    }

    /**
     * @param issued     new certificates signed by Kyso's CA
     * @param imported   new certificates of an outside CA recorded in Kyso
     * @param renewed    renewals (Mẫu 04, gia hạn)
     * @param replaced   changes of information that replaced a certificate
     */
    public record Certificates(long issued, long imported, long renewed, long replaced, long revoked,
            Map<String, Long> revokedByReason, Map<String, Long> revokedByCase, long expired, long activeAtEnd,
            Map<String, Long> activeByProfile, Map<String, Long> activeByStorage) {
    }

    public record Tokens(long atEnd, Map<String, Long> byState, Map<String, Long> byModel,
            Map<String, Long> movesByAction) {
    }

    /** Only for the whole province: a verification is the clerk's, not an agency's. */
    public record Verifications(long total, Map<String, Long> byIndication) {
    }

    /** {@code agencyCode} null: the whole province, or for an agency officer its own subtree. */
    @Transactional(readOnly = true)
    public Figures of(String agencyCode, Period period) {
        AgencyScope scope = scopes.current();
        Agency agency = agencyCode != null ? agencies.get(agencyCode)
                : scope.all() ? null : agencies.get(ownCode(scope));
        Instant from = period.start();
        Instant to = period.end();
        Instant now = clock.instant();
        Map<String, Object> args = new HashMap<>();
        args.put("from", db.instant(from));
        args.put("to", db.instant(to));
        String within = "1 = 1";
        if (agency != null) {
            String path = pathAt(agency, to);
            within = "%s IN (SELECT ap.agency_id FROM agency_placement ap WHERE ap.valid_from < :to"
                    + " AND (ap.valid_to IS NULL OR ap.valid_to >= :to) AND ap.path >= :lo AND ap.path < :hi)";
            args.put("lo", path);
            args.put("hi", AgencyScope.end(path));
        }
        return new Figures(agency == null ? null : agency.code(), agency == null ? null : agency.name(),
                period.name(), period.first(), period.last(), !to.isAfter(now), now,
                certificates(within, args), tokens(within, args),
                agency == null ? verifications(args) : null);
    }

    /** Where the agency stood when the period ended; if it did not exist yet, nothing falls under it. */
    private String pathAt(Agency agency, Instant at) {
        return jdbc.sql("""
                SELECT path FROM agency_placement WHERE agency_id = :id AND valid_from < :at
                AND (valid_to IS NULL OR valid_to >= :at) ORDER BY valid_from DESC LIMIT 1""")
                .param("id", agency.id()).param("at", db.instant(at)).query(String.class).optional()
                .orElse("/\u0000/");
    }

    private String ownCode(AgencyScope scope) {
        String[] parts = scope.pathPrefix().split("/");
        return parts[parts.length - 1];
    }

    private Certificates certificates(String within, Map<String, Object> args) {
        // the subscriber's agency at the moment given by `at`
        String placedAt = " JOIN subscriber_placement sp ON sp.subscriber_id = c.subscriber_id"
                + " AND sp.valid_from <= %1$s AND (sp.valid_to IS NULL OR sp.valid_to > %1$s) WHERE "
                + within.formatted("sp.agency_id") + " AND ";
        Map<String, Long> made = counts("""
                SELECT CASE WHEN c.replaces_id IS NULL THEN c.source
                            WHEN c.renewal_count > p.renewal_count THEN 'RENEWED' ELSE 'REPLACED' END, COUNT(*)
                FROM certificate c LEFT JOIN certificate p ON p.id = c.replaces_id"""
                + placedAt.formatted("c.created_at") + """
                c.created_at >= :from AND c.created_at < :to
                GROUP BY CASE WHEN c.replaces_id IS NULL THEN c.source
                              WHEN c.renewal_count > p.renewal_count THEN 'RENEWED' ELSE 'REPLACED' END""", args);
        String revokedIn = placedAt.formatted("c.revoked_at")
                + "c.status = 'REVOKED' AND c.revoked_at >= :from AND c.revoked_at < :to";
        Map<String, Long> byReason = counts("SELECT c.revocation_reason, COUNT(*) FROM certificate c" + revokedIn
                + " GROUP BY c.revocation_reason", args);
        Map<String, Long> byCase = counts("SELECT COALESCE(c.revocation_case, 'NONE'), COUNT(*) FROM certificate c"
                + revokedIn + " GROUP BY COALESCE(c.revocation_case, 'NONE')", args);
        // revoked_at is the revocation for good only when the status says REVOKED; a hold is kept
        // in certificate_hold, so a release or a later revocation does not rewrite the past
        long expired = count("SELECT COUNT(*) FROM certificate c" + placedAt.formatted("c.not_after")
                + "c.not_after >= :from AND c.not_after < :to"
                + " AND (c.status <> 'REVOKED' OR c.revoked_at >= c.not_after)", args);
        String activeAtEnd = " JOIN subscriber_placement sp ON sp.subscriber_id = c.subscriber_id"
                + " AND sp.valid_from < :to AND (sp.valid_to IS NULL OR sp.valid_to >= :to) WHERE "
                + within.formatted("sp.agency_id") + " AND c.created_at < :to AND c.not_before < :to"
                + " AND c.not_after >= :to AND (c.status <> 'REVOKED' OR c.revoked_at >= :to)"
                + " AND NOT EXISTS (SELECT 1 FROM certificate_hold h WHERE h.certificate_id = c.id"
                + " AND h.held_at < :to AND (h.released_at IS NULL OR h.released_at >= :to))";
        Map<String, Long> byProfile = counts("SELECT COALESCE(c.profile, 'OUTSIDE'), COUNT(*) FROM certificate c"
                + activeAtEnd + " GROUP BY COALESCE(c.profile, 'OUTSIDE')", args);
        Map<String, Long> byStorage = counts("SELECT c.storage, COUNT(*) FROM certificate c" + activeAtEnd
                + " GROUP BY c.storage", args);
        return new Certificates(made.getOrDefault("ISSUED", 0L), made.getOrDefault("IMPORTED", 0L),
                made.getOrDefault("RENEWED", 0L), made.getOrDefault("REPLACED", 0L), sum(byReason), byReason, byCase,
                expired, sum(byStorage), byProfile, byStorage);
    }

    private Tokens tokens(String within, Map<String, Object> args) {
        // each token's last move before the period ended says its state and keeper at the end
        String last = """
                SELECT e.token_id, e.to_state, e.custodian_agency_id,
                       ROW_NUMBER() OVER (PARTITION BY e.token_id ORDER BY e.occurred_at DESC, e.id DESC) AS n
                FROM token_event e WHERE e.occurred_at < :to""";
        String atEnd = " FROM (" + last + ") l JOIN token t ON t.id = l.token_id JOIN token_model m ON m.id = t.model_id"
                + " WHERE l.n = 1 AND " + within.formatted("l.custodian_agency_id");
        Map<String, Long> byState = counts("SELECT l.to_state, COUNT(*)" + atEnd + " GROUP BY l.to_state", args);
        Map<String, Long> byModel = counts("SELECT m.code, COUNT(*)" + atEnd + " GROUP BY m.code", args);
        Map<String, Long> moves = counts("SELECT e.action, COUNT(*) FROM token_event e WHERE e.occurred_at >= :from"
                + " AND e.occurred_at < :to AND " + within.formatted("e.custodian_agency_id") + " GROUP BY e.action",
                args);
        return new Tokens(sum(byState), byState, byModel, moves);
    }

    private Verifications verifications(Map<String, Object> args) {
        Map<String, Long> byIndication = counts("SELECT indication, COUNT(*) FROM verification"
                + " WHERE created_at >= :from AND created_at < :to GROUP BY indication", args);
        return new Verifications(sum(byIndication), byIndication);
    }

    private Map<String, Long> counts(String sql, Map<String, Object> args) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql(sql).params(args).query((rs, n) -> counts.merge(String.valueOf(rs.getString(1)), rs.getLong(2),
                Long::sum)).list();
        return counts;
    }

    private long count(String sql, Map<String, Object> args) {
        return jdbc.sql(sql).params(args).query(Long.class).single();
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
