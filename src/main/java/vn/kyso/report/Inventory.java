package vn.kyso.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.kyso.agency.Agency;
import vn.kyso.agency.AgencyScope;
import vn.kyso.agency.AgencyService;
import vn.kyso.common.ApiException;
import vn.kyso.common.db.Db;
import vn.kyso.token.TokenState;

/**
 * What an agency and everything below it holds: tokens by state and model, certificates by
 * status and coming expiry, and what went wrong with tokens in a period. Each figure is one
 * aggregate query over the agency's path range, so a province costs what a commune does, plus rows.
 */
@Service
public class Inventory {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final AgencyService agencies;
    private final JdbcClient jdbc;
    private final Db db;
    private final Clock clock;

    /**
     * Where a report's certificate figures are counted, beside the rest: a province's counts read
     * some hundred thousand index entries. When both threads are busy the caller counts them itself,
     * so a busy server does no more work than before and nothing waits in a queue.
     */
    private final ExecutorService beside = new ThreadPoolExecutor(0, 2, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "kyso-inventory");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.CallerRunsPolicy());

    public Inventory(AgencyService agencies, JdbcClient jdbc, Db db, Clock clock) {
        this.agencies = agencies;
        this.jdbc = jdbc;
        this.db = db;
        this.clock = clock;
    }

    public record Period(LocalDate from, LocalDate to, long tokensLocked, long tokensLost, long tokensDamaged) {
    }

    public record Tokens(long total, Map<String, Long> byState, Map<String, Long> byModel, long heldBySubscribers) {
    }

    public record Certificates(long total, Map<String, Long> byStatus, long expiringWithin30Days,
            long expiringWithin60Days) {
    }

    public record Report(String agencyCode, String agencyName, long agencies, long subscribers, Tokens tokens,
            Certificates certificates, Period period, Instant generatedAt) {
    }

    @PreDestroy
    void stop() {
        beside.shutdownNow();
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** {@code from} and {@code to} are dates in Vietnam; by default the current month. */
    public Report of(String code, LocalDate from, LocalDate to) {
        Agency root = agencies.get(code);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, VIETNAM);
        LocalDate periodFrom = from != null ? from : today.withDayOfMonth(1);
        LocalDate periodTo = to != null ? to : periodFrom.plusMonths(1).minusDays(1);
        if (periodTo.isBefore(periodFrom)) {
            throw ApiException.badField("to", "error.inventory.period");
        }
        Map<String, Object> range = Map.of("lo", root.path(), "hi", AgencyScope.end(root.path()));
        String inTree = " a.path >= :lo AND a.path < :hi";
        // the largest figure, read on the other core while this thread reads the rest
        CompletableFuture<Certificates> certificates = CompletableFuture.supplyAsync(
                () -> certificates(range, inTree, now), beside);

        long agencyCount = jdbc.sql("SELECT COUNT(*) FROM agency a WHERE" + inTree).params(range).query(Long.class).single();
        long subscriberCount = jdbc.sql("SELECT COUNT(*) FROM subscriber s JOIN agency a ON a.id = s.agency_id WHERE"
                + inTree + " AND s.status = 'ACTIVE'").params(range).query(Long.class).single();

        Map<String, Long> byState = new LinkedHashMap<>();
        Arrays.stream(TokenState.values()).forEach(s -> byState.put(s.name(), 0L));
        Map<Long, Long> byModelId = new LinkedHashMap<>();
        long[] held = {0};
        // one pass over the token_custodian index gives all three token figures
        jdbc.sql("SELECT t.state, t.model_id, t.holder_subscriber_id IS NOT NULL AS held, COUNT(*) AS n FROM token t"
                + " JOIN agency a ON a.id = t.custodian_agency_id WHERE" + inTree
                + " GROUP BY t.state, t.model_id, t.holder_subscriber_id IS NOT NULL").params(range)
                .query(rs -> {
                    long n = rs.getLong("n");
                    byState.merge(rs.getString("state"), n, Long::sum);
                    byModelId.merge(rs.getLong("model_id"), n, Long::sum);
                    if (rs.getBoolean("held")) {
                        held[0] += n;
                    }
                });
        Map<Long, String> modelCodes = new HashMap<>();
        jdbc.sql("SELECT id, code FROM token_model").query(rs -> { modelCodes.put(rs.getLong("id"), rs.getString("code")); });
        Map<String, Long> byModel = new TreeMap<>();
        byModelId.forEach((id, n) -> byModel.merge(modelCodes.get(id), n, Long::sum));
        long tokenTotal = byState.values().stream().mapToLong(Long::longValue).sum();

        Map<String, Object> periodArgs = new LinkedHashMap<>(range);
        periodArgs.put("from", db.instant(periodFrom.atStartOfDay(VIETNAM).toInstant()));
        periodArgs.put("to", db.instant(periodTo.plusDays(1).atStartOfDay(VIETNAM).toInstant()));
        // counted where the token was when it happened, not where it is now
        Map<String, Long> events = new LinkedHashMap<>(Map.of("LOCKED", 0L, "LOST", 0L, "DAMAGED", 0L));
        jdbc.sql("SELECT e.to_state, COUNT(DISTINCT e.token_id) AS n FROM token_event e"
                + " JOIN agency a ON a.id = e.custodian_agency_id WHERE" + inTree
                + " AND e.to_state IN ('LOCKED', 'LOST', 'DAMAGED') AND e.occurred_at >= :from AND e.occurred_at < :to"
                + " GROUP BY e.to_state").params(periodArgs)
                .query(rs -> { events.put(rs.getString("to_state"), rs.getLong("n")); });

        return new Report(root.code(), root.name(), agencyCount, subscriberCount,
                new Tokens(tokenTotal, byState, new LinkedHashMap<>(byModel), held[0]), join(certificates),
                new Period(periodFrom, periodTo, events.get("LOCKED"), events.get("LOST"), events.get("DAMAGED")), now);
    }

    private Certificates certificates(Map<String, Object> range, String inTree, Instant now) {
        Map<String, Object> certArgs = new LinkedHashMap<>(range);
        certArgs.put("now", db.instant(now));
        certArgs.put("d30", db.instant(now.plus(Duration.ofDays(30))));
        certArgs.put("d60", db.instant(now.plus(Duration.ofDays(60))));
        return jdbc.sql("""
                SELECT COUNT(*) AS total,
                  SUM(CASE WHEN c.status = 'GOOD' AND c.not_before <= :now AND c.not_after > :now THEN 1 ELSE 0 END) AS valid,
                  SUM(CASE WHEN c.status = 'GOOD' AND c.not_before > :now THEN 1 ELSE 0 END) AS not_yet_valid,
                  SUM(CASE WHEN c.status = 'GOOD' AND c.not_after <= :now THEN 1 ELSE 0 END) AS expired,
                  SUM(CASE WHEN c.status = 'ON_HOLD' THEN 1 ELSE 0 END) AS on_hold,
                  SUM(CASE WHEN c.status = 'REVOKED' THEN 1 ELSE 0 END) AS revoked,
                  SUM(CASE WHEN c.status = 'GOOD' AND c.not_after > :now AND c.not_after <= :d30 THEN 1 ELSE 0 END) AS e30,
                  SUM(CASE WHEN c.status = 'GOOD' AND c.not_after > :now AND c.not_after <= :d60 THEN 1 ELSE 0 END) AS e60
                FROM certificate c JOIN agency a ON a.id = c.agency_id
                WHERE""" + inTree).params(certArgs).query((rs, n) -> {
                    Map<String, Long> byStatus = new LinkedHashMap<>();
                    byStatus.put("VALID", rs.getLong("valid"));
                    byStatus.put("NOT_YET_VALID", rs.getLong("not_yet_valid"));
                    byStatus.put("EXPIRED", rs.getLong("expired"));
                    byStatus.put("ON_HOLD", rs.getLong("on_hold"));
                    byStatus.put("REVOKED", rs.getLong("revoked"));
                    return new Certificates(rs.getLong("total"), byStatus, rs.getLong("e30"), rs.getLong("e60"));
                }).single();
    }
}
