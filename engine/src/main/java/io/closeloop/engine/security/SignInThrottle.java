package io.closeloop.engine.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins (a wrong password, an unknown API key) per client address, and
 * locks out an address that fails too often: for {@code lockout}, every attempt from it
 * to sign in is refused with 429, right or wrong, so guessing costs hours instead of
 * seconds. Requests on an existing session are not attempts and are never refused. Behind
 * a reverse proxy the address is the one the proxy forwards
 * ({@code server.forward-headers-strategy}).
 */
@Component
@EnableConfigurationProperties(SignInThrottleSettings.class)
public class SignInThrottle {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	private final SignInThrottleSettings settings;

	private final Clock clock;

	/** Per address, oldest first. */
	private final Map<String, Record> addresses = new LinkedHashMap<>();

	SignInThrottle(SignInThrottleSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/** How much longer the address is locked out; zero when it may try. */
	public synchronized Duration lockedFor(String address) {
		Record record = this.addresses.get(address);
		if (record == null || record.lockedUntil == null) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(this.clock.instant(), record.lockedUntil);
		return left.isNegative() ? Duration.ZERO : left;
	}

	/** A failed sign-in from the address. */
	public synchronized void failed(String address) {
		Instant now = this.clock.instant();
		Record record = this.addresses.remove(address);
		if (record == null) {
			record = new Record();
		}
		// Kept last: the least recently failing address is forgotten first.
		this.addresses.put(address, record);
		record.failures.addLast(now);
		while (!record.failures.isEmpty() && record.failures.peekFirst().isBefore(now.minus(this.settings.window()))) {
			record.failures.removeFirst();
		}
		if (record.failures.size() >= this.settings.maxFailures()
				&& (record.lockedUntil == null || record.lockedUntil.isBefore(now))) {
			record.lockedUntil = now.plus(this.settings.lockout());
			record.failures.clear();
			log.warn("Sign-ins from {} locked out for {} after {} failures within {}", address, this.settings.lockout(),
					this.settings.maxFailures(), this.settings.window());
		}
		forgetBeyondCapacity();
	}

	/** Failed logins (form or Basic) as Spring Security reports them. */
	@EventListener
	void loginFailed(AbstractAuthenticationFailureEvent event) {
		if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) {
			failed(details.getRemoteAddress());
		}
	}

	/** Forgets every address: an operator's unlock, and a clean start for tests. */
	public synchronized void forgetAll() {
		this.addresses.clear();
	}

	private void forgetBeyondCapacity() {
		Iterator<Record> oldest = this.addresses.values().iterator();
		while (this.addresses.size() > this.settings.maxAddresses() && oldest.hasNext()) {
			oldest.next();
			oldest.remove();
		}
	}

	private static final class Record {

		private final Deque<Instant> failures = new ArrayDeque<>();

		private Instant lockedUntil;

	}

}
