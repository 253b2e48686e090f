package io.closeloop.engine.correlation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.closeloop.engine.alert.Alert;
import io.closeloop.engine.alert.AlertLinks;
import io.closeloop.engine.rules.RuleLibrary;
import io.closeloop.rules.AlertFact;
import io.closeloop.rules.AlertSeen;
import io.closeloop.rules.CorrelationSession;
import io.closeloop.rules.CrossTenantIncident;

/**
 * Correlates each alert as it arrives, before its process starts, so a recurrence goes to
 * the earlier alert's ticket and an incident's members to one incident ticket instead of
 * one each.
 */
@Service
public class AlertCorrelator {

	private final RuleLibrary rules;

	private final IncidentRepository incidents;

	private final AlertLinks links;

	private final Clock clock;

	AlertCorrelator(RuleLibrary rules, IncidentRepository incidents, AlertLinks links, Clock clock) {
		this.clock = clock;
		this.rules = rules;
		this.incidents = incidents;
		this.links = links;
	}

	/**
	 * Per incident, the alerts already linked to it by this application since it started
	 * (after a restart each member is linked once more, which changes nothing).
	 */
	private final Map<Long, Set<Long>> linkedMembers = new ConcurrentHashMap<>();

	/** Classifies and correlates the stored alert, and records what it belongs to. */
	@Transactional
	public void correlate(Alert alert) {
		AlertFact fact = new AlertFact(alert.getTenant(), alert.getType(), alert.getSeverity(), alert.getMessage(),
				alert.getDeviceRole(), alert.getDeviceOs(), Map.of());
		String category = this.rules.active().current().propose(fact, List.of()).category();
		if (category == null) {
			// Unclassified alerts are each their own story: a person sees every one.
			return;
		}
		long receivedAt = (alert.getReceivedAt() != null) ? alert.getReceivedAt().toEpochMilli() : this.clock.millis();
		CorrelationSession.Correlation correlation = this.rules
			.correlate(new AlertSeen(alert.getId(), alert.getTenant(), alert.getDeviceId(), category, receivedAt));
		correlation.recurrenceOf().ifPresent((earlier) -> this.links.recurrence(alert.getId(), earlier));
		Optional<CrossTenantIncident> incident = correlation.incident();
		if (incident.isPresent()) {
			List<Long> members = correlation.incidentMembers();
			Incident stored = this.incidents
				.findByCategoryAndStartedEpoch(incident.get().category(), incident.get().startedAt())
				.orElseGet(
						() -> this.incidents.save(new Incident(incident.get().category(), incident.get().startedAt())));
			// Only the members not linked yet: linking every member again for each new
			// alert made each alert of a storm cost as much as all before it.
			Set<Long> linked = this.linkedMembers.computeIfAbsent(stored.getId(),
					(id) -> ConcurrentHashMap.newKeySet());
			List<Long> fresh = members.stream().filter((member) -> !linked.contains(member)).toList();
			this.links.incident(stored.getId(), stored.getCategory(), fresh, members.size());
			linked.addAll(fresh);
		}
	}

}
