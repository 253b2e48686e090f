package io.closeloop.engine.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import io.closeloop.workers.journal.AlertStatus;

public interface AlertRepository extends JpaRepository<Alert, Long> {

	Optional<Alert> findBySourceAndExternalId(String source, String externalId);

	List<Alert> findByOrderByIdDesc(Pageable page);

	/**
	 * Alerts stored whose process was never started (the engine was unreachable at the
	 * time).
	 */
	List<Alert> findByStatusAndProcessInstanceKeyIsNullAndReceivedAtBeforeOrderByIdAsc(AlertStatus status,
			Instant receivedBefore, Pageable page);

}
