package io.closeloop.engine.alert;

import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import jakarta.persistence.Converter;

/** An alert's metrics as a JSON object; none as no JSON. */
@Converter
class MetricsColumn extends JsonColumn<Map<String, Double>> {

	MetricsColumn() {
		super(new TypeReference<>() {
		});
	}

	@Override
	boolean isEmpty(Map<String, Double> metrics) {
		return metrics == null || metrics.isEmpty();
	}

}
