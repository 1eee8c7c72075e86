package vn.kyso.fuzz;

import com.code_intelligence.jazzer.api.BugDetectors;

/**
 * Jazzer's bug detectors stay installed in the test JVM once a fuzz test has run, also for the test
 * classes after it. Kyso's tests talk to their own servers, PostgreSQL and the browser on this
 * machine only: those connections are allowed, any other still counts as server-side request forgery.
 */
final class Sanitizers {

    private Sanitizers() {
    }

    static void allowLoopback() {
        BugDetectors.allowNetworkConnections((host, port) -> host.equals("localhost") || host.startsWith("127.")
                || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1"));
    }
}
