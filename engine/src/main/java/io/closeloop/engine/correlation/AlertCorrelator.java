package io.closeloop.engine.correlation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.closeloop.engine.alert.Alert;
import io.closeloop.engine.alert.AlertClassifier;
import io.closeloop.engine.alert.AlertRepository;
import io.closeloop.engine.alert.JpaAlertJournal;
import io.closeloop.engine.rules.RuleLibrary;
import io.closeloop.rules.AlertSeen;
import io.closeloop.rules.CorrelationSession;
import io.closeloop.rules.CrossTenantIncident;

/**
 * Correlates each alert as it arrives, before its process starts, so a recurrence goes to
 * the earlier alert's ticket and an incident's members to one incident ticket instead of
 * one each. It correlates by the alert's one classification. Of several instances only
 * the one leading correlation calls it, after rebuilding its window from the database
 * ({@link #rebuildWindow()}), so N instances find the incidents one would.
 */
@Service
public class AlertCorrelator {

	private final RuleLibrary rules;

	private final AlertClassifier classifier;

	private final IncidentRepository incidents;

	private final JpaAlertJournal journal;

	/** As long as the correlation rules remember an alert ({@code @expires}). */
	private static final Duration WINDOW = Duration.ofHours(4);

	private final AlertRepository alerts;

	private final Clock clock;

	/**
	 * Per incident, the alerts already linked to it by this application since it started
	 * (after a restart each member is linked once more, which changes nothing).
	 */
	private final Map<Long, Set<Long>> linkedMembers = new ConcurrentHashMap<>();

	AlertCorrelator(RuleLibrary rules, AlertClassifier classifier, IncidentRepository incidents,
			JpaAlertJournal journal, AlertRepository alerts, Clock clock) {
		this.alerts = alerts;
		this.rules = rules;
		this.classifier = classifier;
		this.incidents = incidents;
		this.journal = journal;
		this.clock = clock;
	}

	/** Classifies and correlates the stored alert, and records what it belongs to. */
	@Transactional
	public void correlate(Alert alert) {
		String category = this.classifier.classify(alert).category();
		if (category == null) {
			// Unclassified alerts are each their own story: a person sees every one.
			return;
		}
		CorrelationSession.Correlation correlation = this.rules.correlate(seen(alert, category));
		correlation.recurrence()
			.ifPresent((recurrence) -> this.journal.recurrence(alert.getId(), recurrence.earlierAlertId(),
					recurrence.reason()));
		Optional<CrossTenantIncident> incident = correlation.incident();
		if (incident.isPresent()) {
			List<Long> members = correlation.incidentMembers();
			Incident stored = this.incidents
				.findByCategoryAndStartedEpoch(incident.get().category(), incident.get().startedAt())
				.orElseGet(() -> this.incidents.save(new Incident(incident.get())));
			// Only the members not linked yet: linking every member again for each new
			// alert made each alert of a storm cost as much as all before it.
			Set<Long> linked = this.linkedMembers.computeIfAbsent(stored.getId(),
					(id) -> ConcurrentHashMap.newKeySet());
			List<Long> fresh = members.stream().filter((member) -> !linked.contains(member)).toList();
			this.journal.incident(stored.getId(), stored.getCategory(), fresh, members.size(), stored.getReason());
			linked.addAll(fresh);
		}
	}

	/**
	 * Forgets what this instance saw and sees again the alerts of the window already
	 * correlated, here or by another instance, in the order they came; returns how many.
	 */
	@Transactional(readOnly = true)
	public int rebuildWindow() {
		List<AlertSeen> seen = this.alerts.findCorrelatedSince(this.clock.instant().minus(WINDOW))
			.stream()
			.filter((alert) -> alert.getClassification().category() != null)
			.map((alert) -> seen(alert, alert.getClassification().category()))
			.toList();
		this.rules.rebuildCorrelation(seen);
		this.linkedMembers.clear();
		return seen.size();
	}

	private AlertSeen seen(Alert alert, String category) {
		long receivedAt = (alert.getReceivedAt() != null) ? alert.getReceivedAt().toEpochMilli() : this.clock.millis();
		return new AlertSeen(alert.getId(), alert.getTenant(), alert.getDeviceId(), category, receivedAt);
	}

	/** What made the incident an incident, in the words of its rule. */
	public Optional<String> incidentReason(long incidentId) {
		return this.incidents.findById(incidentId).map(Incident::getReason);
	}

}
