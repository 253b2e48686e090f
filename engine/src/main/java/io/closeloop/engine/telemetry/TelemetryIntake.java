package io.closeloop.engine.telemetry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes metric samples in: stores them, trims each series to its window, and has every
 * series it touched reviewed for a trend; starts the process of each forecast this
 * opened.
 */
@Service
class TelemetryIntake {

	private final TelemetrySampleRepository samples;

	private final TrendForecasts forecasts;

	private final TrendSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	TelemetryIntake(TelemetrySampleRepository samples, TrendForecasts forecasts, TrendSettings settings,
			TransactionTemplate transactions, Clock clock) {
		this.clock = clock;
		this.samples = samples;
		this.forecasts = forecasts;
		this.settings = settings;
		this.transactions = transactions;
	}

	/** Stores the samples and returns the forecasts they opened. */
	List<TrendForecast> accept(List<TelemetryRequest> requests) {
		Map<Series, String> hostnames = this.transactions.execute((tx) -> store(requests));
		List<TrendForecast> opened = new ArrayList<>();
		hostnames.forEach((series, hostname) -> this.forecasts.review(series, hostname).ifPresent(opened::add));
		opened.forEach(this.forecasts::startProcess);
		return opened;
	}

	/** Stores the samples; returns the series touched, each with its latest hostname. */
	private Map<Series, String> store(List<TelemetryRequest> requests) {
		Instant now = this.clock.instant();
		Map<Series, String> hostnames = new LinkedHashMap<>();
		List<TelemetrySample> received = new ArrayList<>();
		for (TelemetryRequest request : requests) {
			received.add(new TelemetrySample(request.tenant(), request.device().id(), request.device().hostname(),
					request.metric(), request.value(), request.at(), now));
			if (request.device().hostname() != null || !hostnames.containsKey(request.series())) {
				hostnames.put(request.series(), request.device().hostname());
			}
		}
		this.samples.saveAll(received);
		this.samples.flush();
		hostnames.keySet().forEach(this::trim);
		return hostnames;
	}

	/** Keeps the series to its window, counted back from its newest sample. */
	private void trim(Series series) {
		this.samples
			.findFirstByTenantAndDeviceIdAndMetricOrderByAtDesc(series.tenant(), series.deviceId(), series.metric())
			.ifPresent((newest) -> this.samples.deleteOlderThan(series.tenant(), series.deviceId(), series.metric(),
					newest.getAt().minus(this.settings.window())));
	}

}
