package io.closeloop.workers.connector.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Ids from alerts go into URL paths: encoded, so an odd id cannot reach another endpoint.
 */
public final class PathSegment {

	private PathSegment() {
	}

	public static String encode(String segment) {
		if (segment == null || segment.isBlank()) {
			throw new IllegalArgumentException("A device id is needed to call the RMM");
		}
		return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
