package io.closeloop.engine.approval;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApprovalTaskRepository extends JpaRepository<ApprovalTask, Long> {

	Optional<ApprovalTask> findByJobKeyAndAlertId(long jobKey, long alertId);

	/** The alert's latest task in one of the states, e.g. the last answered one. */
	Optional<ApprovalTask> findFirstByAlertIdAndStateInOrderByIdDesc(long alertId,
			Collection<ApprovalTask.State> states);

	List<ApprovalTask> findByStateOrderByDueAtAsc(ApprovalTask.State state);

	/** Tasks still waiting (or being decided) when their alert closed are moot. */
	@Modifying(flushAutomatically = true)
	@Query("update ApprovalTask t set t.state = io.closeloop.engine.approval.ApprovalTask.State.MOOT, "
			+ "t.version = t.version + 1 where t.alertId = :alertId and t.state in ("
			+ "io.closeloop.engine.approval.ApprovalTask.State.OPEN, "
			+ "io.closeloop.engine.approval.ApprovalTask.State.DECIDING)")
	int mootForAlert(long alertId);

	/**
	 * Every task of a lost engine is moot: its job no longer exists, and its key may be
	 * reused.
	 */
	@Modifying(flushAutomatically = true)
	@Query("update ApprovalTask t set t.state = io.closeloop.engine.approval.ApprovalTask.State.MOOT, "
			+ "t.version = t.version + 1 where t.state in (" + "io.closeloop.engine.approval.ApprovalTask.State.OPEN, "
			+ "io.closeloop.engine.approval.ApprovalTask.State.DECIDING)")
	int mootAll();

	/**
	 * Gives a claimed task back when its decision could not be delivered, unless it moved
	 * on meanwhile.
	 */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update ApprovalTask t set t.state = io.closeloop.engine.approval.ApprovalTask.State.OPEN, "
			+ "t.decidedBy = null, t.version = t.version + 1 "
			+ "where t.id = :id and t.state = io.closeloop.engine.approval.ApprovalTask.State.DECIDING")
	int release(long id);

	/**
	 * Claims an open task for one technician's decision. Only one concurrent caller gets
	 * 1 back; the others find the task no longer open.
	 */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update ApprovalTask t set t.state = io.closeloop.engine.approval.ApprovalTask.State.DECIDING, "
			+ "t.decidedBy = :technician, t.decidedAt = :at, t.version = t.version + 1 "
			+ "where t.id = :id and t.state = io.closeloop.engine.approval.ApprovalTask.State.OPEN")
	int claim(long id, String technician, Instant at);

	/**
	 * Decisions claimed but never finished: the application stopped while delivering
	 * them.
	 */
	List<ApprovalTask> findByStateAndDecidedAtBefore(ApprovalTask.State state, Instant before);

}
