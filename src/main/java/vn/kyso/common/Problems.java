package vn.kyso.common;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problems. {@code detail} is in the request's language (Vietnamese unless English
 * is asked for); {@code message} carries both, and each entry of {@code errors} names one field.
 */
@Component
public class Problems {

    private final Messages messages;

    public Problems(Messages messages) {
        this.messages = messages;
    }

    public record FieldError(String field, String code, Bilingual message) {
    }

    public ProblemDetail of(HttpStatus status, String key, Object... args) {
        return of(status, key, List.of(), args);
    }

    public ProblemDetail of(HttpStatus status, String key, List<FieldError> errors, Object... args) {
        Bilingual text = messages.both(key, args);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("urn:kyso:problem:" + slug(key)));
        problem.setTitle(Messages.english() ? status.getReasonPhrase()
                : messages.get("status." + status.value(), Messages.VI));
        problem.setDetail(Messages.pick(text));
        problem.setProperty("message", text);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    public FieldError field(String field, String key, Object... args) {
        return new FieldError(field, slug(key), messages.both(key, args));
    }

    public Messages messages() {
        return messages;
    }

    private static String slug(String key) {
        String tail = key.startsWith("error.") ? key.substring("error.".length()) : key;
        return tail.replace('.', '-').toLowerCase(Locale.ROOT);
    }
}
