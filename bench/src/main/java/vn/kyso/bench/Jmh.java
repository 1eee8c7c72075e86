package vn.kyso.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The in-process figures: JMH runs Kyso's verifier and its bare Bouncy Castle / PDFBox baseline on
 * the same bytes, and Bouncy Castle's certificate signing (the floor under issuing over HTTP).
 * Settings are modest so a run fits in minutes on two shared cores; BENCH_* variables or ordinary
 * JMH flags override them.
 */
final class Jmh {

    private record Figure(String benchmark, String label, String target, double targetRatio) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("CmsAttached", "CMS attached, 10 KB", ">= 1/3", 1.0 / 3),
            new Figure("CmsDetached", "CMS detached, 5 MB", "-", Double.NaN),
            new Figure("Pades", "PAdES PDF, ~200 KB", "-", Double.NaN));

    static void run(String[] args, Results results) throws Exception {
        // Fail before minutes of forks if an input is not TOTAL_PASSED; also reports the PDF's real size.
        new CmsAttached().setup();
        new CmsDetached().setup();
        Pades pades = new Pades();
        pades.setup();

        CommandLineOptions cli = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
        if (cli.getIncludes().isEmpty()) {
            options.include(Jmh.class.getPackageName() + "\\.[A-Z][A-Za-z]+\\.");
        }
        if (!cli.getForkCount().hasValue()) {
            options.forks(env("BENCH_FORKS", 1));
        }
        TimeValue time = TimeValue.seconds(env("BENCH_TIME", 2));
        // Bouncy Castle's EC code was still speeding up after 3 x 2 s on two busy cores
        if (!cli.getWarmupIterations().hasValue()) {
            options.warmupIterations(env("BENCH_WARMUP", 5));
        }
        if (!cli.getWarmupTime().hasValue()) {
            options.warmupTime(time);
        }
        if (!cli.getMeasurementIterations().hasValue()) {
            options.measurementIterations(env("BENCH_ITERATIONS", 5));
        }
        if (!cli.getMeasurementTime().hasValue()) {
            options.measurementTime(time);
        }
        if (cli.getBenchModes().isEmpty()) {
            options.mode(Mode.Throughput);
            if (env("BENCH_LATENCY", 1) != 0) {
                options.mode(Mode.SampleTime);
            }
        }
        if (!cli.getTimeUnit().hasValue()) {
            options.timeUnit(TimeUnit.SECONDS);
        }
        if (!cli.getJvmArgs().hasValue() && !cli.getJvmArgsAppend().hasValue()) {
            // a fixed heap: heap resizing would otherwise show up as noise between iterations
            options.jvmArgsAppend("-Xms1g", "-Xmx1g", "-Dkyso.samples=" + new File(
                    System.getProperty("kyso.samples", "pki-samples")).getAbsolutePath());
        }
        if (!cli.shouldFailOnError().hasValue()) {
            options.shouldFailOnError(true);
        }
        if (!cli.getOutput().hasValue()) {
            String log = System.getProperty("bench.log", "bench/target/jmh.log");
            options.output(log);
            System.out.println("Running the benchmarks; JMH's own output goes to " + log);
        }
        Collection<RunResult> runs = new Runner(options.build()).run();
        print(runs, pades.pdf.length, results);
    }

    private static void print(Collection<RunResult> results, int pdfSize, Results table) throws java.io.IOException {
        Map<String, Result<?>> scores = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            String key = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            scores.put(key + " " + r.getParams().getMode().shortLabel(), r.getPrimaryResult());
        }
        StringBuilder out = new StringBuilder("\n");
        row(out, "figure", "Kyso ops/s", "baseline ops/s", "ratio (Kyso/baseline)", "target");
        row(out, "---", "---", "---", "---", "---");
        for (Figure f : FIGURES) {
            Result<?> kyso = scores.get(f.benchmark + ".kyso thrpt");
            Result<?> base = scores.get(f.benchmark + ".baseline thrpt");
            if (kyso == null || base == null) {
                continue;
            }
            double ratio = kyso.getScore() / base.getScore();
            String target = Double.isNaN(f.targetRatio) ? f.target
                    : f.target + (ratio >= f.targetRatio ? " (met)" : " (missed)");
            row(out, f.label, opsPerSecond(kyso), opsPerSecond(base), String.format(Locale.ROOT, "%.3f", ratio), target);
        }
        for (Figure f : FIGURES) {
            Result<?> kyso = scores.get(f.benchmark + ".kyso thrpt");
            Result<?> base = scores.get(f.benchmark + ".baseline thrpt");
            if (kyso == null || base == null) {
                continue;
            }
            double ratio = kyso.getScore() / base.getScore();
            table.add("in-process verification, " + f.label, "-", opsPerSecond(kyso) + " /s",
                    opsPerSecond(base) + " /s (BC" + (f.benchmark.equals("Pades") ? " + PDFBox" : "") + ")",
                    String.format(Locale.ROOT, "%.3f", ratio), f.target, Double.isNaN(f.targetRatio) ? null
                            : ratio >= f.targetRatio);
            table.numbers.put(f.benchmark + ".baseline", base.getScore());
        }
        Result<?> signing = scores.get("IssueSigning.baseline thrpt");
        if (signing != null) {
            table.numbers.put("IssueSigning.baseline", signing.getScore());
            table.add("in-process BC certificate signing, P-256 (baseline for issuing)", "-",
                    opsPerSecond(signing) + " /s", "-", "-", "-", null);
        }
        Result<?> crlKyso = scores.get("CrlSigning.kyso thrpt");
        Result<?> crlBase = scores.get("CrlSigning.baseline thrpt");
        if (crlKyso != null && crlBase != null) {
            double seconds = 1 / crlKyso.getScore();
            table.add(String.format(Locale.ROOT, "in-process CRL encoding and signing, %,d entries", CrlSigning.ENTRIES),
                    "-", String.format(Locale.ROOT, "%.3f s", seconds), String.format(Locale.ROOT,
                            "%.3f s (BC X509v2CRLBuilder)", 1 / crlBase.getScore()),
                    String.format(Locale.ROOT, "%.3f", crlKyso.getScore() / crlBase.getScore()), "< 2 s", seconds < 2);
        }
        boolean latency = FIGURES.stream().anyMatch(f -> scores.containsKey(f.benchmark + ".kyso sample"));
        if (latency) {
            out.append('\n');
            row(out, "latency, ms per operation", "Kyso p50", "Kyso p99", "baseline p50", "baseline p99");
            row(out, "---", "---", "---", "---", "---");
            for (Figure f : FIGURES) {
                Result<?> kyso = scores.get(f.benchmark + ".kyso sample");
                Result<?> base = scores.get(f.benchmark + ".baseline sample");
                if (kyso != null && base != null) {
                    row(out, f.label, ms(kyso, 50), ms(kyso, 99), ms(base, 50), ms(base, 99));
                }
            }
        }
        out.append(String.format(Locale.ROOT, "%nInputs: CMS content %d bytes, detached document %d bytes, PDF %d bytes."
                + " Scores are mean ± 99.9%% confidence half-width over the measurement iterations.%n",
                CmsAttached.SIZE, CmsDetached.SIZE, pdfSize));
        Files.writeString(Path.of("bench/target/jmh-table.md"), out.toString());
    }

    private static String opsPerSecond(Result<?> r) {
        double error = Double.isNaN(r.getScoreError()) ? 0 : r.getScoreError();
        return String.format(Locale.ROOT, "%.1f ± %.1f", r.getScore(), error);
    }

    /** Sample-time scores are in seconds per operation, as the time unit is seconds. */
    private static String ms(Result<?> r, double percentile) {
        return String.format(Locale.ROOT, "%.3f", r.getStatistics().getPercentile(percentile) * 1000);
    }

    private static void row(StringBuilder out, String... cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
