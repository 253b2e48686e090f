package io.closeloop.workers.connector.tactical;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tactical RMM's rendered body template, when it arrives as one JSON string instead of an
 * object. Tactical pastes values into the template as they are, unescaped, so a {@code "}
 * in an alert's message makes the body invalid JSON; Tactical then sends the whole
 * rendered text as a JSON string. Its fields are read back from that text: as JSON read
 * leniently, if it is that, or else pair by pair, each value running from its
 * {@code "key":} to the next one (or to the closing brace). Only a flat template, like
 * the documented one, is read back that way.
 */
final class TemplateText {

	private static final ObjectMapper LENIENT = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
				JsonReadFeature.ALLOW_TRAILING_COMMA)
		.build();

	/** A key where a pair begins: after the opening brace or after a comma. */
	private static final Pattern KEY = Pattern.compile("(?:^\\s*\\{|,)\\s*\"([A-Za-z_][A-Za-z0-9_.\\-]*)\"\\s*:\\s*");

	private TemplateText() {
	}

	/** The fields read back from the text; none when it has no {@code "key":} pairs. */
	static ObjectNode fields(String text) {
		try {
			JsonNode node = LENIENT.readTree(text);
			if (node != null && node.isObject()) {
				return (ObjectNode) node;
			}
		}
		catch (JsonProcessingException ex) {
			// Broken JSON, which is why Tactical sent it as a string: read it pair by
			// pair.
		}
		String body = text.strip();
		int close = body.lastIndexOf('}');
		int end = (close >= 0) ? close : body.length();
		List<Pair> pairs = new ArrayList<>();
		Matcher key = KEY.matcher(body);
		while (key.find()) {
			pairs.add(new Pair(key.group(1), key.start(), key.end()));
		}
		ObjectNode fields = JsonNodeFactory.instance.objectNode();
		for (int i = 0; i < pairs.size(); i++) {
			Pair pair = pairs.get(i);
			int valueEnd = (i + 1 < pairs.size()) ? pairs.get(i + 1).start() : end;
			if (valueEnd < pair.valueStart() || fields.has(pair.name())) {
				continue;
			}
			String raw = body.substring(pair.valueStart(), valueEnd).strip();
			if (!raw.isEmpty() && !"null".equals(raw)) {
				fields.put(pair.name(), value(raw));
			}
		}
		return fields;
	}

	/** A quoted value without its quotes and escapes; anything else as written. */
	private static String value(String raw) {
		if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
			return unescape(raw.substring(1, raw.length() - 1));
		}
		return raw;
	}

	private static String unescape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c != '\\' || i + 1 >= text.length()) {
				out.append(c);
				i++;
				continue;
			}
			char next = text.charAt(i + 1);
			switch (next) {
				case '"', '\\', '/' -> out.append(next);
				case 'n' -> out.append('\n');
				case 't' -> out.append('\t');
				case 'r' -> out.append('\r');
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'u' -> {
					if (i + 6 <= text.length() && text.substring(i + 2, i + 6).matches("[0-9A-Fa-f]{4}")) {
						out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
						i += 4;
					}
					else {
						out.append(c).append(next);
					}
				}
				default -> out.append(c).append(next);
			}
			i += 2;
		}
		return out.toString();
	}

	private record Pair(String name, int start, int valueStart) {

	}

}
