package vn.kyso.support;

/**
 * Pieces a fresh clone may lack (PostgreSQL, the conformance corpora, a browser). A test that needs
 * one is skipped with the reason when it is absent, unless KYSO_REQUIRE_OPTIONAL is true (as in
 * .ci/run), where an absent piece fails the test instead of hiding it.
 */
public final class OptionalPieces {

    private OptionalPieces() {
    }

    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("KYSO_REQUIRE_OPTIONAL"));
    }

    /** The openssl binary, if on the PATH. */
    public static java.util.Optional<java.nio.file.Path> openssl() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            java.nio.file.Path candidate = java.nio.file.Path.of(dir, "openssl");
            if (java.nio.file.Files.isExecutable(candidate)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    /** The folder of third-party conformance corpora (read in place, never copied), or null when unset or absent. */
    public static java.nio.file.Path conformanceDir() {
        String dir = System.getenv("KYSO_CONFORMANCE_DIR");
        if (dir == null || dir.isBlank() || !java.nio.file.Files.isDirectory(java.nio.file.Path.of(dir))) {
            return null;
        }
        return java.nio.file.Path.of(dir);
    }

    /** The conformance folder, or a failure saying how to provide it (when the corpora are required). */
    public static java.nio.file.Path requireConformanceDir() {
        java.nio.file.Path dir = conformanceDir();
        if (dir == null) {
            throw new IllegalStateException("KYSO_CONFORMANCE_DIR is not set to the conformance corpora folder");
        }
        return dir;
    }

    /** Debian's Chromium and its driver, at the paths the browser tests use (never downloaded). */
    public static final java.nio.file.Path CHROMIUM = java.nio.file.Path.of("/usr/bin/chromium");
    public static final java.nio.file.Path CHROMEDRIVER = java.nio.file.Path.of("/usr/bin/chromedriver");

    public static boolean browser() {
        return java.nio.file.Files.isExecutable(CHROMIUM) && java.nio.file.Files.isExecutable(CHROMEDRIVER);
    }

    public static String postgresUrl() {
        return System.getenv("KYSO_TEST_POSTGRES_URL");
    }
}
