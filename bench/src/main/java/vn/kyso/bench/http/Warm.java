package vn.kyso.bench.http;

import java.util.Map;

/**
 * Warm-up until Kyso's JIT compilers are nearly idle, not for a fixed time. On two shared cores
 * the compilers took 3.75 ms of CPU per issue after a 10 s warm-up and 0.82 ms after 60 s: a fixed
 * short warm-up measured the compiler as much as the server (CMS verification 301/s after 10 s,
 * 527/s after 60 s, same build, same hour). A server runs for weeks; its figures are the settled ones.
 */
public final class Warm {

    /** One slice of warm-up load; it should take about {@link #SLICE_SECONDS}. */
    @FunctionalInterface
    public interface Slice {
        void run(double seconds) throws Exception;
    }

    public static final double SLICE_SECONDS = 5;

    private Warm() {
    }

    /**
     * Runs slices of load for at least {@code minSeconds} and until, in the last slice, the JIT
     * used less than {@code quiet} of Kyso's CPU, or until {@code maxSeconds}. Prints what it did.
     */
    public static void untilSettled(String what, Service kyso, Slice slice, double minSeconds, double maxSeconds,
            double quiet) throws Exception {
        long start = System.nanoTime();
        double share = Double.NaN;
        while (true) {
            Map<String, Double> before = kyso.cpuSecondsByThreads();
            slice.run(SLICE_SECONDS);
            Map<String, Double> after = kyso.cpuSecondsByThreads();
            double total = sum(after) - sum(before);
            double jit = after.getOrDefault("jit", 0.0) - before.getOrDefault("jit", 0.0);
            share = total > 0 ? jit / total : 0;
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (elapsed >= maxSeconds || (elapsed >= minSeconds && share < quiet)) {
                System.out.printf("  warmed %s for %.0f s; the JIT used %.0f%% of Kyso's CPU in the last %.0f s%n",
                        what, elapsed, share * 100, SLICE_SECONDS);
                return;
            }
        }
    }

    private static double sum(Map<String, Double> groups) {
        return groups.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
