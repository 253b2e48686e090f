package io.closeloop.engine.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import io.closeloop.engine.web.ApiRequestLimitFilter;
import io.closeloop.engine.web.IntakeLimits;
import io.closeloop.ui.security.TenantScope;
import io.closeloop.workers.connector.Secret;

/**
 * Two doors: {@code /api/**} for integrations, by API key, stateless and without CSRF (no
 * cookies are involved); everything else for people, by form login, with CSRF on every
 * form.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties, IntakeLimits limits,
			SignInThrottle throttle) throws Exception {
		return http.securityMatcher("/api/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new ApiKeyAuthenticationFilter(properties.apiKeys(), throttle),
					UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new SignInThrottleFilter(throttle), ApiKeyAuthenticationFilter.class)
			.addFilterAfter(new ApiRequestLimitFilter(limits), ApiKeyAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("INTEGRATION"))
			.exceptionHandling((errors) -> errors.authenticationEntryPoint((request, response, ex) -> {
				response.setStatus(HttpStatus.UNAUTHORIZED.value());
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.getWriter()
					.write("{\"status\":401,\"error\":\"Unauthorized\",\"message\":\"Send a valid API key in the "
							+ ApiKeyAuthenticationFilter.HEADER + " header\"}");
			}))
			.build();
	}

	/**
	 * The one route that takes HTTP Basic: scrapers of {@code /actuator/prometheus}
	 * cannot fill in a login form.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain scraperSecurity(HttpSecurity http, SignInThrottle throttle) throws Exception {
		return http.securityMatcher("/actuator/prometheus")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new SignInThrottleFilter(throttle), BasicAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("SUPERVISOR"))
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain uiSecurity(HttpSecurity http, SignInThrottle throttle) throws Exception {
		return http.addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/login", "/css/**", "/error", "/actuator/health", "/actuator/health/**",
						"/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole("SUPERVISOR")
				.requestMatchers(HttpMethod.POST, "/autonomy/**")
				.hasRole("SUPERVISOR")
				.anyRequest()
				.hasAnyRole("TECHNICIAN", "SUPERVISOR"))
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/tasks", false).permitAll())
			.logout(Customizer.withDefaults())
			.build();
	}

	private static String[] authorities(SecurityProperties.User user) {
		List<String> authorities = new ArrayList<>();
		user.roles().forEach((role) -> authorities.add("ROLE_" + role));
		user.tenants().forEach((tenant) -> authorities.add(TenantScope.AUTHORITY_PREFIX + tenant));
		return authorities.toArray(String[]::new);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService users(SecurityProperties properties) {
		List<UserDetails> users = properties.users()
			.stream()
			.map((user) -> User.withUsername(user.username())
				.password(Secret.valueOf(user.password()))
				.authorities(authorities(user))
				.build())
			.toList();
		return new InMemoryUserDetailsManager(users);
	}

}
