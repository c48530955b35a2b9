package io.hounsfield.security;

import static org.springframework.security.config.Customizer.withDefaults;

import io.hounsfield.audit.AuditService;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Two doors: the REST API ({@code /api/**}) and DICOMweb ({@code /dicom-web/**}) take HTTP Basic on every
 * request and create no browser session, so they need no CSRF token (DICOMweb also reads with an existing web
 * session, for OHIF, but writes only with HTTP Basic); everything else is the web UI with form login, a session
 * cookie and CSRF protection. Which role may do what is declared beside each controller with
 * {@code @PreAuthorize}; here everything but the login page, static assets and the health probe
 * needs a login. Both doors check passwords through {@link LoginThrottle}, and both check on every request that the
 * account still allows it ({@link AccountStillValidFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final AuthenticationManager logins;
    private final UserRepository users;
    private final AuditService audit;

    SecurityConfiguration(UserDetailsService accounts, PasswordEncoder passwordEncoder, LoginThrottle throttle,
            UserRepository users, AuditService audit, ApplicationEventPublisher events) {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(accounts);
        passwordCheck.setPasswordEncoder(passwordEncoder);
        ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(passwordCheck, throttle));
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        this.logins = manager;
        this.users = users;
        this.audit = audit;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return basicOnEveryRequest(http.securityMatcher("/api/**"))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .build();
    }

    /**
     * DICOMweb as the API, and also for a viewer that Hounsfield serves (OHIF at {@code /ohif}): a request without
     * HTTP Basic may use the web session it carries, but only to read. A write on the session alone (STOW-RS) is
     * refused, so that no other page can store through a user's login; HTTP Basic stores as before. Cross-origin
     * browser access only from {@code hounsfield.dicomweb.cors-origins}.
     */
    @Bean
    @Order(2)
    SecurityFilterChain dicomWeb(HttpSecurity http, DicomWebCorsProperties cors) throws Exception {
        basicOnEveryRequest(http.securityMatcher("/dicom-web/**"))
                .securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), new SessionReadingContextRepository())))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(SecurityConfiguration::writesOnSessionAlone).denyAll()
                        .anyRequest().authenticated());
        if (cors.enabled()) {
            CorsConfiguration configuration = cors.configuration();
            http.cors(c -> c.configurationSource(request -> configuration));
        } else {
            http.cors(c -> c.disable());
        }
        return http.build();
    }

    private HttpSecurity basicOnEveryRequest(HttpSecurity http) throws Exception {
        return http.authenticationManager(logins)
                .addFilterAfter(new AccountStillValidFilter(users, audit, false), AnonymousAuthenticationFilter.class)
                .httpBasic(basic -> basic.realmName("Hounsfield"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
    }

    private static boolean writesOnSessionAlone(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        Map<String, String> failurePages = Map.of(LockedException.class.getName(), "/login?locked");
        ExceptionMappingAuthenticationFailureHandler loginFailed = new ExceptionMappingAuthenticationFailureHandler();
        loginFailed.setExceptionMappings(failurePages);
        loginFailed.setDefaultFailureUrl("/login?error");
        return http.authenticationManager(logins)
                .addFilterAfter(new AccountStillValidFilter(users, audit, true), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(loginFailed))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(withDefaults())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny()))
                .build();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_LEAD > ROLE_TECHNOLOGIST
                ROLE_TECHNOLOGIST > ROLE_STUDENT
                """);
    }

    @Bean
    static PasswordEncoder passwordEncoder() {
        return new RecentlyCheckedPasswords(new BCryptPasswordEncoder(), Duration.ofMinutes(5), Clock.systemUTC());
    }
}
