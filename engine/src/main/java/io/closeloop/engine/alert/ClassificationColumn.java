package io.closeloop.engine.alert;

import com.fasterxml.jackson.core.type.TypeReference;

import io.closeloop.rules.Classification;
import jakarta.persistence.Converter;

/** An alert's classification as JSON. */
@Converter
class ClassificationColumn extends JsonColumn<Classification> {

	ClassificationColumn() {
		super(new TypeReference<>() {
		});
	}

}
