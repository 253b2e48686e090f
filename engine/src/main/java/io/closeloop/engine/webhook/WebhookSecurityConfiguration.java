package io.closeloop.engine.webhook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

import io.closeloop.engine.security.SignInThrottle;
import io.closeloop.engine.security.SignInThrottleFilter;
import io.closeloop.engine.web.ApiRequestLimitFilter;
import io.closeloop.engine.web.IntakeLimits;

/**
 * Webhooks have a door of their own, before the API key's: vendors cannot send
 * Closeloop's API key, so each call is authenticated by {@link WebhookAuthenticator}
 * against its vendor's secret instead. Bodies over the intake limit are refused first.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecurityConfiguration {

	@Bean
	@Order(0)
	SecurityFilterChain webhookSecurity(HttpSecurity http, IntakeLimits limits, SignInThrottle throttle)
			throws Exception {
		return http.securityMatcher("/api/webhooks/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.addFilterAfter(new ApiRequestLimitFilter(limits), SecurityContextHolderFilter.class)
			.addFilterBefore(new SignInThrottleFilter(throttle, true), ApiRequestLimitFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.build();
	}

}
