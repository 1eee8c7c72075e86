package vn.kyso.verify.pdf;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the signature facts of a PDF with PDFBox, within limits. The reading runs on its own thread
 * so that a file crafted to make the parser loop cannot hold the caller past {@link PdfLimits#maxTime()};
 * the same deadline makes every later read of that thread fail, so it stops on its own soon after.
 */
public final class PdfReader {

    /** PDFBox parses nested arrays and dictionaries recursively; a deep stack turns a crafted nesting into a clean error. */
    private static final long STACK_BYTES = 16L * 1024 * 1024;
    private static final long GRACE_MILLIS = 2_000;

    private PdfReader() {
    }

    public static PdfFacts read(byte[] pdf, PdfLimits limits) throws PdfFormatException {
        if (pdf == null || pdf.length == 0) {
            throw new PdfFormatException("The file is empty");
        }
        if (!hasHeader(pdf)) {
            throw new PdfFormatException("The file is not a PDF: there is no %PDF- header at its start");
        }
        PdfLimits bounds = limits == null || limits.maxTime() == null || limits.maxTime().isNegative()
                ? PdfLimits.defaults() : limits;
        Deadline deadline = new Deadline(bounds.maxTime());
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread worker = new Thread(null, () -> outcome.set(attempt(pdf, bounds, deadline)), "kyso-pdf-reader",
                STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(Math.max(1, bounds.maxTime().toMillis()));
        } catch (InterruptedException e) {
            deadline.cancel();
            Thread.currentThread().interrupt();
            throw new PdfFormatException("Reading the PDF was interrupted", e);
        }
        if (worker.isAlive()) {
            deadline.cancel();
            worker.interrupt();
            stopIfStuck(worker);
            throw new PdfFormatException("Reading the PDF took longer than " + bounds.maxTime().toSeconds()
                    + " s; the file may be crafted to make readers loop");
        }
        Object result = outcome.get();
        if (result instanceof PdfFacts facts) {
            return facts;
        }
        if (result instanceof PdfFormatException e) {
            throw e;
        }
        throw new PdfFormatException("The PDF could not be read");
    }

    private static Object attempt(byte[] pdf, PdfLimits limits, Deadline deadline) {
        try {
            return new PdfInspection(pdf, limits, deadline).run();
        } catch (PdfFormatException e) {
            return e;
        } catch (Deadline.Exceeded e) {
            return new PdfFormatException("Reading the PDF took longer than " + limits.maxTime().toSeconds()
                    + " s; the file may be crafted to make readers loop", e);
        } catch (StackOverflowError e) {
            return new PdfFormatException("The PDF nests objects too deeply to be read", null);
        } catch (OutOfMemoryError e) {
            return new PdfFormatException("The PDF needs more memory to read than is allowed", null);
        } catch (RuntimeException e) {
            return new PdfFormatException("The PDF is malformed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    /**
     * Every PDFBox read checks the deadline, so the worker normally ends by itself. Only a loop that
     * never reads could outlive it; on runtimes that still allow it, such a thread is stopped.
     */
    private static void stopIfStuck(Thread worker) {
        Thread watcher = new Thread(() -> stopAfterGrace(worker), "kyso-pdf-reader-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stopAfterGrace(Thread worker) {
        try {
            worker.join(GRACE_MILLIS);
            if (worker.isAlive()) {
                worker.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UnsupportedOperationException | SecurityException e) {
            // newer runtimes cannot stop threads; the daemon thread ends with its next read
        }
    }

    /** %PDF- within the first kilobyte, as readers accept some bytes before it. */
    private static boolean hasHeader(byte[] pdf) {
        String head = new String(pdf, 0, Math.min(pdf.length, 1024), StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-");
    }
}
