package vn.kyso.verify.pdf;

import java.time.Duration;

/**
 * The moment reading one PDF must stop. Checked on every read PDFBox makes and in our own walks,
 * so a crafted file cannot keep the worker thread busy after the caller has given up.
 */
final class Deadline {

    /** Thrown from inside PDFBox reads: unchecked, so the lenient parser's IOException handlers do not swallow it. */
    static final class Exceeded extends RuntimeException {
        Exceeded() {
            super("time limit exceeded", null, false, false);
        }
    }

    private final long endNanos;
    private volatile boolean cancelled;

    Deadline(Duration limit) {
        this.endNanos = System.nanoTime() + limit.toNanos();
    }

    void cancel() {
        cancelled = true;
    }

    boolean passed() {
        return cancelled || System.nanoTime() - endNanos > 0;
    }

    void check() {
        if (passed()) {
            throw new Exceeded();
        }
    }
}
