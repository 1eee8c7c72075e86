package vn.kyso.common;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;

/** Collects every field that is wrong, so the client learns all of them from one answer. */
public final class Violations {

    public record Violation(String field, String key, Object[] args) {
    }

    private final List<Violation> list = new ArrayList<>();

    public Violations reject(String field, String key, Object... args) {
        list.add(new Violation(field, key, args));
        return this;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new Invalid(HttpStatus.BAD_REQUEST, List.copyOf(list));
        }
    }

    public void throwIfAny(HttpStatus status) {
        if (!list.isEmpty()) {
            throw new Invalid(status, List.copyOf(list));
        }
    }

    /** Turned into a problem with one {@code errors} entry per violation by {@link ProblemAdvice}. */
    public static final class Invalid extends RuntimeException {
        private final HttpStatus status;
        private final transient List<Violation> violations;

        Invalid(HttpStatus status, List<Violation> violations) {
            super("Invalid fields: " + violations.stream().map(Violation::field).toList());
            this.status = status;
            this.violations = violations;
        }

        public HttpStatus status() {
            return status;
        }

        public List<Violation> violations() {
            return violations;
        }
    }
}
