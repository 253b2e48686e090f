package io.closeloop.engine.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TrendForecastRepository extends JpaRepository<TrendForecast, Long> {

	Optional<TrendForecast> findByTenantAndDeviceIdAndMetric(String tenant, String deviceId, String metric);

	/** Forecasts in a state since before a time, oldest first. */
	List<TrendForecast> findByStateAndOpenedAtBeforeOrderByIdAsc(TrendForecast.State state, Instant openedBefore,
			Pageable page);

}
