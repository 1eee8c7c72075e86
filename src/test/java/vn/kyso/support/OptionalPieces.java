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

    public static String postgresUrl() {
        return System.getenv("KYSO_TEST_POSTGRES_URL");
    }
}
