package io.closeloop.workers.connector.connectwise;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.workers.connector.ConnectorException;
import io.closeloop.workers.connector.VendorRejectedException;
import io.closeloop.workers.connector.http.HttpSettings;
import io.closeloop.workers.connector.http.Idempotence;
import io.closeloop.workers.connector.http.Redactor;
import io.closeloop.workers.connector.http.VendorHttp;
import io.closeloop.workers.connector.http.VendorJson;
import io.closeloop.workers.connector.webhook.WebhookRejected;
import io.closeloop.workers.connector.webhook.WebhookSettings;

/**
 * The signing keys ConnectWise names in its callbacks ({@code Metadata.key_url}, which
 * answers {@code {"signing_key": "..."}}). A key is fetched only from a configured host,
 * over https on its default port unless a whole origin is configured, never through a
 * redirect; it is kept by its URL, and fetched once more when a signature does not match
 * the key kept (ConnectWise rotated it) before the callback is refused.
 */
@Component
public class CallbackSigningKeys {

	private static final Logger log = LoggerFactory.getLogger(CallbackSigningKeys.class);

	/** How long a fetched key is kept. */
	static final Duration KEEP = Duration.ofHours(1);

	/**
	 * A key fetched this recently is not fetched again for a signature it does not match:
	 * a rotation is not that quick, and a stream of forged signatures must not become a
	 * stream of requests to ConnectWise.
	 */
	static final Duration REFETCH_AFTER = Duration.ofSeconds(10);

	/** Keys kept at most; the least recently used goes first. */
	static final int MAX_KEPT = 256;

	/**
	 * Short: the callback waits for the fetch, and ConnectWise for the callback's answer.
	 */
	static final HttpSettings HTTP = new HttpSettings(Duration.ofSeconds(3), Duration.ofSeconds(5), 2,
			Duration.ofMillis(200), Duration.ofSeconds(1));

	private final VendorHttp http;

	private final VendorJson json;

	private final Clock clock;

	private final Map<URI, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<URI, Kept> eldest) {
			return size() > MAX_KEPT;
		}

	};

	public CallbackSigningKeys(ObjectMapper json, Clock clock) {
		this.http = new VendorHttp(ConnectWiseApi.VENDOR.displayName(), HTTP, new Redactor(), clock);
		this.json = new VendorJson(json);
		this.clock = clock;
	}

	/**
	 * Whether the callback is signed with the key its {@code key_url} names.
	 * @param keyUrl the callback's {@code Metadata.key_url}, not yet trusted
	 * @param allowed where keys may be fetched from
	 * @param signedWith whether the signature was made with a signing key
	 * @throws WebhookRejected 401 when the URL is not one keys are fetched from or
	 * ConnectWise refuses it; 503 when the key cannot be fetched now
	 */
	boolean verify(URI keyUrl, WebhookSettings.KeyUrl allowed, Predicate<String> signedWith) {
		if (!isAllowed(keyUrl, allowed.hosts())) {
			throw refused("its Metadata.key_url names " + origin(keyUrl)
					+ ", which is not in closeloop.webhooks.connectwise.key-url.hosts; the key was not fetched");
		}
		Instant now = this.clock.instant();
		Kept known = known(keyUrl, now);
		if (known != null) {
			if (signedWith.test(known.key())) {
				return true;
			}
			if (now.isBefore(known.fetchedAt().plus(REFETCH_AFTER))) {
				return false;
			}
			// Not the URL itself: whoever has it can fetch the key.
			log.info("A ConnectWise callback is not signed with the key kept for its key URL on {}; fetching it again",
					origin(keyUrl));
		}
		String key = fetch(keyUrl);
		synchronized (this.kept) {
			this.kept.put(keyUrl, new Kept(key, now));
		}
		return signedWith.test(key);
	}

	private Kept known(URI keyUrl, Instant now) {
		synchronized (this.kept) {
			Kept known = this.kept.get(keyUrl);
			if (known != null && !now.isBefore(known.fetchedAt().plus(KEEP))) {
				this.kept.remove(keyUrl);
				return null;
			}
			return known;
		}
	}

	private String fetch(URI keyUrl) {
		String body;
		try {
			body = this.http
				.send("fetch-signing-key", Idempotence.IDEMPOTENT, () -> this.http.request(keyUrl).GET().build())
				.body();
		}
		catch (VendorRejectedException ex) {
			throw refused("ConnectWise answered HTTP " + ex.status() + " for its Metadata.key_url");
		}
		catch (ConnectorException ex) {
			throw unavailable(ex.getMessage());
		}
		JsonNode key;
		try {
			key = this.json.read(ConnectWiseApi.VENDOR.displayName(), "fetch-signing-key", body).get("signing_key");
		}
		catch (ConnectorException ex) {
			throw unavailable(ex.getMessage());
		}
		if (key == null || !key.isTextual() || key.asText().isBlank()) {
			throw unavailable("ConnectWise answered its Metadata.key_url without a signing_key");
		}
		return key.asText();
	}

	/** An https URL on a configured host and its default port, or a configured origin. */
	static boolean isAllowed(URI url, List<String> hosts) {
		if (url == null || url.getHost() == null || url.getRawUserInfo() != null || url.getRawFragment() != null) {
			return false;
		}
		String origin = origin(url);
		for (String configured : hosts) {
			String entry = configured.trim().toLowerCase(Locale.ROOT);
			if (entry.contains("://") ? origin.equals(origin(URI.create(entry)))
					: origin.equals("https://" + entry + ":443")) {
				return true;
			}
		}
		return false;
	}

	/** The URL's scheme, host and port, the port spelled out. */
	static String origin(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		int port = (url.getPort() != -1) ? url.getPort() : switch (scheme) {
			case "https" -> 443;
			case "http" -> 80;
			default -> -1;
		};
		String host = (url.getHost() != null) ? url.getHost().toLowerCase(Locale.ROOT) : "";
		return scheme + "://" + host + ":" + port;
	}

	private static WebhookRejected refused(String why) {
		return new WebhookRejected(WebhookRejected.Reason.UNAUTHENTICATED, "Not authenticated as connectwise: " + why,
				List.of());
	}

	private static WebhookRejected unavailable(String why) {
		return new WebhookRejected(WebhookRejected.Reason.UNAVAILABLE,
				"The callback's signing key could not be fetched (" + why + "); nothing was stored: send it again",
				List.of());
	}

	/** A key and when it was fetched. */
	private record Kept(String key, Instant fetchedAt) {

		@Override
		public String toString() {
			return "Kept[fetchedAt=" + this.fetchedAt + "]";
		}

	}

}
