package io.closeloop.workers.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.closeloop.rules.AlertFact;
import io.closeloop.rules.AlertStatus;
import io.closeloop.rules.Decision;
import io.closeloop.workers.connector.TicketRef;
import io.closeloop.workers.journal.AlertJournal;

/**
 * The approval worker takes Closeloop's own job type, and a job handed out again (its
 * instance died, or its timeout ran out) to another instance is the same task, announced
 * once.
 */
class ApprovalTaskWorkerTests {

	private final Inbox inbox = new Inbox();

	private final Journal journal = new Journal();

	@Test
	void shouldTakeClosesloopsOwnJobTypeAndNotEveryApplicationsUserTasks() throws NoSuchMethodException {
		JobWorker worker = ApprovalTaskWorker.class
			.getMethod("openTask", JobClient.class, ActivatedJob.class, Long.class, String.class)
			.getAnnotation(JobWorker.class);

		assertThat(worker.type()).isEqualTo("closeloop-approval").isNotEqualTo("io.camunda.zeebe:userTask");
		assertThat(worker.autoComplete()).as("the technician's decision completes the job").isFalse();
		assertThat(Duration.ofMillis(worker.timeout())).as("how soon another instance takes a job up")
			.isPositive()
			.isLessThanOrEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void shouldAnnounceATaskOnceWhenItsJobIsHandedOutAgainToAnotherInstance() {
		ApprovalTaskWorker first = new ApprovalTaskWorker(this.inbox, this.journal, Clock.systemUTC());
		ApprovalTaskWorker second = new ApprovalTaskWorker(this.inbox, this.journal, Clock.systemUTC());
		JobClient client = mock(JobClient.class, RETURNS_DEEP_STUBS);

		first.openTask(client, job(7001L), 42L, "PT4H");
		// The first instance died holding the job; after its timeout the second gets it.
		second.openTask(client, job(7001L), 42L, "PT4H");

		assertThat(this.inbox.tasks).containsOnlyKeys(7001L);
		assertThat(this.journal.statuses).containsExactly(AlertStatus.AWAITING_APPROVAL);
		verify(client, never()).newCompleteCommand(anyLong());
	}

	@Test
	void shouldCompleteAtOnceWithTheDecisionGivenBeforeTheProcessWasLost() {
		this.inbox.decided = new ApprovalDecision(true, "tech", "fine");
		JobClient client = mock(JobClient.class, RETURNS_DEEP_STUBS);

		new ApprovalTaskWorker(this.inbox, this.journal, Clock.systemUTC()).openTask(client, job(7002L), 43L, "PT4H");

		verify(client).newCompleteCommand(7002L);
		assertThat(this.journal.statuses).isEmpty();
		assertThat(this.journal.steps).containsExactly("Approval carried over");
	}

	private static ActivatedJob job(long key) {
		ActivatedJob job = mock(ActivatedJob.class);
		when(job.getKey()).thenReturn(key);
		when(job.getProcessInstanceKey()).thenReturn(1L);
		when(job.getElementInstanceKey()).thenReturn(2L);
		return job;
	}

	/** The inbox as the engine keeps it: one task per job key. */
	private static final class Inbox implements ApprovalInbox {

		private final Map<Long, ApprovalRequest> tasks = new ConcurrentHashMap<>();

		private ApprovalDecision decided;

		@Override
		public ApprovalOpening taskOpened(ApprovalRequest request) {
			if (this.decided != null) {
				return ApprovalOpening.decidedBefore(this.decided);
			}
			return (this.tasks.putIfAbsent(request.jobKey(), request) != null) ? ApprovalOpening.waitingAlready()
					: ApprovalOpening.opened();
		}

	}

	private static final class Journal implements AlertJournal {

		private final List<AlertStatus> statuses = new ArrayList<>();

		private final List<String> steps = new ArrayList<>();

		@Override
		public void step(long alertId, String step, String detail) {
			this.steps.add(step);
		}

		@Override
		public void status(long alertId, AlertStatus status, String detail) {
			this.statuses.add(status);
		}

		@Override
		public void ticket(long alertId, TicketRef ticket) {
		}

		@Override
		public void decision(long alertId, AlertFact input, Decision decision) {
		}

		@Override
		public void outcome(long alertId, boolean success, String detail) {
		}

	}

}
