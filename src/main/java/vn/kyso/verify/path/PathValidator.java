package vn.kyso.verify.path;

/** RFC 5280 path building and validation, with revocation checked from local data only. */
public class PathValidator {

    private final RevocationRegistry registry;

    public PathValidator(RevocationRegistry registry) {
        this.registry = registry;
    }

    public PathResult validate(PathInput input) {
        throw new UnsupportedOperationException("not yet");
    }
}
