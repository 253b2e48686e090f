package io.closeloop.workers.approval;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.closeloop.workers.journal.AlertJournal;
import io.closeloop.rules.AlertStatus;

/**
 * Picks up approval jobs ({@value #TYPE}, Closeloop's own job type, so that on a shared
 * cluster it takes no other application's user tasks) and puts them in the technicians'
 * inbox. The job is not completed here: the technician's decision completes it, by its
 * key, from whichever instance the technician uses. The job is held for
 * {@code JOB_TIMEOUT_MS} at a time: when it runs out (the instance that took it died, or
 * nobody decided yet) any instance takes the same job again, and the inbox finds its task
 * by the key instead of opening a second one.
 */
@Component
public class ApprovalTaskWorker {

	public static final String TYPE = "closeloop-approval";

	/**
	 * How soon a task whose instance died is taken up by another: the job is handed out
	 * again this often while it waits, which only touches its task's row.
	 */
	static final long JOB_TIMEOUT_MS = 5L * 60 * 1000;

	private final ApprovalInbox inbox;

	private final AlertJournal journal;

	private final Clock clock;

	ApprovalTaskWorker(ApprovalInbox inbox, AlertJournal journal, Clock clock) {
		this.inbox = inbox;
		this.journal = journal;
		this.clock = clock;
	}

	@JobWorker(type = TYPE, autoComplete = false, timeout = JOB_TIMEOUT_MS,
			fetchVariables = { "alertId", "approvalSla" })
	public void openTask(JobClient client, ActivatedJob job, @Variable(name = "alertId") Long alertId,
			@Variable(name = "approvalSla") String approvalSla) {
		Instant dueAt = this.clock.instant().plus(parse(approvalSla));
		ApprovalOpening opening = this.inbox.taskOpened(new ApprovalRequest(job.getKey(), alertId,
				job.getProcessInstanceKey(), job.getElementInstanceKey(), dueAt));
		if (opening.decided().isPresent()) {
			ApprovalDecision decision = opening.decided().get();
			this.journal.step(alertId, "Approval carried over", (decision.approved() ? "approved" : "rejected") + " by "
					+ decision.technician() + " before the earlier process was lost; not asked again");
			client.newCompleteCommand(job.getKey()).variables(decision.variables()).send().join();
			return;
		}
		if (opening.alreadyWaiting()) {
			return;
		}
		this.journal.status(alertId, AlertStatus.AWAITING_APPROVAL, "waiting for a technician until " + dueAt);
	}

	private static Duration parse(String sla) {
		// The engine always starts instances with an SLA; without one the task is due at
		// once.
		return (sla != null) ? Duration.parse(sla) : Duration.ZERO;
	}

}
