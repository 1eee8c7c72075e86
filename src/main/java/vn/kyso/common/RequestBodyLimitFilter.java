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
 * Bounds non-multipart API bodies (JSON, PEM). A declared length over the limit is refused before
 * reading; a chunked body is counted as it is read and fails the moment it passes the limit.
 * Uploads go through the multipart limits instead.
 */
@Component
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final Problems problems;
    private final JsonMapper json;

    public RequestBodyLimitFilter(KysoProperties properties, Problems problems, JsonMapper json) {
        this.limit = properties.limits().maxJsonBody().toBytes();
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !request.getRequestURI().startsWith("/api/")
                || (type != null && type.toLowerCase().startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            var problem = problems.of(HttpStatus.CONTENT_TOO_LARGE, "error.body.tooLarge", limitText());
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(new Bounded(request), response);
    }

    String limitText() {
        return org.springframework.util.unit.DataSize.ofBytes(limit).toKilobytes() + " KB";
    }

    /** Thrown from the counting stream; ProblemAdvice turns it into 413. */
    public final class TooLarge extends IOException {
        TooLarge() {
            super("Request body larger than " + limit + " bytes");
        }

        String limitText() {
            return RequestBodyLimitFilter.this.limitText();
        }
    }

    private final class Bounded extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        Bounded(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream());
            }
            return stream;
        }
    }

    private final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private long count;

        Counting(ServletInputStream in) {
            this.in = in;
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
            if (count > limit) {
                throw new TooLarge();
            }
        }

        @Override public boolean isFinished() { return in.isFinished(); }
        @Override public boolean isReady() { return in.isReady(); }
        @Override public void setReadListener(ReadListener listener) { in.setReadListener(listener); }
    }
}
