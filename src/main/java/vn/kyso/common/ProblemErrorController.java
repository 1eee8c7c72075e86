package vn.kyso.common;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Whatever fails outside a controller (no route, a filter's error) ends here: a problem for API
 * clients, a page in the person's language for a browser.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    private final Problems problems;

    public ProblemErrorController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    public String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpStatus status = status(request);
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("messageKey", key(status));
        // "Method {0} is not allowed here" needs its method on the page as in the problem
        model.addAttribute("messageArg", detail(status, request));
        return "error";
    }

    @RequestMapping("/error")
    public ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        return ProblemAdvice.respond(problems.of(status, key(status), detail(status, request)));
    }

    private static Object detail(HttpStatus status, HttpServletRequest request) {
        if (status == HttpStatus.UNSUPPORTED_MEDIA_TYPE) {
            return String.valueOf(request.getContentType());
        }
        // the container dispatches errors as GET; Servlet 6.1 keeps the refused method here
        Object method = request.getAttribute("jakarta.servlet.error.method");
        return method != null ? method : request.getMethod();
    }

    private static String key(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "error.route.notFound";
            case METHOD_NOT_ALLOWED -> "error.method.notAllowed";
            case UNAUTHORIZED -> "error.unauthenticated";
            case FORBIDDEN -> "error.forbidden";
            case CONTENT_TOO_LARGE -> "error.upload.tooLarge";
            case BAD_REQUEST -> "error.json.malformed";
            case UNSUPPORTED_MEDIA_TYPE -> "error.mediaType.unsupported";
            case NOT_ACCEPTABLE -> "error.mediaType.notAcceptable";
            default -> "error.internal";
        };
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // asked for directly rather than forwarded by the container: there is no such page
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
