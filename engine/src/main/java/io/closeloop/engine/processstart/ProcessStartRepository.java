package io.closeloop.engine.processstart;

import java.time.Instant;
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

	/** Records that the alert of this start was correlated, so it never is twice. */
	@Transactional
	@Modifying
	@Query("update ProcessStart s set s.correlated = true where s.alertId = :alertId")
	int correlated(long alertId);

	/** Puts every waiting start back to due, e.g. when the engine answers again. */
	@Transactional
	@Modifying
	@Query("update ProcessStart s set s.dueAt = :now where s.dueAt > :now")
	int allDueNow(Instant now);

}
