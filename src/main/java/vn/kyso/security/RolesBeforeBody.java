package vn.kyso.security;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Judges a controller method's @PreAuthorize before Spring MVC reads its arguments. Method security
 * alone runs after the body is parsed and validated, so a clerk posting an empty agency was told
 * which fields an agency needs (400) instead of 403, and had the body read first. An expression
 * that names an argument (#id) cannot be judged before the arguments exist; it is left to method
 * security, which still checks every call after this.
 */
@Configuration(proxyBeanMethods = false)
class RolesBeforeBody implements WebMvcConfigurer, HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();

    RolesBeforeBody(ObjectProvider<MethodSecurityExpressionHandler> expressions) {
        expressions.ifAvailable(manager::setExpressionHandler);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller != null && handler instanceof HandlerMethod method && judgedWithoutArguments(method)) {
            var invocation = new SimpleMethodInvocation(method.getBean(), method.getMethod());
            AuthorizationResult result = manager.authorize(() -> caller, invocation);
            if (result != null && !result.isGranted()) {
                throw new AuthorizationDeniedException("Access Denied", result);
            }
        }
        return true;
    }

    /** By handler method: finding merged annotations on every request was a visible part of its cost. */
    private final Map<Method, Boolean> judged = new ConcurrentHashMap<>();

    private boolean judgedWithoutArguments(HandlerMethod method) {
        return judged.computeIfAbsent(method.getMethod(), m -> {
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(m, PreAuthorize.class);
            if (rule == null) {
                rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
            }
            return rule != null && !rule.value().contains("#");
        });
    }
}
