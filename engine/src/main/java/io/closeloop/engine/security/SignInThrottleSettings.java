package io.closeloop.engine.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed sign-ins are throttled ({@code closeloop.security.sign-in-throttle.*}).
 *
 * @param maxFailures failed logins or keys from one address within {@code window} that
 * lock the address out
 * @param window how far back failures count
 * @param lockout how long a locked-out address is refused every attempt to sign in
 * @param maxAddresses how many addresses are tracked at most; beyond it the oldest are
 * forgotten
 */
@ConfigurationProperties("closeloop.security.sign-in-throttle")
public record SignInThrottleSettings(@DefaultValue("5") int maxFailures, @DefaultValue("PT1M") Duration window,
		@DefaultValue("PT5M") Duration lockout, @DefaultValue("100000") int maxAddresses) {

	public SignInThrottleSettings {
		if (maxFailures < 1 || maxAddresses < 1 || window.isNegative() || window.isZero() || lockout.isNegative()
				|| lockout.isZero()) {
			throw new IllegalArgumentException(
					"closeloop.security.sign-in-throttle.max-failures, max-addresses, window and lockout must be positive");
		}
	}

}
