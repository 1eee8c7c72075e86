package vn.kyso.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Applies Kyso's locale rule before the security filters, so a 401 or 413 written by a filter
 * speaks the same language as the controllers. Runs just after Spring's RequestContextFilter
 * (order -105), which would otherwise leave the JVM's default locale in place.
 */
@Component
@Order(-104)
class LocaleFilter extends OncePerRequestFilter {

    private final LocaleResolver resolver;

    LocaleFilter(LocaleResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LocaleContextHolder.setLocale(resolver.resolveLocale(request));
        chain.doFilter(request, response);
    }
}
