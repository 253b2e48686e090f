package io.closeloop.engine.autonomy;

import java.time.Clock;
import java.util.Locale;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.closeloop.engine.alert.Alert;
import io.closeloop.engine.alert.AlertRepository;
import io.closeloop.rules.ActionPath;
import io.closeloop.rules.AutonomyMode;
import io.closeloop.rules.Decision;
import io.closeloop.rules.Tier;
import io.closeloop.ui.autonomy.AutonomyBoard;
import io.closeloop.ui.autonomy.CategoryStanding;
import io.closeloop.ui.autonomy.ModeChange;
import io.closeloop.ui.security.TenantScope;
import io.closeloop.workers.autonomy.AutonomyModes;

/**
 * Earned autonomy. Every outcome is recorded; a category is promoted one step (shadow to
 * approval, approval to autonomous) only when the outcomes since its last change are
 * enough and good enough (Wilson 95% lower bound), and demoted to approval at once when a
 * fix it ran alone fails. Every change is kept with the evidence behind it.
 */
@Service
public class AutonomyLedger implements AutonomyModes, AutonomyBoard {

	private static final Logger log = LoggerFactory.getLogger(AutonomyLedger.class);

	private final CategoryAutonomyRepository categories;

	private final RemediationOutcomeRepository outcomes;

	private final AutonomyChangeRepository changes;

	private final AlertRepository alerts;

	private final AutonomyProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AutonomyLedger(CategoryAutonomyRepository categories, RemediationOutcomeRepository outcomes,
			AutonomyChangeRepository changes, AlertRepository alerts, AutonomyProperties properties,
			TransactionTemplate transactions, Clock clock) {
		this.clock = clock;
		this.categories = categories;
		this.outcomes = outcomes;
		this.changes = changes;
		this.alerts = alerts;
		this.properties = properties;
		this.transactions = transactions;
	}

	@Override
	public AutonomyMode modeOf(String category) {
		Optional<CategoryAutonomy> known = this.categories.findById(category);
		if (known.isPresent()) {
			return known.get().getMode();
		}
		try {
			return this.transactions.execute((tx) -> {
				AutonomyMode initial = this.properties.initialModeOf(category);
				this.categories.saveAndFlush(new CategoryAutonomy(category, initial, this.clock.instant()));
				this.changes.save(new AutonomyChange(category, null, initial.name(), "first seen: initial mode",
						AutonomyChange.Evidence.of(0, 0), this.clock.instant(), "closeloop"));
				return initial;
			});
		}
		catch (DataIntegrityViolationException ex) {
			// Another decision met the category first.
			return this.categories.findById(category).orElseThrow(() -> ex).getMode();
		}
	}

	/**
	 * Records an outcome and changes the category's mode if the evidence now says so.
	 * Runs in the caller's transaction, so the outcome and the change it causes are kept
	 * together. An alert has one outcome; recording it again (a job delivered twice)
	 * changes nothing.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AutonomyEvidence evidence) {
		if (this.outcomes.existsByAlertId(evidence.alertId())) {
			return;
		}
		modeOf(evidence.category());
		RemediationOutcome saved = this.outcomes.save(new RemediationOutcome(evidence, this.clock.instant()));
		CategoryAutonomy category = this.categories.findById(evidence.category()).orElseThrow();
		if (!evidence.success() && category.getMode() == AutonomyMode.AUTONOMOUS
				&& ActionPath.Path.ACT.name().equals(evidence.path())) {
			change(category, AutonomyMode.APPROVAL, "a fix it ran alone failed: " + evidence.detail(),
					AutonomyChange.Evidence.of(1, 0), saved.getId(), "closeloop");
			return;
		}
		promoteIfEarned(category, saved.getId());
	}

	private void promoteIfEarned(CategoryAutonomy category, long lastOutcomeId) {
		List<RemediationOutcome> since = this.outcomes
			.findByCategoryAndIdGreaterThanOrderByIdAsc(category.getCategory(), category.getEvidenceAfterId());
		AutonomyMode next;
		List<RemediationOutcome> counted;
		switch (category.getMode()) {
			case SHADOW -> {
				next = AutonomyMode.APPROVAL;
				counted = since;
			}
			case APPROVAL -> {
				// Autonomy only ever applies to L1 decisions, so only L1 evidence earns
				// it.
				next = AutonomyMode.AUTONOMOUS;
				counted = since.stream().filter((outcome) -> Tier.L1.name().equals(outcome.getTier())).toList();
			}
			default -> {
				return;
			}
		}
		AutonomyChange.Evidence evidence = AutonomyChange.Evidence.of(counted.size(),
				(int) counted.stream().filter(RemediationOutcome::isSuccess).count());
		if (evidence.outcomes() >= this.properties.minOutcomes()
				&& evidence.lowerBound() >= this.properties.minLowerBound()) {
			change(category, next, String.format(Locale.ROOT, "earned: %d of %d succeeded, lower bound %.3f >= %.3f",
					evidence.successes(), evidence.outcomes(), evidence.lowerBound(), this.properties.minLowerBound()),
					evidence, lastOutcomeId, "closeloop");
		}
	}

	private void change(CategoryAutonomy category, AutonomyMode next, String reason, AutonomyChange.Evidence evidence,
			long lastOutcomeId, String by) {
		AutonomyMode previous = category.getMode();
		category.change(next, this.clock.instant(), lastOutcomeId);
		this.changes.save(new AutonomyChange(category.getCategory(), previous.name(), next.name(), reason, evidence,
				this.clock.instant(), by));
		log.info("Category {} moved from {} to {}: {}", category.getCategory(), previous, next, reason);
	}

	@Override
	@Transactional(readOnly = true)
	public List<CategoryStanding> standings() {
		return this.categories.findByOrderByCategoryAsc().stream().map((category) -> {
			List<RemediationOutcome> since = this.outcomes
				.findByCategoryAndIdGreaterThanOrderByIdAsc(category.getCategory(), category.getEvidenceAfterId());
			AutonomyChange.Evidence evidence = AutonomyChange.Evidence.of(since.size(),
					(int) since.stream().filter(RemediationOutcome::isSuccess).count());
			return new CategoryStanding(category.getCategory(), category.getMode().name(), evidence.outcomes(),
					evidence.successes(), evidence.lowerBound(), category.getChangedAt());
		}).toList();
	}

	/**
	 * A supervisor's decision to put a category in a mode, whatever the evidence says: to
	 * pin a category in shadow mode, or to trust it sooner. Audited like any change;
	 * evidence counts anew.
	 */
	@Override
	@Transactional
	public void setMode(String category, String mode, String supervisor, String reason) {
		AutonomyMode next = AutonomyMode.valueOf(mode);
		modeOf(category);
		CategoryAutonomy current = this.categories.findById(category).orElseThrow();
		long lastOutcome = this.outcomes.findTopByCategoryOrderByIdDesc(category)
			.map(RemediationOutcome::getId)
			.orElse(0L);
		change(current, next, "set by " + supervisor + ((reason != null && !reason.isBlank()) ? ": " + reason : ""),
				AutonomyChange.Evidence.of(0, 0), lastOutcome, supervisor);
	}

	@Override
	public int minOutcomes() {
		return this.properties.minOutcomes();
	}

	@Override
	public double minLowerBound() {
		return this.properties.minLowerBound();
	}

	@Override
	@Transactional(readOnly = true)
	public List<ModeChange> recentChanges(int limit) {
		return this.changes.findByOrderByIdDesc(PageRequest.of(0, limit))
			.stream()
			.map((change) -> new ModeChange(change.getCategory(), change.getFromMode(), change.getToMode(),
					change.getReason(), change.getOutcomes(), change.getSuccesses(), change.getLowerBound(),
					change.getChangedAt(), change.getChangedBy()))
			.toList();
	}

	@Override
	@Transactional
	public ShadowOutcome recordShadowOutcome(long alertId, boolean proposedFixWorked, String technician,
			TenantScope scope) {
		Optional<Alert> found = this.alerts.findById(alertId).filter((alert) -> scope.allows(alert.getTenant()));
		if (found.isEmpty()) {
			return ShadowOutcome.NOT_FOUND;
		}
		Decision decision = found.get().getDecision();
		if (decision == null || decision.path() != ActionPath.Path.SHADOW || decision.category() == null) {
			return ShadowOutcome.NOT_IN_SHADOW;
		}
		if (this.outcomes.existsByAlertId(alertId)) {
			return ShadowOutcome.ALREADY_RECORDED;
		}
		record(new AutonomyEvidence(alertId, decision.category(), decision.mode(), decision.tier().name(),
				decision.path().name(), proposedFixWorked, AutonomyEvidence.Source.TECHNICIAN,
				proposedFixWorked ? "the proposed " + decision.remediation() + " is what fixed it"
						: "something other than " + decision.remediation() + " fixed it",
				technician));
		return ShadowOutcome.RECORDED;
	}

	/** Whether a technician should still say what fixed this shadow-mode alert. */
	@Transactional(readOnly = true)
	public boolean wantsShadowOutcome(long alertId, Decision decision) {
		return decision != null && decision.path() == ActionPath.Path.SHADOW && !this.outcomes.existsByAlertId(alertId);
	}

}
