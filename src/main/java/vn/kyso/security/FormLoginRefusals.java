package vn.kyso.security;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * The sign-in form's answer to a locked account or an address that has failed too often: what the
 * API answers (429 with Retry-After), shown as the form again with how long to wait. Any other
 * failure goes back to the form with the usual error.
 */
@Component
class FormLoginRefusals implements AuthenticationFailureHandler {

    private final Clock clock;
    private final AuthenticationFailureHandler otherwise = new SimpleUrlAuthenticationFailureHandler("/login?error");

    FormLoginRefusals(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException, ServletException {
        if (e instanceof LockedException locked) {
            refuse(request, response, "error.login.locked", ProblemSecurityHandlers.waitSeconds(locked, clock));
            return;
        }
        otherwise.onAuthenticationFailure(request, response, e);
    }

    void refuse(HttpServletRequest request, HttpServletResponse response, String key, long wait)
            throws IOException, ServletException {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(wait));
        request.setAttribute("loginRefusal", key);
        request.setAttribute("retryAfter", wait);
        // the form itself, rendered as for a GET; the status and header set above stay
        request.getRequestDispatcher("/login").forward(new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "GET";
            }
        }, response);
    }
}
