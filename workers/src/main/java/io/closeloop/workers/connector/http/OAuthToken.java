package io.closeloop.workers.connector.http;

import java.time.Instant;

/** A bearer token and when it stops working. */
public record OAuthToken(String value, Instant expiresAt) {

	@Override
	public String toString() {
		return "OAuthToken[value=" + Redactor.MASK + ", expiresAt=" + this.expiresAt + "]";
	}

}
