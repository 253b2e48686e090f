package io.closeloop.engine.autonomy;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

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
 * Earned autonomy, per client and category. A category's MSP-wide standing (tenant
 * {@code *}) starts in its initial mode, and each client inherits it until it has
 * evidence of its own; from a client's first outcome on, that client has a standing of
 * its own, which only its own evidence moves: promoted one step (shadow to approval,
 * approval to autonomous) when the outcomes since its last change are enough and good
 * enough (Wilson 95% lower bound), demoted to approval at once when a fix it ran alone
 * fails. One client's evidence never changes another's autonomy. Every change is kept
 * with the evidence behind it.
 */
@Service
public class AutonomyLedger implements AutonomyModes, AutonomyBoard {

	private static final Logger log = LoggerFactory.getLogger(AutonomyLedger.class);

	private static final String EVERY_CLIENT = CategoryAutonomy.EVERY_CLIENT;

	private final CategoryAutonomyRepository standings;

	private final RemediationOutcomeRepository outcomes;

	private final AutonomyChangeRepository changes;

	private final AlertRepository alerts;

	private final AutonomyProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AutonomyLedger(CategoryAutonomyRepository standings, RemediationOutcomeRepository outcomes,
			AutonomyChangeRepository changes, AlertRepository alerts, AutonomyProperties properties,
			TransactionTemplate transactions, Clock clock) {
		this.standings = standings;
		this.outcomes = outcomes;
		this.changes = changes;
		this.alerts = alerts;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The client's own mode for the category, or else the MSP-wide one it inherits. */
	@Override
	public AutonomyMode modeOf(String tenant, String category) {
		return this.standings.findByTenantAndCategory(tenant, category)
			.map(CategoryAutonomy::getMode)
			.orElseGet(() -> everyClient(category).getMode());
	}

	/**
	 * Records an outcome and changes the client's mode if the evidence now says so. Runs
	 * in the caller's transaction, so the outcome and the change it causes are kept
	 * together. An alert has one outcome; recording it again (a job delivered twice)
	 * changes nothing.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AutonomyEvidence evidence) {
		if (this.outcomes.existsByAlertId(evidence.alertId())) {
			return;
		}
		CategoryAutonomy standing = ownStanding(evidence.tenant(), evidence.category());
		RemediationOutcome saved = this.outcomes.save(new RemediationOutcome(evidence, this.clock.instant()));
		if (!evidence.success() && standing.getMode() == AutonomyMode.AUTONOMOUS
				&& ActionPath.Path.ACT.name().equals(evidence.path())) {
			change(standing, AutonomyMode.APPROVAL, "a fix it ran alone failed: " + evidence.detail(),
					AutonomyChange.Evidence.of(1, 0), saved.getId(), "closeloop");
			return;
		}
		promoteIfEarned(standing, saved.getId());
	}

	private void promoteIfEarned(CategoryAutonomy standing, long lastOutcomeId) {
		List<RemediationOutcome> since = evidenceOf(standing);
		AutonomyMode next;
		List<RemediationOutcome> counted;
		switch (standing.getMode()) {
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
			change(standing, next, String.format(Locale.ROOT, "earned: %d of %d succeeded, lower bound %.3f >= %.3f",
					evidence.successes(), evidence.outcomes(), evidence.lowerBound(), this.properties.minLowerBound()),
					evidence, lastOutcomeId, "closeloop");
		}
	}

	private void change(CategoryAutonomy standing, AutonomyMode next, String reason, AutonomyChange.Evidence evidence,
			long lastOutcomeId, String by) {
		AutonomyMode previous = standing.getMode();
		standing.change(next, this.clock.instant(), lastOutcomeId);
		this.changes.save(new AutonomyChange(standing.getTenant(), standing.getCategory(), previous.name(), next.name(),
				reason, evidence, this.clock.instant(), by));
		log.info("Category {} of {} moved from {} to {}: {}", standing.getCategory(), standing.getTenant(), previous,
				next, reason);
	}

	@Override
	@Transactional(readOnly = true)
	public List<CategoryStanding> standings(TenantScope scope) {
		return this.standings.findByOrderByCategoryAscTenantAsc()
			.stream()
			.filter((standing) -> standing.isEveryClient() || scope.allows(standing.getTenant()))
			.map((standing) -> {
				List<RemediationOutcome> since = evidenceOf(standing);
				AutonomyChange.Evidence evidence = AutonomyChange.Evidence.of(since.size(),
						(int) since.stream().filter(RemediationOutcome::isSuccess).count());
				return new CategoryStanding(standing.getTenant(), standing.getCategory(), standing.getMode().name(),
						evidence.outcomes(), evidence.successes(), evidence.lowerBound(), standing.getChangedAt());
			})
			.toList();
	}

	/**
	 * A supervisor's decision to put a category in a mode, for one client or for every
	 * client that has no evidence of its own, whatever the evidence says: to pin a
	 * category in shadow mode, or to trust it sooner. Audited like any change; evidence
	 * counts anew. A supervisor changes only the clients in scope, and the MSP-wide
	 * standing only with every client in scope.
	 */
	@Override
	@Transactional
	public ModeSet setMode(String tenant, String category, String mode, String supervisor, String reason,
			TenantScope scope) {
		if (EVERY_CLIENT.equals(tenant) ? !scope.everyTenant() : !scope.allows(tenant)) {
			return ModeSet.NOT_ALLOWED;
		}
		AutonomyMode next = AutonomyMode.valueOf(mode);
		CategoryAutonomy standing = EVERY_CLIENT.equals(tenant) ? everyClient(category) : ownStanding(tenant, category);
		long lastOutcome = this.outcomes.findTopByOrderByIdDesc().map(RemediationOutcome::getId).orElse(0L);
		change(standing, next, "set by " + supervisor + ((reason != null && !reason.isBlank()) ? ": " + reason : ""),
				AutonomyChange.Evidence.of(0, 0), lastOutcome, supervisor);
		return ModeSet.SET;
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
	public List<ModeChange> recentChanges(int limit, TenantScope scope) {
		List<AutonomyChange> recent = scope.everyTenant() ? this.changes.findByOrderByIdDesc(PageRequest.of(0, limit))
				: this.changes.findByTenantInOrderByIdDesc(
						Stream.concat(scope.tenants().stream(), Stream.of(EVERY_CLIENT)).toList(),
						PageRequest.of(0, limit));
		return recent.stream()
			.map((change) -> new ModeChange(change.getTenant(), change.getCategory(), change.getFromMode(),
					change.getToMode(), change.getReason(), change.getOutcomes(), change.getSuccesses(),
					change.getLowerBound(), change.getChangedAt(), change.getChangedBy()))
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
		record(new AutonomyEvidence(alertId, found.get().getTenant(), decision.category(), decision.mode(),
				decision.tier().name(), decision.path().name(), proposedFixWorked, AutonomyEvidence.Source.TECHNICIAN,
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

	/** The client's evidence since its standing last changed. */
	private List<RemediationOutcome> evidenceOf(CategoryAutonomy standing) {
		return standing.isEveryClient() ? List.of() : this.outcomes.findByTenantAndCategoryAndIdGreaterThanOrderByIdAsc(
				standing.getTenant(), standing.getCategory(), standing.getEvidenceAfterId());
	}

	/**
	 * The client's own standing, made on its first evidence from the MSP-wide one it
	 * inherited until then: same mode, counting evidence from when that mode was set.
	 */
	private CategoryAutonomy ownStanding(String tenant, String category) {
		return this.standings.findByTenantAndCategory(tenant, category).orElseGet(() -> {
			CategoryAutonomy inherited = everyClient(category);
			return this.standings.saveAndFlush(new CategoryAutonomy(tenant, category, inherited.getMode(),
					this.clock.instant(), inherited.getEvidenceAfterId()));
		});
	}

	/** The category's MSP-wide standing, made in its initial mode the first time. */
	private CategoryAutonomy everyClient(String category) {
		Optional<CategoryAutonomy> known = this.standings.findByTenantAndCategory(EVERY_CLIENT, category);
		if (known.isPresent()) {
			return known.get();
		}
		try {
			return this.transactions.execute((tx) -> {
				AutonomyMode initial = this.properties.initialModeOf(category);
				CategoryAutonomy created = this.standings
					.saveAndFlush(new CategoryAutonomy(EVERY_CLIENT, category, initial, this.clock.instant(), 0));
				this.changes
					.save(new AutonomyChange(EVERY_CLIENT, category, null, initial.name(), "first seen: initial mode",
							AutonomyChange.Evidence.of(0, 0), this.clock.instant(), "closeloop"));
				return created;
			});
		}
		catch (DataIntegrityViolationException ex) {
			// Another decision met the category first.
			return this.standings.findByTenantAndCategory(EVERY_CLIENT, category).orElseThrow(() -> ex);
		}
	}

}
