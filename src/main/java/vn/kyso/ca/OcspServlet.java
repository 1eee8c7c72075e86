package vn.kyso.ca;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * OCSP over HTTP (RFC 6960 appendix A) as a servlet of its own, beside Spring MVC. A kept answer
 * costs a few microseconds; finding the handler, resolving its arguments and writing a
 * ResponseEntity cost more than the answer itself. Every servlet filter still runs: the
 * security headers, the request log and the HTTP metrics.
 */
public final class OcspServlet extends HttpServlet {

    /** What this servlet serves, as the access policy names routes. */
    public static final List<String> ROUTES = List.of("GET /ocsp/**", "POST /ocsp", "POST /ocsp/");

    private static final String OCSP_RESPONSE = "application/ocsp-response";
    private static final int MAX_REQUEST = 16 * 1024;

    private final transient OcspResponder responder;

    OcspServlet(OcspResponder responder) {
        this.responder = responder;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        ServletRegistrationBean<OcspServlet> ocspServlet(OcspResponder responder) {
            // "/ocsp/*" also matches "/ocsp" itself
            var registration = new ServletRegistrationBean<>(new OcspServlet(responder), "/ocsp/*");
            registration.setName("ocsp");
            registration.setLoadOnStartup(1);
            return registration;
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rest = rest(request);
        if (!rest.isEmpty() && !rest.equals("/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_REQUEST + 1);
        answer(request, response, responder.respond(body.length > MAX_REQUEST ? new byte[0] : body));
    }

    /** The DER request, base64 and then URL-encoded, as the rest of the path. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rest = rest(request);
        byte[] der;
        try {
            String base64 = URLDecoder.decode(rest.startsWith("/") ? rest.substring(1) : rest, StandardCharsets.US_ASCII)
                    .replace(' ', '+');
            der = base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(base64)
                    : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            der = new byte[0];
        }
        answer(request, response, responder.respond(der));
    }

    /** What follows "/ocsp" in the path as sent, still URL-encoded. */
    private static String rest(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.length() <= "/ocsp".length() ? "" : path.substring("/ocsp".length());
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, byte[] der) throws IOException {
        // the HTTP metrics name a route by its pattern; outside Spring MVC nobody else tells them
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(context -> context.setPathPattern("POST".equals(request.getMethod()) ? "/ocsp" : "/ocsp/**"));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(OCSP_RESPONSE);
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(der.length);
        response.getOutputStream().write(der);
    }
}
