package vn.kyso.imports;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import vn.kyso.audit.AuditLog;
import vn.kyso.ca.Pki;
import vn.kyso.common.ApiException;
import vn.kyso.common.Bilingual;
import vn.kyso.common.Messages;
import vn.kyso.common.RequestLogFilter;

/**
 * Import jobs. An upload is read and dry-run at once: every row is decided, and in the same
 * transaction, rolled back, the services do their writes, so a refusal is found the way the real
 * run would meet it. The job keeps the file, its SHA-256 and the plan. The real run happens in the
 * background, one job at a time, in one transaction: it decides every row again against the
 * database as it is then and commits only if that equals the plan. Otherwise nothing is stored and
 * the job says why.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final Map<ImportKind, Importer> importers = new EnumMap<>(ImportKind.class);
    private final ImportJobs jobs;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Messages messages;
    private final JsonMapper json;
    private final Clock clock;
    private final ImportProperties properties;
    private final JdbcClient jdbc;
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    /** One real run at a time: they would queue for the database's write lock anyway. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "kyso-import");
        thread.setDaemon(true);
        return thread;
    });

    ImportService(List<Importer> importers, ImportJobs jobs, PlatformTransactionManager transactions, AuditLog audit,
            Messages messages, JsonMapper json, Clock clock, ImportProperties properties, JdbcClient jdbc) {
        this.jdbc = jdbc;
        importers.forEach(i -> this.importers.put(i.kind(), i));
        this.jobs = jobs;
        this.tx = new TransactionTemplate(transactions);
        this.audit = audit;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    public record RowView(int row, String key, Outcome outcome, List<String> changed, Bilingual message) {
    }

    public record JobView(String id, ImportKind kind, String fileName, String fileSha256, long fileSize,
            String encoding, String status, int totalRows, int rowsDone, Map<Outcome, Integer> counts,
            Bilingual message, String createdBy, Instant createdAt, String appliedBy, Instant startedAt,
            Instant finishedAt, List<RowView> rows) {
    }

    /**
     * Reads the file, then dry-runs it in the background (status PLANNING, then PLANNED or
     * REJECTED). A file that cannot be read at all is refused at once with a 4xx.
     */
    public JobView plan(ImportKind kind, String fileName, byte[] content) {
        if (kind == null) {
            throw ApiException.badField("kind", "error.required");
        }
        if (content == null || content.length == 0) {
            throw ApiException.badField("file", "imports.error.emptyFile");
        }
        if (content.length > properties.maxFileSize().toBytes()) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "imports.error.fileTooLarge", "file",
                    properties.maxFileSize().toMegabytes() + " MB");
        }
        Importer importer = importers.get(kind);
        String name = fileName == null ? null : fileName.substring(0, Math.min(fileName.length(), 255));
        Importer.Prepared prepared = importer.prepare(content, name);
        Map<Outcome, Integer> none = counts(List.of());
        var job = new ImportJobs.Job(UUID.randomUUID().toString(), kind, name, Pki.sha256Hex(content),
                content.length, prepared.encoding(), ImportJobs.Status.PLANNING, prepared.total(), none, List.of(), "",
                null, null, AuditLog.currentActor(), clock.instant(), null, null, null);
        tx.executeWithoutResult(s -> jobs.insert(job, content));
        AtomicInteger progress = new AtomicInteger();
        running.put(job.id(), progress);
        submit(() -> planInBackground(job, importer, prepared, progress));
        return view(job, true);
    }

    private void planInBackground(ImportJobs.Job job, Importer importer, Importer.Prepared prepared,
            AtomicInteger progress) {
        long started = System.nanoTime();
        try {
            Plan plan = dryRun(importer, prepared, progress);
            Map<Outcome, Integer> counts = counts(plan.rows());
            ImportJobs.Status status = counts.get(Outcome.REJECT) > 0 ? ImportJobs.Status.REJECTED
                    : ImportJobs.Status.PLANNED;
            tx.executeWithoutResult(s -> jobs.planned(job.id(), status, counts, plan.rows(), digest(plan.rows()),
                    plan.auditSeq()));
            log.info("Import {} ({}, {} rows) dry-run in {} ms: {}", job.id(), job.kind(), job.totalRows(),
                    (System.nanoTime() - started) / 1_000_000, status);
        } catch (RuntimeException e) {
            log.error("The dry run of import {} failed", job.id(), e);
            tx.executeWithoutResult(s -> jobs.planFailed(job.id(), e.getClass().getSimpleName()));
        } finally {
            running.remove(job.id());
        }
    }

    /**
     * Starts the real run of a planned job. The plan is checked first against the database as it
     * is now (409 if it no longer holds), and again inside the run's own transaction.
     */
    public JobView apply(String id) {
        ImportJobs.Job job = find(id);
        switch (job.status()) {
            case PLANNED -> { }
            case PLANNING -> throw ApiException.conflict("imports.error.planning");
            case REJECTED -> throw ApiException.conflict("imports.error.rejected", firstRejected(job))
                    .with("rejectedRows", job.rows().stream().filter(r -> r.outcome() == Outcome.REJECT)
                            .map(PlanRow::row).limit(100).toList());
            case APPLYING -> throw ApiException.conflict("imports.error.running");
            case APPLIED -> throw ApiException.conflict("imports.error.alreadyApplied");
            default -> throw ApiException.conflict("imports.error.notPlanned", job.status());
        }
        Importer importer = importers.get(job.kind());
        byte[] content = jobs.content(id);
        Importer.Prepared prepared = importer.prepare(content, job.fileName());
        // every change to the registry appends to the audit chain: if it has not grown, the plan holds
        if (!Objects.equals(job.auditSeq(), auditSeq())) {
            List<PlanRow> now = dryRun(importer, prepared, new AtomicInteger()).rows();
            if (!now.equals(job.rows())) {
                List<Integer> differ = differences(job.rows(), now);
                jobs.markStale(id, "rows " + differ);
                throw ApiException.conflict("imports.error.stale", differ.isEmpty() ? "—" : differ.get(0))
                        .with("changedRows", differ);
            }
        }
        if (!Boolean.TRUE.equals(tx.execute(s -> jobs.claim(id, AuditLog.currentActor(), clock.instant())))) {
            throw ApiException.conflict("imports.error.running");
        }
        AtomicInteger progress = new AtomicInteger();
        running.put(id, progress);
        submit(() -> realRun(job, importer, prepared, progress));
        return view(find(id), false);
    }

    /** Runs {@code work} on the import thread as the user who asked for it, with their request id. */
    private void submit(Runnable work) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String requestId = MDC.get(RequestLogFilter.REQUEST_ID);
        executor.submit(() -> runAs(user, requestId, work));
    }

    public JobView get(String id, boolean withRows) {
        return view(find(id), withRows);
    }

    public List<JobView> recent(int limit) {
        return jobs.recent(limit).stream().map(j -> view(j, false)).toList();
    }

    /** The row-by-row plan, or after a real run its result, as CSV in both languages (UTF-8 with BOM, for Excel). */
    public void writeCsv(String id, Writer out) throws IOException {
        JobView job = get(id, true);
        out.write('\uFEFF');
        // not closed: the caller owns the stream
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("row", "key", "outcome",
                "changed", "message_vi", "message_en").get());
        for (RowView r : job.rows()) {
            csv.printRecord(r.row(), r.key(), r.outcome(), String.join(" ", r.changed()),
                    r.message() == null ? "" : r.message().vi(), r.message() == null ? "" : r.message().en());
        }
        csv.flush();
    }

    @EventListener(ApplicationReadyEvent.class)
    void interruptLeftovers() {
        Integer n = tx.execute(s -> jobs.interruptRunning(clock.instant()));
        if (n != null && n > 0) {
            log.warn("{} import(s) were being applied when Kyso stopped; nothing of them was stored", n);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Thrown inside the real run's transaction when the rows no longer come out as planned. */
    private static final class Stale extends RuntimeException {
        final List<Integer> rows;

        Stale(List<Integer> rows) {
            super("plan no longer holds for rows " + rows);
            this.rows = rows;
        }
    }

    private void realRun(ImportJobs.Job job, Importer importer, Importer.Prepared prepared, AtomicInteger progress) {
        long started = System.nanoTime();
        try {
            tx.executeWithoutResult(s -> {
                List<PlanRow> rows = importer.run(prepared, true, progress::set);
                if (!rows.equals(job.rows())) {
                    throw new Stale(differences(job.rows(), rows));
                }
                if (!jobs.finish(job.id(), ImportJobs.Status.APPLIED, rows, null, clock.instant())) {
                    throw new IllegalStateException("import " + job.id() + " was no longer applying");
                }
                Map<Outcome, Integer> counts = counts(rows);
                if (counts.get(Outcome.CREATE) + counts.get(Outcome.UPDATE) > 0) {
                    Map<String, Object> after = new java.util.LinkedHashMap<>();
                    after.put("kind", job.kind().name());
                    after.put("fileName", job.fileName());
                    after.put("fileSha256", job.fileSha256());
                    after.put("counts", counts);
                    audit.record(new AuditLog.Change("import.apply", "import", job.id(), null, null, after));
                }
            });
            log.info("Import {} ({}, {} rows) applied in {} ms", job.id(), job.kind(), job.totalRows(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (Stale e) {
            tx.executeWithoutResult(s -> jobs.finish(job.id(), ImportJobs.Status.STALE, null, "rows " + e.rows,
                    clock.instant()));
        } catch (RuntimeException e) {
            log.error("Import {} failed; its transaction was rolled back", job.id(), e);
            tx.executeWithoutResult(s -> jobs.finish(job.id(), ImportJobs.Status.FAILED, null,
                    e.getClass().getSimpleName(), clock.instant()));
        } finally {
            running.remove(job.id());
        }
    }

    private record Plan(List<PlanRow> rows, long auditSeq) {
    }

    /** Decides every row inside a transaction that is then rolled back, noting how long the audit chain was. */
    private Plan dryRun(Importer importer, Importer.Prepared prepared, AtomicInteger progress) {
        return tx.execute(status -> {
            long seq = auditSeq();
            List<PlanRow> rows = importer.run(prepared, false, progress::set);
            status.setRollbackOnly();
            return new Plan(rows, seq);
        });
    }

    private long auditSeq() {
        return jdbc.sql("SELECT seq FROM audit_head WHERE id = 1").query(Long.class).single();
    }

    private static void runAs(Authentication user, String requestId, Runnable work) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(user);
        SecurityContextHolder.setContext(context);
        if (requestId != null) {
            MDC.put(RequestLogFilter.REQUEST_ID, requestId);
        }
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
            MDC.clear();
        }
    }

    private ImportJobs.Job find(String id) {
        return jobs.find(id).orElseThrow(() -> ApiException.notFound("imports.error.notFound", id));
    }

    private static Map<Outcome, Integer> counts(List<PlanRow> rows) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        rows.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        return counts;
    }

    private static List<Integer> differences(List<PlanRow> planned, List<PlanRow> now) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(planned.size(), now.size()); i++) {
            PlanRow a = i < planned.size() ? planned.get(i) : null;
            PlanRow b = i < now.size() ? now.get(i) : null;
            if (a == null || !a.equals(b)) {
                rows.add(a != null ? a.row() : b.row());
            }
            if (rows.size() >= 100) {
                break;
            }
        }
        return rows;
    }

    private static String firstRejected(ImportJobs.Job job) {
        return job.rows().stream().filter(r -> r.outcome() == Outcome.REJECT).findFirst()
                .map(r -> String.valueOf(r.row())).orElse("—");
    }

    private String digest(List<PlanRow> rows) {
        return Pki.sha256Hex(json.writeValueAsString(rows).getBytes(StandardCharsets.UTF_8));
    }

    private JobView view(ImportJobs.Job job, boolean withRows) {
        AtomicInteger progress = running.get(job.id());
        int done = switch (job.status()) {
            case APPLIED -> job.totalRows();
            case PLANNING, APPLYING -> progress == null ? 0 : Math.min(progress.get(), job.totalRows());
            default -> 0;
        };
        Bilingual message = switch (job.status()) {
            case REJECTED -> messages.both("imports.status.rejected", firstRejected(job));
            case STALE -> messages.both("imports.status.stale", job.message() == null ? "" : job.message());
            case FAILED -> messages.both("imports.status.failed");
            case INTERRUPTED -> messages.both("imports.status.interrupted");
            default -> null;
        };
        List<RowView> rows = withRows ? job.rows().stream().map(this::row).toList() : null;
        return new JobView(job.id(), job.kind(), job.fileName(), job.fileSha256(), job.fileSize(), job.encoding(),
                job.status().name(), job.totalRows(), done, job.counts(), message, job.createdBy(), job.createdAt(),
                job.appliedBy(), job.startedAt(), job.finishedAt(), rows);
    }

    private RowView row(PlanRow r) {
        Bilingual message = r.message() == null ? null
                : new Bilingual(text(r.message(), r.args(), Messages.VI), text(r.message(), r.args(), Messages.EN));
        return new RowView(r.row(), r.key(), r.outcome(), r.changed(), message);
    }

    /** A message whose arguments may themselves be messages (a field's own rule inside "column X: …"). */
    private String text(String key, List<String> args, Locale locale) {
        Object[] resolved = new Object[args.size()];
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a != null && a.startsWith("#")) {
                String[] parts = a.substring(1).split("\u001F", -1);
                Object[] inner = java.util.Arrays.copyOfRange(parts, 1, parts.length, Object[].class);
                resolved[i] = messages.get(parts[0], locale, inner);
            } else {
                resolved[i] = a;
            }
        }
        return messages.get(key, locale, resolved);
    }
}
