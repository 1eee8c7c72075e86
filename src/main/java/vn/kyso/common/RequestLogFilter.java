package vn.kyso.common;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request: method, path, status, time, user, request id. Never headers, bodies or
 * query strings, which may carry credentials or personal data. The request id is echoed in
 * X-Request-Id and recorded with audit entries, so a log line and an audit entry can be matched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLogFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID = "requestId";
    /** Request attribute set inside the security chain, which clears its context before we log. */
    public static final String USER = RequestLogFilter.class.getName() + ".user";
    private static final Logger log = LoggerFactory.getLogger("kyso.request");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader("X-Request-Id");
        String id = given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        MDC.put(REQUEST_ID, id);
        response.setHeader("X-Request-Id", id);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long micros = (System.nanoTime() - start) / 1000;
            Object user = request.getAttribute(USER);
            if (!request.getRequestURI().startsWith("/actuator/health")) {
                log.info("method={} path={} status={} durationMs={} user={}", request.getMethod(),
                        request.getRequestURI(), response.getStatus(), micros / 1000.0, user == null ? "-" : user);
            }
            MDC.remove(REQUEST_ID);
        }
    }
}
