package io.closeloop.engine.approval;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.closeloop.engine.alert.AlertClosed;
import io.closeloop.engine.alert.AlertQueries;
import io.closeloop.engine.alert.AlertView;
import io.closeloop.rules.AlertStatus;
import io.closeloop.rules.Decision;
import io.closeloop.engine.zeebe.EngineStateLost;
import io.closeloop.ui.security.TenantScope;
import io.closeloop.ui.tasks.ApprovalDesk;
import io.closeloop.ui.tasks.ApprovalOutcome;
import io.closeloop.ui.tasks.ApprovalTaskView;
import io.closeloop.workers.approval.ApprovalDecision;
import io.closeloop.workers.approval.ApprovalInbox;
import io.closeloop.workers.approval.ApprovalRequest;
import io.grpc.Status;

/**
 * The approval inbox: records tasks the engine hands out, and turns a technician's
 * decision into the completion of the waiting job. A decision is claimed in the database
 * first, so two technicians never both decide one task, and a task whose process moved on
 * (SLA escalation, engine replaced) is answered plainly instead of failing.
 */
@Service
class ApprovalService implements ApprovalInbox, ApprovalDesk {

	private static final Logger log = LoggerFactory.getLogger(ApprovalService.class);

	private static final Duration COMPLETE_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * Well beyond {@link #COMPLETE_TIMEOUT}: a claim this old is no longer being worked
	 * on.
	 */
	private static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(2);

	private final ApprovalTaskRepository tasks;

	private final AlertQueries alerts;

	private final CamundaClient client;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ApprovalService(ApprovalTaskRepository tasks, AlertQueries alerts, CamundaClient client,
			TransactionTemplate transactions, Clock clock) {
		this.clock = clock;
		this.tasks = tasks;
		this.alerts = alerts;
		this.client = client;
		this.transactions = transactions;
	}

	@Override
	public Optional<ApprovalDecision> taskOpened(ApprovalRequest request) {
		return this.transactions.execute((tx) -> {
			// A technician answered before the alert's earlier process was lost: the
			// answer stands.
			Optional<ApprovalTask> answered = this.tasks.findFirstByAlertIdAndStateInOrderByIdDesc(request.alertId(),
					List.of(ApprovalTask.State.APPROVED, ApprovalTask.State.REJECTED));
			if (answered.isPresent()) {
				ApprovalTask task = answered.get();
				return Optional.of(new ApprovalDecision(task.getState() == ApprovalTask.State.APPROVED,
						task.getDecidedBy(), task.getDecisionComment()));
			}
			// A job handed out again after a timeout is the same task.
			if (this.tasks.findByJobKeyAndAlertId(request.jobKey(), request.alertId()).isEmpty()) {
				this.tasks.save(new ApprovalTask(request.jobKey(), request.alertId(), request.processInstanceKey(),
						request.elementInstanceKey(), this.clock.instant(), request.dueAt()));
			}
			return Optional.<ApprovalDecision>empty();
		});
	}

	@Override
	public List<ApprovalTaskView> openTasks(TenantScope scope) {
		return this.tasks.findByStateOrderByDueAtAsc(ApprovalTask.State.OPEN)
			.stream()
			.map(this::view)
			.filter((task) -> scope.allows(task.tenant()))
			.toList();
	}

	@Override
	public ApprovalOutcome decide(long taskId, boolean approve, String comment, String technician, TenantScope scope) {
		Optional<ApprovalTask> found = this.tasks.findById(taskId);
		// A task of another client is answered as if it did not exist.
		if (found.isEmpty() || this.alerts.find(found.get().getAlertId(), scope).isEmpty()) {
			return ApprovalOutcome.NOT_FOUND;
		}
		Integer claimed = this.transactions.execute((tx) -> this.tasks.claim(taskId, technician, this.clock.instant()));
		if (claimed == null || claimed == 0) {
			ApprovalTask task = this.tasks.findById(taskId).orElseThrow();
			return (task.getState() == ApprovalTask.State.MOOT) ? ApprovalOutcome.NO_LONGER_WAITING
					: ApprovalOutcome.ALREADY_DECIDED;
		}
		ApprovalTask task = found.get();
		try {
			this.client.newCompleteCommand(task.getJobKey())
				.variables(new ApprovalDecision(approve, technician, comment).variables())
				.requestTimeout(COMPLETE_TIMEOUT)
				.send()
				.join();
		}
		catch (ClientStatusException ex) {
			if (ex.getStatusCode() == Status.Code.NOT_FOUND) {
				finish(taskId, (stored) -> stored.moot());
				return ApprovalOutcome.NO_LONGER_WAITING;
			}
			return release(taskId, ex);
		}
		catch (RuntimeException ex) {
			return release(taskId, ex);
		}
		ApprovalTask.State outcome = approve ? ApprovalTask.State.APPROVED : ApprovalTask.State.REJECTED;
		finish(taskId, (stored) -> stored.decided(outcome, technician, comment, this.clock.instant()));
		return approve ? ApprovalOutcome.APPROVED : ApprovalOutcome.REJECTED;
	}

	/**
	 * A decision is claimed for at most the time it takes to send it. A claim much older
	 * than that was interrupted (the application stopped): the task goes back to the
	 * inbox if its alert still waits for approval, and is moot otherwise.
	 */
	@Scheduled(fixedDelayString = "${closeloop.approval.reaper-interval:PT1M}")
	void releaseInterruptedDecisions() {
		for (ApprovalTask task : this.tasks.findByStateAndDecidedAtBefore(ApprovalTask.State.DECIDING,
				this.clock.instant().minus(INTERRUPTED_AFTER))) {
			boolean stillWaiting = this.alerts.find(task.getAlertId(), TenantScope.everything())
				.map((alert) -> alert.status() == AlertStatus.AWAITING_APPROVAL)
				.orElse(false);
			if (stillWaiting) {
				this.transactions.executeWithoutResult((tx) -> this.tasks.release(task.getId()));
				log.warn("Approval task {} was being decided when interrupted; it is back in the inbox", task.getId());
			}
			else {
				finish(task.getId(), ApprovalTask::moot);
			}
		}
	}

	/** When an alert is resolved or escalated, any task still open for it is moot. */
	@EventListener
	void alertClosed(AlertClosed closed) {
		// Runs inside the journal's transaction: the alert and its tasks change together.
		this.tasks.mootForAlert(closed.alertId());
	}

	/**
	 * The engine's memory is gone: no task of it can be completed, and its job keys may
	 * come again.
	 */
	@EventListener
	void engineStateLost(EngineStateLost lost) {
		Integer moot = this.transactions.execute((tx) -> this.tasks.mootAll());
		if (moot != null && moot > 0) {
			log.warn("{} approval task(s) became moot: {}", moot, lost.why());
		}
	}

	private ApprovalOutcome release(long taskId, RuntimeException ex) {
		log.warn("Could not complete approval task {}: {}", taskId, ex.getMessage());
		this.transactions.executeWithoutResult((tx) -> this.tasks.release(taskId));
		return ApprovalOutcome.ENGINE_UNAVAILABLE;
	}

	private void finish(long taskId, Consumer<ApprovalTask> change) {
		this.transactions.executeWithoutResult((tx) -> {
			ApprovalTask stored = this.tasks.findById(taskId).orElseThrow();
			change.accept(stored);
		});
	}

	private ApprovalTaskView view(ApprovalTask task) {
		AlertView detail = this.alerts.find(task.getAlertId(), TenantScope.everything()).orElseThrow();
		Decision decision = detail.decision();
		String context = detail.timeline()
			.stream()
			.filter((entry) -> entry.step().equals("Enriched"))
			.map(AlertView.TimelineEntry::detail)
			.reduce((first, second) -> second)
			.orElse("");
		return new ApprovalTaskView(task.getId(), task.getAlertId(), detail.tenant(), detail.device().hostname(),
				detail.device().role(), detail.type(), detail.message(),
				(decision != null) ? decision.remediation() : null, (decision != null) ? decision.confidence() : 0.0,
				(decision != null) ? decision.rulesFired() : List.of(),
				(decision != null) ? decision.reasons() : List.of(), context, task.getDueAt(), task.getState().name(),
				task.getDecidedBy());
	}

}
