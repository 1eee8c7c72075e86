package vn.kyso.reorganisation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kyso.agency.Agency;
import vn.kyso.agency.AgencyService;
import vn.kyso.certificate.CertificateService;
import vn.kyso.certificate.CertificateStatus;
import vn.kyso.certificate.RevocationCase;
import vn.kyso.common.ApiException;
import vn.kyso.common.Messages;
import vn.kyso.common.Violations;
import vn.kyso.reorganisation.Reorganisation.Item;
import vn.kyso.reorganisation.Reorganisation.Outcome;
import vn.kyso.reorganisation.Reorganisation.Request;
import vn.kyso.subscriber.SubscriberService;
import vn.kyso.subscriber.SubscriberStatus;
import vn.kyso.token.TokenService;

/**
 * Runs a started reorganisation in the background, one at a time. Items go in chunks, each chunk
 * one transaction with its audit entries; a chunk that fails is rolled back and its items run one
 * by one, so one refusal costs only its own item. Progress is written after every chunk.
 */
@Component
class Runner {

    private static final Logger log = LoggerFactory.getLogger(Runner.class);
    static final int CHUNK = 100;

    private final AgencyService agencies;
    private final SubscriberService subscribers;
    private final TokenService tokens;
    private final CertificateService certificates;
    private final JobStore store;
    private final TransactionTemplate tx;
    private final Messages messages;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kyso-reorganisation");
        t.setDaemon(true);
        return t;
    });

    Runner(AgencyService agencies, SubscriberService subscribers, TokenService tokens,
            CertificateService certificates, JobStore store, TransactionTemplate tx, Messages messages, Clock clock) {
        this.clock = clock;
        this.agencies = agencies;
        this.subscribers = subscribers;
        this.tokens = tokens;
        this.certificates = certificates;
        this.store = store;
        this.tx = tx;
        this.messages = messages;
    }

    /** Runs as the person who started it: their scope applies and the audit entries name them. */
    void submit(String id, Request request, List<Item> plan, SecurityContext who) {
        worker.execute(new DelegatingSecurityContextRunnable(() -> run(id, request, plan), who));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private void run(String id, Request request, List<Item> plan) {
        List<Item> results = new ArrayList<>(plan);
        try {
            Agency successor = request.successor() == null || request.successor().isBlank() ? null
                    : agencies.get(AgencyService.normalizeCode(request.successor()));
            List<Integer> todo = new ArrayList<>();
            for (int i = 0; i < plan.size(); i++) {
                if (plan.get(i).outcome() == Outcome.WILL) {
                    todo.add(i);
                }
            }
            int done = 0;
            int failed = 0;
            for (int start = 0; start < todo.size(); start += CHUNK) {
                List<Integer> chunk = todo.subList(start, Math.min(start + CHUNK, todo.size()));
                try {
                    tx.executeWithoutResult(s -> chunk.forEach(i -> apply(plan.get(i), request, successor)));
                    chunk.forEach(i -> results.set(i, plan.get(i).with(Outcome.DONE, null)));
                    done += chunk.size();
                } catch (RuntimeException chunkFailed) {
                    for (int i : chunk) {
                        Item item = plan.get(i);
                        try {
                            tx.executeWithoutResult(s -> apply(item, request, successor));
                            results.set(i, item.with(Outcome.DONE, null));
                            done++;
                        } catch (RuntimeException refused) {
                            results.set(i, item.with(Outcome.FAILED, why(refused)));
                            failed++;
                        }
                    }
                }
                store.progress(id, done, failed);
            }
            store.finish(id, results, done, failed);
        } catch (RuntimeException e) {
            log.error("Reorganisation {} stopped", id, e);
            store.interrupted(id);
        }
    }

    private void apply(Item item, Request request, Agency successor) {
        String note = request.comment();
        switch (item.step()) {
            case REVOKE_CERTIFICATE -> {
                // a consequence of the reorganisation, approved as a whole (its own four-eyes rule)
                var certificate = certificates.get(item.ref());
                if (certificate.status() != CertificateStatus.REVOKED) {
                    certificates.revokeForDeparture(List.of(certificate.id()), RevocationCase.ORGANIZATION_DISSOLVED,
                            clock.instant());
                }
            }
            case CLOSE_SUBSCRIBER -> subscribers.changeStatus(Long.parseLong(item.ref()), SubscriberStatus.DISSOLVED);
            case MOVE_SUBSCRIBER -> subscribers.moveTo(Long.parseLong(item.ref()), successor);
            case MOVE_TOKEN -> tokens.transferCustody(item.ref(), successor, note);
            case MOVE_AGENCY -> agencies.moveUnder(item.ref(), successor.code());
            case CLOSE_AGENCY -> {
                store.requireEmpty(item.ref());
                agencies.close(item.ref(), successor);
            }
            case KEEP_CERTIFICATE -> {
            }
        }
    }

    private vn.kyso.common.Bilingual why(RuntimeException refused) {
        if (refused instanceof ApiException api) {
            return messages.both(api.key(), api.args());
        }
        if (refused instanceof Violations.Invalid invalid && !invalid.violations().isEmpty()) {
            var v = invalid.violations().get(0);
            return messages.both(v.key(), v.args());
        }
        log.error("A reorganisation item failed unexpectedly", refused);
        return messages.both("error.reorganisation.itemFailed");
    }
}
