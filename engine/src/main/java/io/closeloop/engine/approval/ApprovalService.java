package io.closeloop.engine.approval;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.closeloop.engine.alert.AlertClosed;
import io.closeloop.engine.alert.AlertQueries;
import io.closeloop.engine.alert.AlertView;
import io.closeloop.engine.alert.JpaAlertJournal;
import io.closeloop.engine.instance.SingletonTasks;
import io.closeloop.rules.AlertStatus;
import io.closeloop.rules.Decision;
import io.closeloop.engine.zeebe.EngineIncarnation;
import io.closeloop.engine.zeebe.EngineStateLost;
import io.closeloop.ui.security.TenantScope;
import io.closeloop.ui.tasks.ApprovalDesk;
import io.closeloop.ui.tasks.ApprovalOutcome;
import io.closeloop.ui.tasks.ApprovalTaskView;
import io.closeloop.workers.approval.ApprovalDecision;
import io.closeloop.workers.approval.ApprovalInbox;
import io.closeloop.workers.approval.ApprovalOpening;
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

	private final JpaAlertJournal journal;

	private final SingletonTasks singletons;

	private final EngineIncarnation engine;

	private final Duration reaperInterval;

	private final Clock clock;

	ApprovalService(ApprovalTaskRepository tasks, AlertQueries alerts, CamundaClient client,
			TransactionTemplate transactions, JpaAlertJournal journal, SingletonTasks singletons,
			EngineIncarnation engine, @Value("${closeloop.approval.reaper-interval:PT1M}") Duration reaperInterval,
			Clock clock) {
		this.singletons = singletons;
		this.engine = engine;
		this.reaperInterval = reaperInterval;
		this.tasks = tasks;
		this.alerts = alerts;
		this.client = client;
		this.transactions = transactions;
		this.journal = journal;
		this.clock = clock;
	}

	@Override
	public ApprovalOpening taskOpened(ApprovalRequest request) {
		return this.transactions.execute((tx) -> {
			// A technician decided before the alert's earlier process was lost: the
			// decision stands.
			Optional<ApprovalTask> decided = this.tasks
				.findFirstByAlertIdAndApprovedIsNotNullOrderByIdDesc(request.alertId());
			if (decided.isPresent()) {
				ApprovalTask task = decided.get();
				return ApprovalOpening.decidedBefore(
						new ApprovalDecision(task.getApproved(), task.getDecidedBy(), task.getDecisionComment()));
			}
			// A job handed out again after a timeout (its instance died, or it held the
			// job
			// too long) is the same task, found by its key, whichever instance took it.
			Optional<ApprovalTask> known = this.tasks.findByJobKeyAndAlertId(request.jobKey(), request.alertId());
			if (known.isPresent()) {
				known.get().handedOutBy(this.engine.current());
				return ApprovalOpening.waitingAlready();
			}
			this.tasks.save(new ApprovalTask(request.jobKey(), request.alertId(), request.processInstanceKey(),
					request.elementInstanceKey(), this.clock.instant(), request.dueAt(), this.engine.current()));
			return ApprovalOpening.opened();
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

	/**
	 * Claims the task for the technician's decision and puts the decision on the alert's
	 * record, in one transaction, before anything is sent to the engine: whatever becomes
	 * of the engine's answer, who decided what, when and why is kept.
	 */
	@Override
	public ApprovalOutcome decide(long taskId, boolean approve, String comment, String technician, TenantScope scope) {
		Optional<ApprovalTask> found = this.tasks.findById(taskId);
		// A task of another client is answered as if it did not exist.
		if (found.isEmpty() || this.alerts.find(found.get().getAlertId(), scope).isEmpty()) {
			return ApprovalOutcome.NOT_FOUND;
		}
		long alertId = found.get().getAlertId();
		Instant at = this.clock.instant();
		Integer claimed = this.transactions.execute((tx) -> {
			int claims = this.tasks.claim(taskId, technician, approve, comment, at);
			if (claims == 1) {
				this.journal.step(alertId, approve ? "Approved" : "Rejected", "by " + technician + " at " + at
						+ ((comment != null && !comment.isBlank()) ? ": " + comment : ""));
			}
			return claims;
		});
		if (claimed == null || claimed == 0) {
			ApprovalTask task = this.tasks.findById(taskId).orElseThrow();
			return (task.getState() == ApprovalTask.State.MOOT) ? ApprovalOutcome.NO_LONGER_WAITING
					: ApprovalOutcome.ALREADY_DECIDED;
		}
		return deliver(this.tasks.findById(taskId).orElseThrow());
	}

	/**
	 * Sends a recorded decision to the engine. A decision whose answer is lost (a
	 * timeout, the engine unreachable) may or may not have reached it: it stays recorded,
	 * with its approver, and is delivered again by {@link #settleUnconfirmedDecisions}
	 * until the engine confirms it or the process has moved on; sending it again is
	 * harmless, since a job completes once.
	 */
	private ApprovalOutcome deliver(ApprovalTask task) {
		boolean approve = task.getApproved();
		try {
			this.client.newCompleteCommand(task.getJobKey())
				.variables(new ApprovalDecision(approve, task.getDecidedBy(), task.getDecisionComment()).variables())
				.requestTimeout(COMPLETE_TIMEOUT)
				.send()
				.join();
		}
		catch (ClientStatusException ex) {
			if (ex.getStatusCode() == Status.Code.NOT_FOUND) {
				// The job is gone: taken by an earlier delivery, or the process moved on.
				return settle(task).orElse(ApprovalOutcome.NO_LONGER_WAITING);
			}
			return unconfirmed(task, ex);
		}
		catch (RuntimeException ex) {
			return unconfirmed(task, ex);
		}
		finish(task.getId(),
				(stored) -> stored.decided(approve ? ApprovalTask.State.APPROVED : ApprovalTask.State.REJECTED,
						stored.getDecidedBy(), stored.getDecisionComment(), stored.getDecidedAt()));
		return approve ? ApprovalOutcome.APPROVED : ApprovalOutcome.REJECTED;
	}

	private ApprovalOutcome unconfirmed(ApprovalTask task, RuntimeException ex) {
		log.warn("The engine did not confirm the decision of approval task {}: {}", task.getId(), ex.getMessage());
		this.journal.step(task.getAlertId(), "Decision not confirmed",
				"the engine did not confirm " + task.getDecidedBy() + "'s decision (" + ex.getMessage()
						+ "); it is delivered again until the engine confirms it or the process moves on");
		return ApprovalOutcome.DELIVERY_PENDING;
	}

	/**
	 * A decision the engine did not confirm (its answer was lost, or the application
	 * stopped while delivering it) is settled once it is old enough not to be under way:
	 * delivered again while its alert still waits for approval, or else closed by what
	 * became of the alert.
	 */
	@Scheduled(fixedDelayString = "${closeloop.approval.reaper-interval:PT1M}")
	void settleUnconfirmedDecisionsInOneInstance() {
		this.singletons.runOnceEvery("approval-decision-reaper", this.reaperInterval, this::settleUnconfirmedDecisions);
	}

	void settleUnconfirmedDecisions() {
		for (ApprovalTask task : this.tasks.findByStateAndDecidedAtBefore(ApprovalTask.State.DECIDING,
				this.clock.instant().minus(INTERRUPTED_AFTER))) {
			boolean stillWaiting = this.alerts.find(task.getAlertId(), TenantScope.everything())
				.map((alert) -> alert.status() == AlertStatus.AWAITING_APPROVAL)
				.orElse(false);
			if (stillWaiting) {
				log.info("Delivering the decision of approval task {} again", task.getId());
				deliver(task);
			}
			else {
				settle(task).ifPresent((outcome) -> log.info("Approval task {} settled: {}", task.getId(), outcome));
			}
		}
	}

	/**
	 * Closes a recorded decision by what became of its alert: approved and the fix under
	 * way or done, or rejected and the alert handed over by that rejection, is the
	 * decision taking effect; anything else is the process having moved on without it.
	 * Empty while the alert still waits for approval: it cannot be told yet.
	 */
	private Optional<ApprovalOutcome> settle(ApprovalTask task) {
		Optional<AlertView> alert = this.alerts.find(task.getAlertId(), TenantScope.everything());
		if (alert.isPresent() && alert.get().status() == AlertStatus.AWAITING_APPROVAL) {
			return Optional.empty();
		}
		boolean approve = task.getApproved();
		AlertStatus status = alert.map(AlertView::status).orElse(null);
		String reason = alert.map(AlertView::escalationReason).orElse("");
		boolean tookEffect = approve
				? status == AlertStatus.REMEDIATING || status == AlertStatus.VERIFYING || status == AlertStatus.RESOLVED
				: status == AlertStatus.ESCALATED && reason != null
						&& reason.startsWith("Rejected by " + task.getDecidedBy());
		if (!tookEffect) {
			finish(task.getId(), ApprovalTask::moot);
			return Optional.of(ApprovalOutcome.NO_LONGER_WAITING);
		}
		finish(task.getId(),
				(stored) -> stored.decided(approve ? ApprovalTask.State.APPROVED : ApprovalTask.State.REJECTED,
						stored.getDecidedBy(), stored.getDecisionComment(), stored.getDecidedAt()));
		return Optional.of(approve ? ApprovalOutcome.APPROVED : ApprovalOutcome.REJECTED);
	}

	/** When an alert is resolved or escalated, any task still open for it is moot. */
	@EventListener
	void alertClosed(AlertClosed closed) {
		// Runs inside the journal's transaction: the alert and its tasks change together.
		this.tasks.mootForAlert(closed.alertId());
	}

	/**
	 * The engine's memory is gone: no task of it can be completed, and its job keys may
	 * come again. A decision already recorded is carried over to the alert's resumed
	 * process.
	 */
	@EventListener
	void engineStateLost(EngineStateLost lost) {
		Integer moot = this.transactions.execute((tx) -> this.tasks.mootLostOn(lost.incarnation()));
		if (moot != null && moot > 0) {
			log.warn("{} approval task(s) became moot: {}", moot, lost.why());
		}
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
