package io.closeloop.ui.tasks;

import java.util.List;

import io.closeloop.ui.security.TenantScope;

/**
 * The approval inbox as technicians work it; the application that owns the tasks
 * implements it.
 */
public interface ApprovalDesk {

	List<ApprovalTaskView> openTasks(TenantScope scope);

	/**
	 * Records a technician's decision and completes the waiting user task. Safe under
	 * races: of two technicians deciding the same task, one wins and the other is told
	 * who did.
	 */
	ApprovalOutcome decide(long taskId, boolean approve, String comment, String technician, TenantScope scope);

}
