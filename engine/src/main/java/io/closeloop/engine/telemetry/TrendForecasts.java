package io.closeloop.engine.telemetry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.closeloop.engine.instance.SingletonTasks;

/**
 * Keeps one forecast per series: reviews a series after new samples, opens a forecast
 * when its trend projects exhaustion within the horizon, and starts the
 * proactive-maintenance process for it once. A forecast whose process could not be
 * started (the engine was down) stays pending and is started by {@link #startPending()}.
 */
@Service
class TrendForecasts {

	private static final Logger log = LoggerFactory.getLogger(TrendForecasts.class);

	/**
	 * Leaves a just-opened forecast to the request that opened it before the retrier
	 * picks it up.
	 */
	private static final Duration PENDING_GRACE = Duration.ofSeconds(15);

	private final TrendForecastRepository forecasts;

	private final TelemetrySampleRepository samples;

	private final TrendDetector detector;

	private final TrendSettings settings;

	private final MaintenanceProcess process;

	private final TransactionTemplate transactions;

	private final SingletonTasks singletons;

	private final Duration pendingRetryInterval;

	private final Clock clock;

	TrendForecasts(TrendForecastRepository forecasts, TelemetrySampleRepository samples, TrendDetector detector,
			TrendSettings settings, MaintenanceProcess process, TransactionTemplate transactions,
			SingletonTasks singletons,
			@Value("${closeloop.intake.pending-retry-interval:PT10S}") Duration pendingRetryInterval, Clock clock) {
		this.clock = clock;
		this.singletons = singletons;
		this.pendingRetryInterval = pendingRetryInterval;
		this.forecasts = forecasts;
		this.samples = samples;
		this.detector = detector;
		this.settings = settings;
		this.process = process;
		this.transactions = transactions;
	}

	/**
	 * Fits the series as it now stands and returns the forecast this opened, if it opened
	 * one. An open forecast is cleared once the metric has recovered past where it stood
	 * when the forecast opened and no longer projects exhaustion, so a fix ends it but
	 * noise around a falling line does not.
	 */
	Optional<TrendForecast> review(Series series, String deviceHostname) {
		if (Exhaustion.of(series.metric()).isEmpty()) {
			return Optional.empty();
		}
		try {
			return this.transactions.execute((tx) -> reviewInTransaction(series, deviceHostname));
		}
		catch (DataIntegrityViolationException | OptimisticLockingFailureException ex) {
			// Samples of the same series arrived at once and the other request opened it.
			log.debug("Forecast for {} opened concurrently: {}", series, ex.getMessage());
			return Optional.empty();
		}
	}

	private Optional<TrendForecast> reviewInTransaction(Series series, String deviceHostname) {
		List<Reading> readings = this.samples
			.findByTenantAndDeviceIdAndMetricAndAtGreaterThanEqualOrderByAtAscIdAsc(series.tenant(), series.deviceId(),
					series.metric(), newest(series).minus(this.settings.window()))
			.stream()
			.map(TelemetrySample::reading)
			.toList();
		Optional<Projection> projection = this.detector.detect(series.metric(), readings);
		Optional<TrendForecast> existing = this.forecasts.findByTenantAndDeviceIdAndMetric(series.tenant(),
				series.deviceId(), series.metric());
		if (existing.isPresent() && existing.get().isOpen()) {
			clearIfRecovered(existing.get(), readings, projection);
			return Optional.empty();
		}
		if (projection.isEmpty()) {
			return Optional.empty();
		}
		TrendForecast forecast = existing.orElse(null);
		if (forecast == null) {
			forecast = new TrendForecast(series, deviceHostname, projection.get(), this.clock.instant());
		}
		else {
			forecast.open(deviceHostname, projection.get(), this.clock.instant());
		}
		return Optional.of(this.forecasts.saveAndFlush(forecast));
	}

	private void clearIfRecovered(TrendForecast forecast, List<Reading> readings, Optional<Projection> projection) {
		if (projection.isPresent() || readings.isEmpty()) {
			return;
		}
		double latest = readings.get(readings.size() - 1).value();
		Exhaustion exhaustion = Exhaustion.of(forecast.getMetric()).orElseThrow();
		if (exhaustion.recoveredBeyond(latest, forecast.getCurrentValue())) {
			forecast.clear(this.clock.instant());
			log.info("Forecast {} cleared: {} on {} recovered to {}", forecast.getId(), forecast.getMetric(),
					forecast.getDeviceId(), latest);
		}
	}

	private Instant newest(Series series) {
		return this.samples
			.findFirstByTenantAndDeviceIdAndMetricOrderByAtDesc(series.tenant(), series.deviceId(), series.metric())
			.map(TelemetrySample::getAt)
			.orElseGet(this.clock::instant);
	}

	/** Starts the forecast's process and records it; leaves it pending on failure. */
	void startProcess(TrendForecast forecast) {
		long key;
		try {
			key = this.process.start(forecast);
		}
		catch (RuntimeException ex) {
			log.warn("Could not start proactive maintenance for forecast {} yet: {}", forecast.getId(),
					ex.getMessage());
			return;
		}
		this.transactions.executeWithoutResult(
				(tx) -> this.forecasts.findById(forecast.getId()).ifPresent((stored) -> stored.processStarted(key)));
		log.info("Proactive maintenance started for forecast {} ({} on {}, {} days left): instance {}",
				forecast.getId(), forecast.getMetric(), forecast.getDeviceId(), forecast.getDaysLeft(), key);
	}

	/**
	 * Starts processes for forecasts opened while the engine could not be reached, oldest
	 * first; in one instance at a time.
	 */
	@Scheduled(fixedDelayString = "${closeloop.intake.pending-retry-interval:PT10S}")
	void startPendingInOneInstance() {
		this.singletons.runOnceEvery("trend-forecasts-pending", this.pendingRetryInterval, this::startPending);
	}

	void startPending() {
		List<TrendForecast> pending = this.forecasts.findByStateAndOpenedAtBeforeOrderByIdAsc(
				TrendForecast.State.PENDING, this.clock.instant().minus(PENDING_GRACE), PageRequest.of(0, 100));
		for (TrendForecast forecast : pending) {
			startProcess(forecast);
		}
	}

}
