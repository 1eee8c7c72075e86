package vn.kyso.durability;

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

import vn.kyso.support.Api;

/**
 * Kyso in a JVM of its own, started from the test class path as a user would start the jar, so
 * that it can be killed with SIGKILL (ProcessHandle.destroyForcibly on Linux) mid-request and
 * started again on the same database. Its output goes to a numbered log file in the data directory.
 */
final class KysoProcess {

    static final String ADMIN = "durable-admin";
    static final String PASSWORD = "Quản trị bền vững 2026";
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
    static KysoProcess start(Map<String, String> settings, Path log) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "vn.kyso.KysoApplication", "--server.port=" + port, "--kyso.admin.username=" + ADMIN,
                "--kyso.admin.password=" + PASSWORD));
        settings.forEach((name, value) -> command.add("--" + name + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            KysoProcess kyso = new KysoProcess(builder.start(), log, port);
            kyso.awaitHealthy();
            return kyso;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Api admin() {
        return Api.at(port).as(ADMIN, PASSWORD);
    }

    Api anonymous() {
        return Api.at(port);
    }

    /** SIGKILL: no shutdown hook, no graceful shutdown, no flush; the database must cope. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM, for the end of the test. */
    void stop() {
        process.destroy();
        waitForExit();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
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

    private void awaitHealthy() {
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

    static void sleep(long millis) {
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
