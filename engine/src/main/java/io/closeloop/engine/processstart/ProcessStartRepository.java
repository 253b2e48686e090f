package io.closeloop.engine.processstart;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ProcessStartRepository extends JpaRepository<ProcessStart, Long> {

	/**
	 * The starts that are due, oldest alert first: alerts start in the order they came.
	 */
	List<ProcessStart> findByDueAtLessThanEqualOrderByAlertIdAsc(Instant now, Pageable page);

	/**
	 * Locks up to {@code limit} correlated starts due now, oldest alert first, skipping
	 * those another instance's claim has locked: two claims never get the same row, and
	 * neither waits for the other. Within the claim's transaction.
	 */
	@Query(value = "select alert_id from process_start where due_at <= :now and correlated = true"
			+ " order by alert_id limit :limit for update skip locked", nativeQuery = true)
	List<Long> lockDue(Instant now, int limit);

	/** Claims the locked starts for one instance: not due for the others until then. */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update ProcessStart s set s.claimedBy = :instance, s.dueAt = :until where s.alertId in :alertIds")
	int claim(Collection<Long> alertIds, String instance, Instant until);

	List<ProcessStart> findByAlertIdInOrderByAlertIdAsc(Collection<Long> alertIds);

	/** New alerts' starts, oldest first: correlated in the order the alerts came. */
	List<ProcessStart> findByCorrelatedFalseOrderByAlertIdAsc(Pageable page);

	/** Records that the alert of this start was correlated, so it never is twice. */
	@Transactional
	@Modifying
	@Query("update ProcessStart s set s.correlated = true where s.alertId = :alertId")
	int correlated(long alertId);

	/**
	 * Puts every waiting start back to due, e.g. when the engine answers again; not those
	 * an instance is sending now.
	 */
	@Transactional
	@Modifying
	@Query("update ProcessStart s set s.dueAt = :now where s.dueAt > :now and s.claimedBy is null")
	int allDueNow(Instant now);

}
