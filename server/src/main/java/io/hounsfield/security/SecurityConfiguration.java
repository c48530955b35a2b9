package io.hounsfield.security;

import static org.springframework.security.config.Customizer.withDefaults;

import io.hounsfield.audit.AuditService;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
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
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Two doors: the REST API ({@code /api/**}) and DICOMweb ({@code /dicom-web/**}) take HTTP Basic on every
 * request and never a browser session, so they need no CSRF token; everything else is the web UI with form login, a session
 * cookie and CSRF protection. Which role may do what is declared beside each controller with
 * {@code @PreAuthorize}; here everything but the login page, static assets and the health probe
 * needs a login. Both doors check passwords through {@link LoginThrottle}, and both check on every request that the
 * account still allows it ({@link AccountStillValidFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

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
        return http.securityMatcher("/api/**", "/dicom-web/**")
                .authenticationManager(logins)
                .addFilterAfter(new AccountStillValidFilter(users, audit, false), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Hounsfield"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
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
