package vn.kyso.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Three doors. The API (/api/**) and the actuator take HTTP Basic, keep no session and so need no
 * CSRF token. The pages use form login with a session, CSRF protection and a session timeout.
 * What each role may do is declared on the controllers with @PreAuthorize.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfig {

    private static final String[] PUBLIC_PATHS = {"/login", "/css/**", "/js/**", "/images/**", "/favicon.ico",
        "/error", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**"};

    /**
     * No observation of Spring Security's filters, authentications and authorizations. Disabled by
     * name in application.yml they still wrapped every filter of every chain in a no-op
     * observation: a fifth of an OCSP answer's CPU.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder(java.time.Clock clock) {
        // Argon2id for new hashes; the prefix in each stored hash lets the default change later.
        PasswordEncoder hashing = new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
        return new CachingPasswordEncoder(hashing, clock, java.time.Duration.ofMinutes(5));
    }

    /** Inside the security chain, where the user is known: leaves the name for the request log. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<OncePerRequestFilter> requestUserFilter() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                var auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                        .getAuthentication();
                if (auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName())) {
                    request.setAttribute(vn.kyso.common.RequestLogFilter.USER, auth.getName());
                }
                chain.doFilter(request, response);
            }
        };
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
        registration.setOrder(0);
        return registration;
    }

    @Bean
    AuthenticationManager authenticationManager(KysoUserDetailsService users, PasswordEncoder encoder,
            org.springframework.context.ApplicationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        provider.setPreAuthenticationChecks(user -> {
            KysoPrincipal principal = (KysoPrincipal) user;
            if (!principal.isAccountNonLocked()) {
                throw new AccountLocked(principal.lockedUntil());
            }
            if (!principal.isEnabled()) {
                throw new org.springframework.security.authentication.DisabledException("Account disabled");
            }
        });
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    /**
     * The public PKI door: OCSP, CRLs and CA certificates are fetched by relying parties with no
     * account, many times a second. Their own chain keeps the headers and no session, cookie or
     * login machinery that would only cost each request time.
     */
    @Bean
    @Order(0)
    SecurityFilterChain publicPki(HttpSecurity http) throws Exception {
        http.securityMatcher("/ocsp", "/ocsp/**", "/crl/**", "/ca/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .csrf(c -> c.disable())
                .logout(l -> l.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemSecurityHandlers handlers, LoginThrottle throttle,
            AuthenticationManager authenticationManager) throws Exception {
        http.authenticationManager(authenticationManager)
                .securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(handlers))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .addFilterBefore(new ClientThrottleFilter(throttle, r -> r.getHeader("Authorization") != null,
                        (request, response, wait) -> handlers.tooManyFromClient(response, wait)),
                        BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, AuthenticationManager authenticationManager, LoginThrottle throttle,
            FormLoginRefusals refusals) throws Exception {
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(refusals)
                        .permitAll())
                .addFilterBefore(new ClientThrottleFilter(throttle,
                        r -> "POST".equals(r.getMethod()) && r.getRequestURI().equals(r.getContextPath() + "/login"),
                        (request, response, wait) -> refusals.refuse(request, response, "error.login.clientThrottled",
                                wait)),
                        UsernamePasswordAuthenticationFilter.class)
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
                // a page asked for with a session that timed out says so on the sign-in page
                .sessionManagement(s -> s.invalidSessionUrl("/login?expired=1"))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Turns an address that has failed too often away before any password is hashed. */
    static final class ClientThrottleFilter extends OncePerRequestFilter {

        interface Refusal {
            void refuse(HttpServletRequest request, HttpServletResponse response, long wait)
                    throws ServletException, IOException;
        }

        private final LoginThrottle throttle;
        private final java.util.function.Predicate<HttpServletRequest> signingIn;
        private final Refusal refusal;

        ClientThrottleFilter(LoginThrottle throttle, java.util.function.Predicate<HttpServletRequest> signingIn,
                Refusal refusal) {
            this.throttle = throttle;
            this.signingIn = signingIn;
            this.refusal = refusal;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (signingIn.test(request)) {
                long wait = throttle.clientWaitSeconds(request.getRemoteAddr());
                if (wait > 0) {
                    refusal.refuse(request, response, wait);
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }
}
