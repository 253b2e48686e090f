package io.closeloop.engine.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

public interface TelemetrySampleRepository extends JpaRepository<TelemetrySample, Long> {

	/** A series' samples from a time on, oldest first (ties in the order received). */
	List<TelemetrySample> findByTenantAndDeviceIdAndMetricAndAtGreaterThanEqualOrderByAtAscIdAsc(String tenant,
			String deviceId, String metric, Instant from);

	Optional<TelemetrySample> findFirstByTenantAndDeviceIdAndMetricOrderByAtDesc(String tenant, String deviceId,
			String metric);

	/** Deletes a series' samples older than a time, in one statement. */
	@Transactional
	@Modifying
	@Query("delete from TelemetrySample s where s.tenant = :tenant and s.deviceId = :deviceId"
			+ " and s.metric = :metric and s.at < :before")
	int deleteOlderThan(@Param("tenant") String tenant, @Param("deviceId") String deviceId,
			@Param("metric") String metric, @Param("before") Instant before);

}
