package io.closeloop.workers.connector.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.workers.connector.ConnectorException;

/**
 * Reads a vendor's JSON answers. A body that is not JSON is a {@link ConnectorException}:
 * a proxy's HTML error page or a truncated answer is usually an outage that passes.
 */
public final class VendorJson {

	private final ObjectMapper mapper;

	public VendorJson(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	public JsonNode read(String vendor, String operation, String body) {
		try {
			JsonNode node = this.mapper.readTree(body);
			if (node == null || node.isMissingNode()) {
				throw new ConnectorException(vendor + " " + operation + " answered with an empty body");
			}
			return node;
		}
		catch (JsonProcessingException ex) {
			// The parser's message quotes the body; keep only where it broke.
			throw new ConnectorException(vendor + " " + operation + " answered with malformed JSON at line "
					+ ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr());
		}
	}

	public String write(Object value) {
		try {
			return this.mapper.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write a request body", ex);
		}
	}

	/** A field that must be there, or a ConnectorException naming it. */
	public static JsonNode required(JsonNode node, String field, String vendor, String operation) {
		JsonNode value = node.path(field);
		if (value.isMissingNode() || value.isNull()) {
			throw new ConnectorException(vendor + " " + operation + " answered without '" + field + "'");
		}
		return value;
	}

	/** A field's text, or null when absent. */
	public static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isMissingNode() || value.isNull()) ? null : value.asText();
	}

}
