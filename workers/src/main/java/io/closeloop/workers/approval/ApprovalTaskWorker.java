package io.closeloop.workers.approval;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.closeloop.workers.journal.AlertJournal;
import io.closeloop.rules.AlertStatus;

/**
 * Picks up approval user tasks (job-worker based: Zeebe hands a user task without a
 * Camunda user task definition to job workers of this type) and puts them in the
 * technicians' inbox. The job is not completed here: the technician's decision completes
 * it.
 */
@Component
public class ApprovalTaskWorker {

	static final String TYPE = "io.camunda.zeebe:userTask";

	/**
	 * Long enough that a pending approval is not handed out again while it waits; the
	 * approval SLA timer on the task escalates long before.
	 */
	private static final long JOB_TIMEOUT_MS = 7L * 24 * 60 * 60 * 1000;

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
		Optional<ApprovalDecision> earlier = this.inbox.taskOpened(new ApprovalRequest(job.getKey(), alertId,
				job.getProcessInstanceKey(), job.getElementInstanceKey(), dueAt));
		if (earlier.isPresent()) {
			ApprovalDecision decision = earlier.get();
			this.journal.step(alertId, "Approval carried over", (decision.approved() ? "approved" : "rejected") + " by "
					+ decision.technician() + " before the earlier process was lost; not asked again");
			client.newCompleteCommand(job.getKey()).variables(decision.variables()).send().join();
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
