package org.opengrievance.security;

import static org.opengrievance.security.Roles.ADMIN;
import static org.opengrievance.security.Roles.AUDITOR;
import static org.opengrievance.security.Roles.INTAKE;
import static org.opengrievance.security.Roles.MONITORING;
import static org.opengrievance.security.Roles.PATIENT_RELATIONS;
import static org.opengrievance.security.Roles.PR_DIRECTOR;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.DispatcherType;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what, for every surface the application serves (docs/security.md).
 *
 * <ul>
 * <li>{@code /camunda/**} (Tasklist, Cockpit, Admin and their API): the webapps' own session login, CSRF
 * protection and security headers, configured under {@code camunda.bpm.webapp}; Spring Security stays out.
 * <li>Everything else: HTTP Basic against Camunda's identity service, stateless, no CSRF (Basic rides on no
 * cookie). The project's API ({@code /api/**}) also accepts the webapps' session, with their CSRF token for
 * changes (WebappSessionSignIn: one sign-in for Cockpit's plugin and Tasklist's letter links). The API is checked
 * by role here; {@code /engine-rest/**} (Modeler deploys, auditors read history) only needs a known user,
 * because the engine's authorizations decide the rest.
 * {@code /actuator/health} and the redirect at {@code /} are open.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    static final String REALM = "grievance-engine";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** GET and HEAD on the project's API: everyone who works or audits grievances. */
    static final String[] READERS = {INTAKE, PATIENT_RELATIONS, PR_DIRECTOR, AUDITOR};
    /** Any other method on the project's API, unless a rule below says otherwise. */
    static final String[] CHANGERS = {PATIENT_RELATIONS, PR_DIRECTOR};
    static final String[] INTAKERS = {INTAKE, PATIENT_RELATIONS, PR_DIRECTOR};
    /** Who reads a contact's possible duplicates (docs/guide-intake.md). */
    static final String[] DUPLICATE_CHECKERS = {INTAKE, PATIENT_RELATIONS};
    /** The auditor's views and exports (Cockpit's Grievances view, timelines, universes, the PHI access log). */
    static final String[] AUDIT_READERS = {AUDITOR, PR_DIRECTOR};

    @Bean
    AuthenticationProvider camundaIdentityAuthentication(IdentityService identity) {
        return new CamundaIdentityAuthenticationProvider(identity);
    }

    /** Oddly written addresses: 400 problem on every surface, one log line (OddPathFirewall). */
    @Bean
    WebSecurityCustomizer oddPaths(ObjectMapper json) {
        return web -> web.httpFirewall(new OddPathFirewall()).requestRejectedHandler(new OddPathFirewall.Rejected(json));
    }

    /** Oddly written addresses, before anything else parses them (OddPathFirewall.Filter). */
    @Bean
    FilterRegistrationBean<OddPathFirewall.Filter> oddPathFilter(ObjectMapper json) {
        FilterRegistrationBean<OddPathFirewall.Filter> registration = new FilterRegistrationBean<>(
                new OddPathFirewall.Filter(json));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("oddPathFilter");
        return registration;
    }

    /**
     * Encoded slashes reach the application (and its firewall, which answers them with a problem) instead of
     * Tomcat's own HTML error page; no servlet sees them.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesToTheFirewall() {
        return factory -> factory.addConnectorCustomizers(c -> c.setEncodedSolidusHandling("passthrough"));
    }

    /** {@code Cache-Control: no-store} where answers can carry PHI (NoStoreFilter). */
    @Bean
    FilterRegistrationBean<NoStoreFilter> noStore() {
        FilterRegistrationBean<NoStoreFilter> registration = new FilterRegistrationBean<>(new NoStoreFilter());
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setName("noStoreFilter");
        return registration;
    }

    /**
     * The webapps' missing headers and no session for anonymous requests; before the webapps' own filters
     * (WebappSurfaceFilter).
     */
    @Bean
    FilterRegistrationBean<WebappSurfaceFilter> webappSurface() {
        FilterRegistrationBean<WebappSurfaceFilter> registration = new FilterRegistrationBean<>(new WebappSurfaceFilter());
        registration.addUrlPatterns("/camunda/*", "/camunda-welcome/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setName("webappSurfaceFilter");
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        return http
                // /camunda-welcome: an iframe the webapps load; a Basic challenge there would pop up a browser
                // password dialog over the webapps' own login form
                .securityMatcher(new OrRequestMatcher(path(null, "/camunda/**"), path(null, "/camunda-welcome/**")))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                // the webapps' CsrfPreventionFilter, HttpHeaderSecurityFilter and session cookie settings apply
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http, IdentityService identity, ProcessEngine engine,
            ObjectMapper json) throws Exception {
        ProblemResponses problems = new ProblemResponses(json, REALM);
        return http
                .authorizeHttpRequests(a -> a
                        // error pages render the outcome of a request that was already checked
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(path(HttpMethod.GET, "/actuator/health"), path(HttpMethod.GET, "/actuator/health/**"),
                                path(HttpMethod.GET, "/"), path(HttpMethod.GET, "/favicon.ico")).permitAll()
                        // the Cockpit plugin's diagram viewer (a public library, no data); the webapps' pages load it
                        .requestMatchers(path(HttpMethod.GET, "/webjars/bpmn-js/**")).permitAll()
                        // and the director's trend charts (ECharts, likewise a public library)
                        .requestMatchers(path(HttpMethod.GET, "/webjars/echarts/**")).permitAll()
                        // the metrics name counts of cases, not patients, but still tell an outsider how the
                        // hospital is doing: the monitoring group (the scraper's account) and administrators only
                        .requestMatchers(path(HttpMethod.GET, "/actuator/prometheus")).hasAnyAuthority(MONITORING, ADMIN)
                        .requestMatchers(path(HttpMethod.POST, "/api/grievances")).hasAnyAuthority(INTAKERS)
                        .requestMatchers(path(HttpMethod.GET, "/api/grievances/*")).hasAnyAuthority(READERS)
                        // E7: intake's duplicate check (excerpts of other open cases), for intake and patient relations
                        .requestMatchers(path(HttpMethod.GET, "/api/grievances/*/possible-duplicates"))
                        .hasAnyAuthority(DUPLICATE_CHECKERS)
                        .requestMatchers(path(HttpMethod.POST, "/api/grievances/*/withdrawal")).hasAnyAuthority(CHANGERS)
                        // a new linked case from this one (relink): as the intake of a case, intake may do it too
                        .requestMatchers(path(HttpMethod.POST, "/api/grievances/*/conversion"),
                                path(HttpMethod.POST, "/api/grievances/*/reclassification"),
                                path(HttpMethod.POST, "/api/grievances/*/split")).hasAnyAuthority(INTAKERS)
                        // what-if before deploy: the director's tool for a changed decision table
                        .requestMatchers(path(HttpMethod.POST, "/api/what-if")).hasAnyAuthority(PR_DIRECTOR)
                        // the director's trend figures and their denominators (issue 14): reading and entering
                        .requestMatchers(path(null, "/api/director/**")).hasAnyAuthority(PR_DIRECTOR)
                        .requestMatchers(path(HttpMethod.GET, "/api/audit/**"), path(HttpMethod.HEAD, "/api/audit/**"))
                        .hasAnyAuthority(AUDIT_READERS)
                        .requestMatchers(path(null, "/api/audit/**")).denyAll()
                        // the default for every other endpoint of the API, present or future
                        .requestMatchers(path(HttpMethod.GET, "/api/**"), path(HttpMethod.HEAD, "/api/**"))
                        .hasAnyAuthority(READERS)
                        .requestMatchers(path(null, "/api/**")).hasAnyAuthority(CHANGERS)
                        // engine-rest, OpenAPI, Swagger UI and anything else: a known user; the engine's
                        // authorizations decide what engine-rest may do for that user
                        .anyRequest().authenticated())
                .httpBasic(b -> b.realmName(REALM).authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // stateless; and a webapp session that comes along (one sign-in on /api) keeps its id: Spring's
                // session-fixation defence would otherwise hand the browser a new one on every API call
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(f -> f.none()))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                // the webapp session on /api (before Basic, which wins when an Authorization header is sent)
                .addFilterBefore(new WebappSessionSignIn(identity, engine.getAuthorizationService(), engine.getName(),
                        problems), BasicAuthenticationFilter.class)
                // same position, kept in this order: the engine learns the user, then the body is checked
                .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
                .addFilterAfter(new ApiInputFilter(json), AuthorizationFilter.class)
                .build();
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }
}
