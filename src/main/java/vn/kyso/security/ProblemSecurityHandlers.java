package vn.kyso.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import vn.kyso.common.Problems;

/** 401, 403 and 429 for API clients, as problem+json like every other error. */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Problems problems;
    private final JsonMapper json;
    private final Clock clock;

    ProblemSecurityHandlers(Problems problems, JsonMapper json, Clock clock) {
        this.problems = problems;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LockedException locked) {
            long wait = waitSeconds(locked, clock);
            response.setHeader("Retry-After", Long.toString(wait));
            write(response, problems.of(HttpStatus.TOO_MANY_REQUESTS, "error.login.locked", wait));
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Kyso\", charset=\"UTF-8\"");
        write(response, problems.of(HttpStatus.UNAUTHORIZED, "error.unauthenticated"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, problems.of(HttpStatus.FORBIDDEN, "error.forbidden"));
    }

    /** Seconds until a locked account may try again. */
    static long waitSeconds(LockedException e, Clock clock) {
        return e instanceof AccountLocked locked
                ? Math.max(1, Duration.between(clock.instant(), locked.until()).toSeconds()) : 60;
    }

    void tooManyFromClient(HttpServletResponse response, long wait) throws IOException {
        response.setHeader("Retry-After", Long.toString(wait));
        write(response, problems.of(HttpStatus.TOO_MANY_REQUESTS, "error.login.clientThrottled", wait));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
