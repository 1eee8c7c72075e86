package vn.kyso.common;

import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on. {@code key} names a message in both bundles; {@code field},
 * when set, is the request field at fault and is reported in the problem's {@code errors}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String key;
    private final transient Object[] args;
    private final String field;
    private final java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();

    public ApiException(HttpStatus status, String key, String field, Object... args) {
        super(key);
        this.status = status;
        this.key = key;
        this.field = field;
        this.args = args;
    }

    public static ApiException notFound(String key, Object... args) {
        return new ApiException(HttpStatus.NOT_FOUND, key, null, args);
    }

    public static ApiException conflict(String key, Object... args) {
        return new ApiException(HttpStatus.CONFLICT, key, null, args);
    }

    public static ApiException conflictOn(String field, String key, Object... args) {
        return new ApiException(HttpStatus.CONFLICT, key, field, args);
    }

    public static ApiException badField(String field, String key, Object... args) {
        return new ApiException(HttpStatus.BAD_REQUEST, key, field, args);
    }

    public static ApiException forbidden(String key, Object... args) {
        return new ApiException(HttpStatus.FORBIDDEN, key, null, args);
    }

    /** Adds a member to the problem, for what a client needs to act on (e.g. the allowed actions). */
    public ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public java.util.Map<String, Object> properties() {
        return properties;
    }

    public HttpStatus status() {
        return status;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args;
    }

    public String field() {
        return field;
    }
}
