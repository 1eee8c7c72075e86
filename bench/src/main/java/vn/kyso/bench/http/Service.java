package vn.kyso.bench.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kyso as a separate process, the way an operator runs it ({@code java -jar}), on a given data
 * directory and database, on a loopback port. Its log goes to a file beside the results.
 */
public final class Service implements AutoCloseable {

    public static final String USER = "bench";
    public static final String PASSWORD = "Do-tai-Kyso-2026!";
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)");

    private final Process process;
    private final long startedAt;
    private final int port;
    private final Path log;
    private volatile double maxHeapMb;
    private volatile Thread heapWatch;

    private Service(Process process, long startedAt, int port, Path log) {
        this.process = process;
        this.startedAt = startedAt;
        this.port = port;
        this.log = log;
    }

    /** Starts Kyso; {@code dbUrl} null means the SQLite default under {@code dataDir}. */
    public static Service start(Path jar, Path dataDir, String dbUrl, String dbUser, int port, String heap,
            Path log, List<String> jvmArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap));
        // a line per request would be much of the log and of its cost
        command.add("-Dlogging.level.kyso.request=WARN");
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("KYSO_DATA_DIR", dataDir.toString());
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("KYSO_ADMIN_USERNAME", USER);
        env.put("KYSO_ADMIN_PASSWORD", PASSWORD);
        env.put("KYSO_CA_PUBLICURL", "http://127.0.0.1:" + port);
        if (dbUrl != null) {
            env.put("KYSO_DB_URL", dbUrl);
            env.put("KYSO_DB_USER", dbUser);
        }
        long startedAt = System.nanoTime();
        return new Service(builder.start(), startedAt, port, log);
    }

    /** Time from process start to /actuator/health answering UP. */
    public Duration awaitUp(Duration limit) throws IOException, InterruptedException {
        Load client = new Load("127.0.0.1", port, 200);
        Load.Request health = Load.get("127.0.0.1", "/actuator/health", null);
        long deadline = startedAt + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kyso stopped while starting; see " + log + ":\n" + tail());
            }
            try {
                Load.Answer a = client.once(health);
                if (a.status() == 200 && new String(a.body(), StandardCharsets.UTF_8).contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - startedAt);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException("Kyso was not UP within " + limit + "; see " + log + ":\n" + tail());
    }

    /**
     * CPU time the Kyso process has used so far (user + system, from /proc), in seconds. On a
     * machine shared with other work, CPU per request says what the code costs whatever the
     * others take; wall-clock rates do not.
     */
    public double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after the name: state is [0], utime [11], stime [12], in clock ticks (100 per second)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * CPU seconds per group of Kyso's threads, from /proc/PID/task: request threads, the SQLite
     * group-commit writer, the JIT compilers, the garbage collector, and the rest.
     */
    public java.util.Map<String, Double> cpuSecondsByThreads() {
        java.util.Map<String, Double> groups = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                    groups.merge(group(name), seconds, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return groups;
        }
        return groups;
    }

    private static String group(String thread) {
        if (thread.startsWith("http-nio")) {
            return "request";
        }
        if (thread.startsWith("kyso-group")) {
            return "writer";
        }
        if (thread.startsWith("C1 Compiler") || thread.startsWith("C2 Compiler")) {
            return "jit";
        }
        if (thread.startsWith("GC Thread") || thread.startsWith("G1 ")) {
            return "gc";
        }
        return "other";
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Heap in use now, from the actuator, in MB. */
    public double heapUsedMb() throws IOException {
        Load client = new Load("127.0.0.1", port, 200);
        Load.Answer a = client.once(Load.get("127.0.0.1", "/actuator/metrics/jvm.memory.used?tag=area:heap",
                Load.basic(USER, PASSWORD)));
        Matcher m = VALUE.matcher(new String(a.body(), StandardCharsets.UTF_8));
        return m.find() ? Double.parseDouble(m.group(1)) / (1024 * 1024) : Double.NaN;
    }

    /** Samples the heap twice a second until {@link #close}; {@link #maxHeapMb} is the highest seen. */
    public void watchHeap() {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    maxHeapMb = Math.max(maxHeapMb, heapUsedMb());
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    // a busy moment; the next sample counts
                }
            }
        }, "heap-watch");
        t.setDaemon(true);
        t.start();
        heapWatch = t;
    }

    public double maxHeapMb() {
        return maxHeapMb;
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (heapWatch != null) {
            heapWatch.interrupt();
        }
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
