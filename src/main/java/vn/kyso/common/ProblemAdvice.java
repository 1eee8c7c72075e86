package vn.kyso.common;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every failure of an API call becomes a problem+json; a client's mistake is never a 5xx. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final Problems problems;

    public ProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        List<Problems.FieldError> errors = e.field() == null ? List.of()
                : List.of(problems.field(e.field(), e.key(), e.args()));
        ProblemDetail problem = problems.of(e.status(), e.key(), errors, e.args());
        e.properties().forEach(problem::setProperty);
        return respond(problem);
    }

    @ExceptionHandler(Violations.Invalid.class)
    ResponseEntity<ProblemDetail> violations(Violations.Invalid e) {
        List<Problems.FieldError> errors = e.violations().stream()
                .map(v -> problems.field(v.field(), v.key(), v.args())).toList();
        return respond(problems.of(e.status(), "error.validation", errors, errors.size()));
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> invalid(BindException e) {
        List<Problems.FieldError> errors = new ArrayList<>();
        for (var error : e.getBindingResult().getFieldErrors()) {
            errors.add(new Problems.FieldError(error.getField(), error.getCode(), problemsMessage(error)));
        }
        for (var error : e.getBindingResult().getGlobalErrors()) {
            errors.add(new Problems.FieldError(error.getObjectName(), error.getCode(), problemsMessage(error)));
        }
        return respond(problems.of(HttpStatus.BAD_REQUEST, "error.validation", errors, errors.size()));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<Problems.FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> errors.add(
                new Problems.FieldError(result.getMethodParameter().getParameterName(),
                        error.getCodes() == null ? "invalid" : error.getCodes()[error.getCodes().length - 1],
                        problemsMessage(error)))));
        return respond(problems.of(HttpStatus.BAD_REQUEST, "error.validation", errors, errors.size()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimitFilter.TooLarge tooLarge) {
                return respond(problems.of(HttpStatus.CONTENT_TOO_LARGE, "error.body.tooLarge", tooLarge.limitText()));
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.core.exc.StreamConstraintsException) {
                return respond(problems.of(HttpStatus.BAD_REQUEST, "error.json.limit", JsonLimits.MAX_DEPTH,
                        JsonLimits.MAX_STRING));
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = jackson.getPathReference() == null ? null : fieldPath(jackson);
            String key = cause instanceof UnrecognizedPropertyException ? "error.json.unknownField"
                    : cause instanceof InvalidFormatException || cause instanceof MismatchedInputException
                            ? "error.json.wrongType" : "error.json.badValue";
            return respond(problems.of(HttpStatus.BAD_REQUEST, key, List.of(problems.field(field, key, field)), field));
        }
        return respond(problems.of(HttpStatus.BAD_REQUEST, "error.json.malformed"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(problems.of(HttpStatus.BAD_REQUEST, "error.param.wrongType",
                List.of(problems.field(e.getName(), "error.param.wrongType", e.getName())), e.getName()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return respond(problems.of(HttpStatus.BAD_REQUEST, "error.param.missing",
                List.of(problems.field(e.getParameterName(), "error.param.missing", e.getParameterName())),
                e.getParameterName()));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return respond(problems.of(HttpStatus.BAD_REQUEST, "error.param.missing",
                List.of(problems.field(e.getRequestPartName(), "error.param.missing", e.getRequestPartName())),
                e.getRequestPartName()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e) {
        return respond(problems.of(HttpStatus.CONTENT_TOO_LARGE, "error.upload.tooLarge"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return respond(problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.mediaType.unsupported",
                String.valueOf(e.getContentType())));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(problems.of(HttpStatus.NOT_ACCEPTABLE, "error.mediaType.notAcceptable"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return respond(problems.of(HttpStatus.METHOD_NOT_ALLOWED, "error.method.notAllowed", e.getMethod()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return respond(problems.of(HttpStatus.NOT_FOUND, "error.route.notFound"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return respond(problems.of(HttpStatus.FORBIDDEN, "error.forbidden"));
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, PessimisticLockingFailureException.class})
    ResponseEntity<ProblemDetail> concurrentChange(RuntimeException e) {
        return respond(problems.of(HttpStatus.CONFLICT, "error.concurrentChange"));
    }

    /** Services check uniqueness first; this is the race between two requests that both passed the check. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.info("Constraint violation answered with 409: {}", e.getMostSpecificCause().getMessage());
        return respond(problems.of(HttpStatus.CONFLICT, "error.constraint"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "error.internal"));
    }

    private Bilingual problemsMessage(org.springframework.context.MessageSourceResolvable error) {
        return problems.messages().both(error);
    }

    private static String fieldPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .body(problem);
    }
}
