package vn.kyso.request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kyso.agency.Agency;
import vn.kyso.agency.AgencyRepository;
import vn.kyso.agency.AgencyScopes;
import vn.kyso.agency.AgencyService;
import vn.kyso.agency.AgencySql;
import vn.kyso.audit.AuditLog;
import vn.kyso.common.db.Db;

/**
 * Certificates running out, per agency. The daily run gives each certificate one notice per
 * threshold it crosses (60, 30 and 7 days by default), and, when an SMTP server is configured,
 * e-mails each agency the certificates it has not yet been told about. Notices are claimed before
 * the e-mail goes, so several Kyso instances on one database never send the same one twice; one
 * that could not be sent is released and tried again by the next run.
 */
@Service
public class ExpiryNotices {

    private static final Logger log = LoggerFactory.getLogger(ExpiryNotices.class);
    /** A province holds thousands of certificates, a few hundred of which run out within 60 days. */
    static final int MAX_ROWS = 20_000;

    private final JdbcClient jdbc;
    private final Db db;
    private final AgencyRepository agencies;
    private final AgencyService agencyService;
    private final AgencyScopes scopes;
    private final ExpirySettings settings;
    private final ExpiryMail mail;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ExpiryNotices(JdbcClient jdbc, Db db, AgencyRepository agencies, AgencyService agencyService,
            AgencyScopes scopes, ExpirySettings settings, ExpiryMail mail, AuditLog audit, TransactionTemplate tx,
            Clock clock) {
        this.jdbc = jdbc;
        this.db = db;
        this.agencies = agencies;
        this.agencyService = agencyService;
        this.scopes = scopes;
        this.settings = settings;
        this.mail = mail;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public record Expiring(long certificateId, String serialNumber, String commonName, long subscriberId,
            long agencyId, Instant notAfter, long daysLeft, int threshold, Instant noticedAt, Instant emailedAt) {
    }

    public record AgencyNotices(String agencyCode, String agencyName, String email, Map<Integer, Long> counts,
            List<Expiring> certificates) {
    }

    public record Listing(LocalDate date, List<Integer> thresholds, List<AgencyNotices> agencies) {
    }

    public record Run(LocalDate date, int expiring, int newNotices, boolean mailConfigured, int emailsSent,
            int emailsFailed, int certificatesEmailed) {
    }

    /** What runs out within the largest threshold now, grouped by the subscriber's agency, within the user's scope. */
    public Listing list(String agencyCode, boolean subtree) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> args = new HashMap<>();
        AgencySql.withinScope(where, args, scopes.current());
        if (agencyCode != null) {
            AgencySql.ofAgency(where, args, agencyService.get(agencyCode), subtree);
        }
        List<Expiring> rows = expiring(where.toString(), args);
        Map<Long, List<Expiring>> byAgency = new LinkedHashMap<>();
        rows.forEach(e -> byAgency.computeIfAbsent(e.agencyId(), id -> new ArrayList<>()).add(e));
        Map<Long, Agency> cache = new HashMap<>();
        List<AgencyNotices> result = new ArrayList<>();
        for (var entry : byAgency.entrySet()) {
            Agency agency = agency(entry.getKey(), cache);
            Map<Integer, Long> counts = new TreeMap<>();
            settings.ascending().forEach(t -> counts.put(t, 0L));
            entry.getValue().forEach(e -> counts.merge(e.threshold(), 1L, Long::sum));
            Agency to = recipient(agency, cache);
            result.add(new AgencyNotices(agency.code(), agency.name(), to == null ? null : to.email(), counts,
                    entry.getValue()));
        }
        result.sort(java.util.Comparator.comparing(AgencyNotices::agencyCode));
        return new Listing(today(), settings.ascending(), result);
    }

    /** The daily run: new notices first (one transaction), then the e-mails, each claimed before it is sent. */
    public Run run() {
        Instant now = clock.instant();
        List<Expiring> expiring = expiring("", new HashMap<>());
        int created = tx.execute(status -> {
            int count = 0;
            for (Expiring e : expiring) {
                count += jdbc.sql("""
                        INSERT INTO expiry_notice (certificate_id, threshold_days, agency_id, not_after, noticed_at)
                        VALUES (:c, :t, :a, :notAfter, :at)
                        ON CONFLICT (certificate_id, threshold_days) DO NOTHING""")
                        .param("c", e.certificateId()).param("t", e.threshold()).param("a", e.agencyId())
                        .param("notAfter", db.instant(e.notAfter())).param("at", db.instant(now)).update();
            }
            if (count > 0) {
                audit.record(new AuditLog.Change("expiry-notice.run", "expiry-notice", today().toString(), null, null,
                        Map.of("expiring", expiring.size(), "newNotices", count)));
            }
            return count;
        });
        if (!mail.configured()) {
            return new Run(today(), expiring.size(), created, false, 0, 0, 0);
        }
        return send(now, expiring.size(), created);
    }

    private Run send(Instant now, int expiringCount, int created) {
        record Unsent(long id, long certificateId, long agencyId) {
        }
        List<Unsent> unsent = jdbc.sql("""
                SELECT n.id, n.certificate_id, n.agency_id FROM expiry_notice n JOIN certificate c ON c.id = n.certificate_id
                WHERE n.emailed_at IS NULL AND c.status = 'GOOD' AND c.not_after > :now ORDER BY n.id""")
                .param("now", db.instant(now))
                .query((rs, n) -> new Unsent(rs.getLong("id"), rs.getLong("certificate_id"), rs.getLong("agency_id")))
                .list();
        Map<Long, Agency> cache = new HashMap<>();
        // by the agency whose mailbox receives them: a unit without one is told through its parent
        Map<Long, List<Unsent>> claimed = new LinkedHashMap<>();
        tx.executeWithoutResult(status -> {
            for (Unsent u : unsent) {
                Agency to = recipient(agency(u.agencyId(), cache), cache);
                if (to == null) {
                    continue;
                }
                int won = jdbc.sql("UPDATE expiry_notice SET emailed_at = :at, email_to = :to"
                        + " WHERE id = :id AND emailed_at IS NULL").param("at", db.instant(now)).param("to", to.email())
                        .param("id", u.id()).update();
                if (won == 1) {
                    claimed.computeIfAbsent(to.id(), k -> new ArrayList<>()).add(u);
                }
            }
        });
        Map<Long, Expiring> current = new HashMap<>();
        expiring("", new HashMap<>()).forEach(e -> current.put(e.certificateId(), e));
        int sent = 0;
        int failed = 0;
        int certificates = 0;
        List<Long> release = new ArrayList<>();
        for (var entry : claimed.entrySet()) {
            Agency to = agency(entry.getKey(), cache);
            List<ExpiryMail.Line> lines = entry.getValue().stream().map(u -> current.get(u.certificateId()))
                    .filter(java.util.Objects::nonNull).distinct()
                    .sorted(java.util.Comparator.comparing(Expiring::notAfter))
                    .map(e -> new ExpiryMail.Line(e.commonName(), e.serialNumber(), agency(e.agencyId(), cache).name(),
                            e.notAfter(), e.daysLeft()))
                    .toList();
            if (lines.isEmpty()) {
                continue;
            }
            try {
                mail.send(to.email(), to.name(), lines, today());
                sent++;
                certificates += lines.size();
            } catch (RuntimeException e) {
                log.warn("Expiry notice to {} not sent: {}", to.email(), e.getMessage());
                failed++;
                entry.getValue().forEach(u -> release.add(u.id()));
            }
        }
        int mails = sent;
        int failures = failed;
        int listedCount = certificates;
        if (!claimed.isEmpty()) {
            tx.executeWithoutResult(status -> {
                for (Long id : release) {
                    jdbc.sql("UPDATE expiry_notice SET emailed_at = NULL WHERE id = :id").param("id", id).update();
                }
                audit.record(new AuditLog.Change("expiry-notice.email", "expiry-notice", today().toString(), null,
                        null, Map.of("emailsSent", mails, "emailsFailed", failures, "certificates", listedCount)));
            });
        }
        return new Run(today(), expiringCount, created, true, sent, failed, certificates);
    }

    private List<Expiring> expiring(String scope, Map<String, Object> args) {
        Instant now = clock.instant();
        LocalDate today = today();
        int horizon = settings.horizon();
        Map<String, Object> params = new HashMap<>(args);
        params.put("now", db.instant(now));
        // a day more than the horizon: the count below is in Vietnam's calendar days
        params.put("until", db.instant(now.plus(Duration.ofDays(horizon + 1L))));
        params.put("limit", MAX_ROWS);
        List<Expiring> rows = jdbc.sql("""
                SELECT c.id, c.serial, c.common_name, c.subscriber_id, s.agency_id, c.not_after,
                    (SELECT MAX(n.noticed_at) FROM expiry_notice n WHERE n.certificate_id = c.id) AS noticed_at,
                    (SELECT MAX(n.emailed_at) FROM expiry_notice n WHERE n.certificate_id = c.id) AS emailed_at
                FROM certificate c JOIN subscriber s ON s.id = c.subscriber_id JOIN agency a ON a.id = s.agency_id
                WHERE c.status = 'GOOD' AND c.not_after > :now AND c.not_after <= :until""" + scope
                + " ORDER BY c.not_after, c.id LIMIT :limit").params(params)
                .query((rs, n) -> {
                    Instant notAfter = db.instant(rs, "not_after");
                    long days = ChronoUnit.DAYS.between(today, LocalDate.ofInstant(notAfter, WorkingCalendar.VIETNAM));
                    return new Expiring(rs.getLong("id"), rs.getString("serial"), rs.getString("common_name"),
                            rs.getLong("subscriber_id"), rs.getLong("agency_id"), notAfter, days,
                            threshold(days), db.instant(rs, "noticed_at"), db.instant(rs, "emailed_at"));
                })
                .list();
        return rows.stream().filter(e -> e.threshold() > 0).toList();
    }

    /** The smallest threshold the certificate is within; 0 when beyond all of them. */
    private int threshold(long daysLeft) {
        return settings.ascending().stream().filter(t -> daysLeft <= t).findFirst().orElse(0);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), WorkingCalendar.VIETNAM);
    }

    private Agency agency(long id, Map<Long, Agency> cache) {
        return cache.computeIfAbsent(id, k -> agencies.findById(k).orElseThrow());
    }

    /** The agency itself, or the nearest one above it with an e-mail address; null when none has one. */
    private Agency recipient(Agency agency, Map<Long, Agency> cache) {
        Agency current = agency;
        while (current != null) {
            if (current.email() != null && !current.email().isBlank()) {
                return current;
            }
            current = current.parentId() == null ? null : agency(current.parentId(), cache);
        }
        return null;
    }
}
