package vn.kyso.common;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds API bodies. JSON and PEM: a declared length over the limit is refused before reading; a
 * chunked body is counted as it is read and fails the moment it passes the limit. Uploads are held
 * to the multipart limits, and refused here with a problem when they pass them.
 */
@Component
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final long crlLimit;
    private final Problems problems;
    private final JsonMapper json;

    public RequestBodyLimitFilter(KysoProperties properties, Problems problems, JsonMapper json) {
        this.limit = properties.limits().maxJsonBody().toBytes();
        this.crlLimit = properties.limits().maxCrlBody().toBytes();
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("multipart/")) {
            try {
                // Parsed here, where a part over the limit can still be answered with a problem: thrown
                // later, before any controller is chosen, it would leave an empty 413.
                new org.springframework.web.multipart.support.StandardMultipartHttpServletRequest(request);
            } catch (org.springframework.web.multipart.MaxUploadSizeExceededException e) {
                refuse(response, problems.of(HttpStatus.CONTENT_TOO_LARGE, "error.upload.tooLarge"));
                return;
            } catch (org.springframework.web.multipart.MultipartException e) {
                // another malformation: the usual handling answers it
            }
            chain.doFilter(request, response);
            return;
        }
        long bound = request.getRequestURI().equals("/api/v1/crls") ? crlLimit : limit;
        if (request.getContentLengthLong() > bound) {
            refuse(response, problems.of(HttpStatus.CONTENT_TOO_LARGE, "error.body.tooLarge", text(bound)));
            return;
        }
        chain.doFilter(new Bounded(request, bound), response);
    }

    private void refuse(HttpServletResponse response, Object problem) throws IOException {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String text(long bytes) {
        return org.springframework.util.unit.DataSize.ofBytes(bytes).toKilobytes() + " KB";
    }

    /** Thrown from the counting stream; ProblemAdvice turns it into 413. */
    public static final class TooLarge extends IOException {
        private final long bound;

        TooLarge(long bound) {
            super("Request body larger than " + bound + " bytes");
            this.bound = bound;
        }

        String limitText() {
            return text(bound);
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {
        private final long bound;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long bound) {
            super(request);
            this.bound = bound;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), bound);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long bound;
        private long count;

        Counting(ServletInputStream in, long bound) {
            this.in = in;
            this.bound = bound;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) throws TooLarge {
            count += n;
            if (count > bound) {
                throw new TooLarge(bound);
            }
        }

        @Override public boolean isFinished() { return in.isFinished(); }
        @Override public boolean isReady() { return in.isReady(); }
        @Override public void setReadListener(ReadListener listener) { in.setReadListener(listener); }
    }
}
