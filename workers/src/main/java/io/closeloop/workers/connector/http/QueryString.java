package io.closeloop.workers.connector.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A URL query built from names and values, each value encoded, so a filter built from an
 * alert's data (a device id, a search term) stays one parameter. Immutable.
 */
public final class QueryString {

	private final Map<String, String> parameters;

	private QueryString(Map<String, String> parameters) {
		this.parameters = parameters;
	}

	public static QueryString of() {
		return new QueryString(Map.of());
	}

	/**
	 * This query with the parameter added, or replaced when already there; a null value
	 * leaves it out. This query stays as it was.
	 */
	public QueryString with(String name, Object value) {
		if (value == null) {
			return this;
		}
		Map<String, String> parameters = new LinkedHashMap<>(this.parameters);
		parameters.put(name, value.toString());
		return new QueryString(parameters);
	}

	/** {@code ?a=1&b=x%20y}, or an empty string when there are no parameters. */
	@Override
	public String toString() {
		if (this.parameters.isEmpty()) {
			return "";
		}
		return this.parameters.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&", "?", ""));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
