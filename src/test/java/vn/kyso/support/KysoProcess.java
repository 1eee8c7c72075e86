package vn.kyso.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Kyso in a JVM of its own, started from the test class path as a user would start the jar, so
 * that it can be killed with SIGKILL (ProcessHandle.destroyForcibly on Linux) mid-request and
 * started again on the same database. Its output goes to a numbered log file in the data directory.
 */
public final class KysoProcess {

    public static final String ADMIN = "admin";
    public static final String PASSWORD = "Quản trị tiến trình riêng 2026";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Process process;
    private final Path log;
    private final int port;

    private KysoProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts Kyso with {@code settings} (Spring property names) and waits until its health is UP. */
    public static KysoProcess start(Map<String, String> settings, Path log) {
        KysoProcess kyso = launch(settings, Map.of(), log);
        kyso.awaitHealthy();
        return kyso;
    }

    /** Starts Kyso with {@code settings} and extra environment variables, without waiting for it. */
    public static KysoProcess launch(Map<String, String> settings, Map<String, String> environment, Path log) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "vn.kyso.KysoApplication", "--server.port=" + port, "--kyso.admin.username=" + ADMIN,
                "--kyso.admin.password=" + PASSWORD));
        settings.forEach((name, value) -> command.add("--" + name + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            return new KysoProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Api admin() {
        return Api.at(port).as(ADMIN, PASSWORD);
    }

    public Api anonymous() {
        return Api.at(port);
    }

    /** SIGKILL: no shutdown hook, no graceful shutdown, no flush; the database must cope. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM, for the end of the test. */
    public void stop() {
        process.destroy();
        waitForExit();
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The exit code, once Kyso has ended by itself (a refused start), or a failure if it has not. */
    public int awaitExit(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Kyso is still running after " + within + ":\n" + logTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Kyso (pid " + process.pid() + ") did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void awaitHealthy() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kyso ended while starting (exit " + process.exitValue() + "):\n"
                        + logTail());
            }
            try {
                var health = anonymous().get("/actuator/health");
                if (health.status() == 200 && "UP".equals(health.text("status"))) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Kyso was not UP within " + START_TIMEOUT + ":\n" + logTail());
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
