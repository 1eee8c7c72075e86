package vn.kyso.verify.pdf;

import java.time.Duration;

/** Bounds on reading one PDF: a crafted file must not take the service's memory or time. */
public record PdfLimits(int maxObjects, int maxRevisions, int maxSignatures, Duration maxTime) {

    public static PdfLimits defaults() {
        return new PdfLimits(200_000, 500, 100, Duration.ofSeconds(20));
    }
}
