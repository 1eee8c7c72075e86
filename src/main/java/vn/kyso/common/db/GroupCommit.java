package vn.kyso.common.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A durable commit on SQLite costs one fsync, milliseconds on an ordinary disk, and SQLite has one
 * writer: a few hundred commits a second at most, however many requests wait. Work run here goes
 * to one writer thread that puts whatever is waiting into one transaction, each piece behind its
 * own savepoint, and each caller returns once the transaction holding its work has committed: one
 * fsync for the whole batch, and a piece that fails is undone alone. Nothing waits for a batch to
 * fill; when one request is waiting, its batch holds one piece.
 *
 * <p>On PostgreSQL, which already shares one WAL flush among concurrent commits, the work simply
 * runs in a transaction of the caller's own.
 */
@Component
public class GroupCommit implements DisposableBean {

    private static final int MAX_BATCH = 64;

    private final DatabaseKind kind;
    private final TransactionTemplate batch;
    private final TransactionTemplate piece;
    private final TransactionTemplate own;
    private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;

    public GroupCommit(DatabaseKind kind, PlatformTransactionManager transactions) {
        this.kind = kind;
        this.batch = new TransactionTemplate(transactions);
        this.piece = new TransactionTemplate(transactions);
        this.piece.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.own = new TransactionTemplate(transactions);
        this.writer = new Thread(this::write, "kyso-group-commit");
        this.writer.setDaemon(true);
        if (kind == DatabaseKind.SQLITE) {
            writer.start();
        }
    }

    /** Runs {@code work} in a transaction and returns its result once that transaction has committed. */
    public <T> T run(Supplier<T> work) {
        if (kind != DatabaseKind.SQLITE || Thread.currentThread() == writer
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            // inside a transaction already (the writer's own included) the work joins it: handing it to
            // another thread would split one change in two, and wait on the lock the caller holds
            return own.execute(status -> work.get());
        }
        Job<T> job = new Job<>(work, SecurityContextHolder.getContext(), MDC.getCopyOfContextMap());
        queue.add(job);
        try {
            return job.done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** How many pieces wait for the writer. */
    int waiting() {
        return queue.size();
    }

    public void run(Runnable work) {
        run(() -> {
            work.run();
            return null;
        });
    }

    private void write() {
        List<Job<?>> jobs = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                jobs.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(jobs, MAX_BATCH - 1);
            try {
                batch.executeWithoutResult(status -> jobs.forEach(job -> job.runIn(piece)));
                jobs.forEach(Job::committed);
            } catch (RuntimeException | Error e) {
                // the commit itself failed: none of the batch is stored
                jobs.forEach(job -> job.done.completeExceptionally(e));
            }
            jobs.clear();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        writer.interrupt();
        writer.join(10_000);
        // whatever the writer did not take is not stored; its callers must not wait for ever
        List<Job<?>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(job -> job.done.completeExceptionally(new IllegalStateException("Kyso is stopping")));
    }

    private static final class Job<T> {
        private final Supplier<T> work;
        private final SecurityContext security;
        private final Map<String, String> mdc;
        private final CompletableFuture<T> done = new CompletableFuture<>();
        private T result;
        private Throwable failure;

        Job(Supplier<T> work, SecurityContext security, Map<String, String> mdc) {
            this.work = work;
            this.security = security;
            this.mdc = mdc;
        }

        /** Under the caller's identity and request id, as the audit entry it writes must name them. */
        void runIn(TransactionTemplate piece) {
            SecurityContextHolder.setContext(security);
            if (mdc != null) {
                MDC.setContextMap(mdc);
            }
            try {
                result = piece.execute(status -> work.get());
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                SecurityContextHolder.clearContext();
                MDC.clear();
            }
        }

        void committed() {
            if (failure != null) {
                done.completeExceptionally(failure);
            } else {
                done.complete(result);
            }
        }
    }
}
