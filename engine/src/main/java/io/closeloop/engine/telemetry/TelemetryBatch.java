package io.closeloop.engine.telemetry;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/telemetry}: one sample, or a JSON array of them. Both shapes become a
 * list, validated element by element, so every bad field of every sample is reported.
 */
@JsonDeserialize(using = TelemetryBatch.OneOrMany.class)
public record TelemetryBatch(
		@NotEmpty @Size(max = TelemetryBatch.MAX_SAMPLES) List<@NotNull @Valid TelemetryRequest> samples) {

	static final int MAX_SAMPLES = 5000;

	/**
	 * Reads a single sample object as a batch of one, and an array as it is. A value of
	 * the wrong type is reported at the same path validation uses
	 * ({@code samples[1].value}), whichever shape was sent.
	 */
	static class OneOrMany extends JsonDeserializer<TelemetryBatch> {

		@Override
		public TelemetryBatch deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			try {
				if (parser.currentToken() != JsonToken.START_OBJECT) {
					return new TelemetryBatch(context.readValue(parser,
							context.getTypeFactory().constructCollectionType(List.class, TelemetryRequest.class)));
				}
				try {
					return new TelemetryBatch(List.of(context.readValue(parser, TelemetryRequest.class)));
				}
				catch (JsonMappingException ex) {
					throw JsonMappingException.wrapWithPath(ex, List.class, 0);
				}
			}
			catch (JsonMappingException ex) {
				throw JsonMappingException.wrapWithPath(ex, TelemetryBatch.class, "samples");
			}
		}

	}

}
