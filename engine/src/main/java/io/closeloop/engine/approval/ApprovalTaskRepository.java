package io.closeloop.engine.approval;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApprovalTaskRepository extends JpaRepository<ApprovalTask, Long> {

	Optional<ApprovalTask> findByJobKeyAndAlertId(long jobKey, long alertId);

	/** The alert's latest task that a technician decided, whatever became of it. */
	Optional<ApprovalTask> findFirstByAlertIdAndApprovedIsNotNullOrderByIdDesc(long alertId);

	List<ApprovalTask> findByStateOrderByDueAtAsc(ApprovalTask.State state);

	/**
	 * Tasks still waiting when their alert closed are moot. One being decided is settled
	 * by what became of the alert, not mooted: the decision may be what closed it.
	 */
	@Modifying(flushAutomatically = true)
	@Query("update ApprovalTask t set t.state = io.closeloop.engine.approval.ApprovalTask.State.MOOT, "
			+ "t.version = t.version + 1 where t.alertId = :alertId and t.state = "
			+ "io.closeloop.engine.approval.ApprovalTask.State.OPEN")
	int mootForAlert(long alertId);

	/**
	 * Every task of a lost engine is moot: its job no longer exists, and its key may be
	 * reused. Only an earlier embedded engine's: not the running one's, nor a cluster's.
	 */
	@Modifying(flushAutomatically = true)
	@Query("update ApprovalTask t set t.state = io.closeloop.engine.approval.ApprovalTask.State.MOOT, "
			+ "t.version = t.version + 1 where t.state in (" + "io.closeloop.engine.approval.ApprovalTask.State.OPEN, "
			+ "io.closeloop.engine.approval.ApprovalTask.State.DECIDING) and (t.engineIncarnation is null"
			+ " or (t.engineIncarnation like 'embedded:%' and t.engineIncarnation <> :current))")
	int mootLostOn(String current);

	/**
	 * Claims an open task for one technician's decision, recording the decision. Only one
	 * concurrent caller gets 1 back; the others find the task no longer open.
	 */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update ApprovalTask t set t.state = io.closeloop.engine.approval.ApprovalTask.State.DECIDING, "
			+ "t.decidedBy = :technician, t.approved = :approved, t.decisionComment = :comment, t.decidedAt = :at, "
			+ "t.version = t.version + 1 "
			+ "where t.id = :id and t.state = io.closeloop.engine.approval.ApprovalTask.State.OPEN")
	int claim(long id, String technician, boolean approved, String comment, Instant at);

	/**
	 * Decisions recorded but not confirmed by the engine: the answer was lost, or the
	 * application stopped while delivering them.
	 */
	List<ApprovalTask> findByStateAndDecidedAtBefore(ApprovalTask.State state, Instant before);

}
