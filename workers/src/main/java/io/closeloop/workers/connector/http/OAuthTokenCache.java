package io.closeloop.workers.connector.http;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import io.closeloop.workers.connector.VendorRejectedException;

/**
 * Keeps one bearer token and fetches a new one shortly before it expires, or when the
 * vendor rejects it (a token revoked or expired early). Fetches are serialised, so
 * concurrent workers that find it stale fetch once between them.
 */
public class OAuthTokenCache {

	private final Supplier<OAuthToken> fetch;

	private final Clock clock;

	private final Duration refreshBefore;

	private OAuthToken current;

	/**
	 * @param refreshBefore how long before its expiry a token is replaced, so none
	 * expires on its way to the vendor
	 */
	public OAuthTokenCache(Supplier<OAuthToken> fetch, Clock clock, Duration refreshBefore) {
		this.fetch = fetch;
		this.clock = clock;
		this.refreshBefore = refreshBefore;
	}

	public synchronized String token() {
		if (this.current == null
				|| !this.clock.instant().isBefore(this.current.expiresAt().minus(this.refreshBefore))) {
			this.current = this.fetch.get();
		}
		return this.current.value();
	}

	/**
	 * Makes a call with the token; when the vendor answers 401 (the token expired early
	 * or was revoked), makes it once more with a new token. A second 401 means the
	 * credentials themselves are refused, and is thrown.
	 */
	public <T> T authorized(Function<String, T> call) {
		String token = token();
		try {
			return call.apply(token);
		}
		catch (VendorRejectedException ex) {
			if (ex.status() != 401) {
				throw ex;
			}
			rejected(token);
			return call.apply(token());
		}
	}

	/**
	 * Forgets the token the vendor just rejected. Only that one: another thread may have
	 * replaced it already.
	 */
	public synchronized void rejected(String token) {
		if (this.current != null && this.current.value().equals(token)) {
			this.current = null;
		}
	}

}
