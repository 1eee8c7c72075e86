package vn.kyso.bench;

import java.util.List;
import java.util.Map;

import vn.kyso.bench.http.Load;
import vn.kyso.bench.http.Service;

/**
 * Warm-up until Kyso's JIT compilers are nearly idle, not for a fixed time. On two shared cores
 * the compilers took 3.75 ms of CPU per issue after a 10 s warm-up and 0.05–0.15 ms once settled:
 * a fixed short warm-up measured the compiler as much as the server (CMS verification 301/s after
 * 10 s, 527/s after 60 s, same build, same hour). A server runs for weeks; its figures are the
 * settled ones. BENCH_HTTP_WARMUP (10 s) and BENCH_HTTP_WARMUP_MAX (120 s) bound the time;
 * BENCH_JIT_QUIET (0.05) is the share of Kyso's CPU below which the JIT counts as quiet.
 */
final class Warm {

    /** One slice of warm-up load, about {@code seconds} long. */
    @FunctionalInterface
    interface Slice {
        void run(double seconds) throws Exception;
    }

    private static final double SLICE_SECONDS = 5;
    private static final double MIN_SECONDS = HttpFigures.env("BENCH_HTTP_WARMUP", 10);
    private static final double MAX_SECONDS = HttpFigures.env("BENCH_HTTP_WARMUP_MAX", 120);
    private static final double QUIET = HttpFigures.env("BENCH_JIT_QUIET", 0.05);

    private Warm() {
    }

    /**
     * Runs slices of load for at least the minimum time and until, in the last slice, the JIT used
     * less than the quiet share of Kyso's CPU, or until the maximum. Prints what it did.
     */
    static void untilSettled(String what, Service kyso, Slice slice) throws Exception {
        long start = System.nanoTime();
        while (true) {
            Map<String, Double> before = kyso.cpuSecondsByThreads();
            slice.run(SLICE_SECONDS);
            Map<String, Double> after = kyso.cpuSecondsByThreads();
            double total = sum(after) - sum(before);
            double jit = after.getOrDefault("jit", 0.0) - before.getOrDefault("jit", 0.0);
            double share = total > 0 ? jit / total : 0;
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (elapsed >= MAX_SECONDS || (elapsed >= MIN_SECONDS && share < QUIET)) {
                System.out.printf("  warmed %s for %.0f s; the JIT used %.0f%% of Kyso's CPU in the last %.0f s%n",
                        what, elapsed, share * 100, SLICE_SECONDS);
                return;
            }
        }
    }

    /** One client sending {@code requests} one after another, again and again, for the slice. */
    static Slice repeating(Load one, List<Load.Request> requests) {
        return seconds -> {
            long end = System.nanoTime() + (long) (seconds * 1e9);
            do {
                one.sequence("warm-up", requests);
            } while (System.nanoTime() < end);
        };
    }

    private static double sum(Map<String, Double> groups) {
        return groups.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
