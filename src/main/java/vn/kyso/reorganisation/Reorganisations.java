package vn.kyso.reorganisation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kyso.approval.ApprovalAction;
import vn.kyso.approval.Approvals;
import vn.kyso.approval.FourEyes;
import vn.kyso.audit.AuditLog;
import vn.kyso.ca.Pki;
import vn.kyso.common.ApiException;
import vn.kyso.reorganisation.Reorganisation.Item;
import vn.kyso.reorganisation.Reorganisation.Job;
import vn.kyso.reorganisation.Reorganisation.Outcome;
import vn.kyso.reorganisation.Reorganisation.Request;

/**
 * Mergers and dissolutions of agencies. A dry run lists every item and is kept; starting it makes
 * the list again and runs only if nothing changed since, so what ran is what was shown.
 */
@Service
public class Reorganisations {

    private final Planner planner;
    private final JobStore store;
    private final Runner runner;
    private final AuditLog audit;
    private final Clock clock;
    private final FourEyes fourEyes;
    private final Approvals approvals;

    Reorganisations(Planner planner, JobStore store, Runner runner, AuditLog audit, Clock clock, FourEyes fourEyes,
            Approvals approvals) {
        this.planner = planner;
        this.store = store;
        this.runner = runner;
        this.audit = audit;
        this.clock = clock;
        this.fourEyes = fourEyes;
        this.approvals = approvals;
    }

    @Transactional
    public Job plan(Request request) {
        List<Item> items = planner.plan(request);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        store.insert(id, request, items, fingerprint(items), AuditLog.currentActor(), now);
        audit.record(new AuditLog.Change("reorganisation.plan", "reorganisation", id, null, null,
                Map.of("kind", request.kind(), "sources", request.sources(), "items", items.size())));
        return get(id, true);
    }

    /** Starts the run in the background and answers at once; the job's progress is then read with {@link #get}. */
    @Transactional
    public Job start(String id) {
        Job job = get(id, false);
        if (job.status() != Reorganisation.Status.PLANNED) {
            throw ApiException.conflict("error.reorganisation.notPlanned", id);
        }
        List<Item> plan = store.plan(id);
        if (plan.stream().anyMatch(i -> i.outcome() == Outcome.BLOCKED)) {
            throw ApiException.conflict("error.reorganisation.blocked", id);
        }
        Request request = store.request(id);
        if (!fingerprint(planner.plan(request)).equals(store.planSha256(id))) {
            throw ApiException.conflict("error.reorganisation.changed", id);
        }
        if (fourEyes.required(ApprovalAction.REORGANISATION)) {
            // a second registrar approves the start; the plan is checked again then
            var pending = approvals.prepare(ApprovalAction.REORGANISATION, id, null, Map.of("reorganisationId", id),
                    Map.of("kind", request.kind(), "sources", request.sources(), "items", job.totalItems()));
            return job.awaiting(pending.id());
        }
        store.markStarted(id, AuditLog.currentActor());
        audit.record(new AuditLog.Change("reorganisation.start", "reorganisation", id, null, null,
                Map.of("kind", request.kind(), "sources", request.sources(), "items", job.totalItems())));
        var who = SecurityContextHolder.createEmptyContext();
        who.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        // after commit: the worker must find the job marked as running
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        runner.submit(id, request, plan, who);
                    }
                });
        return get(id, false).withStatus(Reorganisation.Status.RUNNING);
    }

    public Job get(String id, boolean withItems) {
        return store.find(id, withItems).orElseThrow(() -> ApiException.notFound("error.reorganisation.notFound", id));
    }

    private static String fingerprint(List<Item> items) {
        StringBuilder all = new StringBuilder();
        items.forEach(i -> all.append(i.key()).append('\n'));
        return Pki.sha256Hex(all.toString().getBytes(StandardCharsets.UTF_8));
    }
}
