package io.closeloop.engine.approval;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApprovalTaskRepository extends JpaRepository<ApprovalTask, Long> {

	Optional<ApprovalTask> findByJobKey(long jobKey);

	List<ApprovalTask> findByStateOrderByDueAtAsc(ApprovalTask.State state);

	List<ApprovalTask> findByAlertIdAndState(long alertId, ApprovalTask.State state);

	/**
	 * Claims an open task for one technician's decision. Only one concurrent caller gets
	 * 1 back; the others find the task no longer open.
	 */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update ApprovalTask t set t.state = io.closeloop.engine.approval.ApprovalTask.State.DECIDING, "
			+ "t.decidedBy = :technician, t.version = t.version + 1 "
			+ "where t.id = :id and t.state = io.closeloop.engine.approval.ApprovalTask.State.OPEN")
	int claim(long id, String technician);

}
