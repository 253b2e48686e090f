package io.closeloop.engine.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.persistence.AttributeConverter;

/** A value kept in a column as JSON. */
abstract class JsonColumn<T> implements AttributeConverter<T, String> {

	private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

	private final TypeReference<T> type;

	JsonColumn(TypeReference<T> type) {
		this.type = type;
	}

	/** What an empty value is written as: no JSON at all. */
	boolean isEmpty(T value) {
		return value == null;
	}

	@Override
	public String convertToDatabaseColumn(T value) {
		if (isEmpty(value)) {
			return null;
		}
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Cannot be kept as JSON: " + value, ex);
		}
	}

	@Override
	public T convertToEntityAttribute(String json) {
		if (json == null || json.isBlank()) {
			return null;
		}
		try {
			return JSON.readValue(json, this.type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored value is not valid JSON", ex);
		}
	}

}
