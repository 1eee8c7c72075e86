package vn.kyso.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;

/**
 * Reads a page's upload before Spring Security does. The CSRF filter looks for its token among the
 * form fields, and an upload over the limit makes the container throw from there, which a clerk
 * would see as a server error. Here the same failure becomes a redirect to a page that says the
 * file is too large. The API has no CSRF token to look for and answers 413 itself.
 */
@Component
@Order(-103)
class UploadLimitFilter extends OncePerRequestFilter {

    static final String TOO_LARGE_PAGE = "/upload-too-large";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null || !type.toLowerCase().startsWith("multipart/")
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            // Parses eagerly; the container keeps the parts for everyone who reads them later
            new StandardMultipartHttpServletRequest(request);
        } catch (MaxUploadSizeExceededException e) {
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader("Location", request.getContextPath() + TOO_LARGE_PAGE);
            return;
        } catch (MultipartException e) {
            // Some other malformation: the usual handling answers it
        }
        chain.doFilter(request, response);
    }
}
