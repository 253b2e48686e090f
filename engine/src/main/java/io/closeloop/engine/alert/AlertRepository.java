package io.closeloop.engine.alert;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

import io.closeloop.workers.journal.AlertStatus;

public interface AlertRepository extends JpaRepository<Alert, Long> {

	Optional<Alert> findBySourceAndExternalId(String source, String externalId);

	/**
	 * Records the process instance without touching the version: the first worker may
	 * already be updating the alert, and the two must not fail each other.
	 */
	@Transactional
	@Modifying
	@Query("update Alert a set a.processInstanceKey = :key where a.id = :id")
	int processStarted(long id, long key);

	/** Links an alert to its incident once; returns 0 when it already was. */
	@Transactional
	@Modifying
	@Query("update Alert a set a.incidentId = :incidentId where a.id = :id and a.incidentId is null")
	int linkIncident(long id, long incidentId);

	@Transactional
	@Modifying
	@Query("update Alert a set a.recurrenceOf = :earlier where a.id = :id and a.recurrenceOf is null")
	int linkRecurrence(long id, long earlier);

	/**
	 * Alerts whose process was running when it was lost with the embedded engine's
	 * memory.
	 */
	@Query("select a from Alert a where a.processInstanceKey is not null and a.status not in :finals")
	List<Alert> findInFlight(Collection<AlertStatus> finals);

	List<Alert> findByOrderByIdDesc(Pageable page);

	List<Alert> findByTenantInOrderByIdDesc(Collection<String> tenants, Pageable page);

	/**
	 * Alerts stored whose process was never started (the engine was unreachable at the
	 * time).
	 */
	List<Alert> findByStatusAndProcessInstanceKeyIsNullAndReceivedAtBeforeOrderByIdAsc(AlertStatus status,
			Instant receivedBefore, Pageable page);

}
