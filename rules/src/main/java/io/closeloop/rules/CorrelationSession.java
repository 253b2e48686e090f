package io.closeloop.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.time.SessionPseudoClock;

/**
 * The long-lived session of the correlation rules. Its clock is a pseudo clock moved to
 * each alert's arrival, so time windows mean the same in production, in tests and after a
 * replay. Thread-safe: observations are serialised.
 */
public final class CorrelationSession implements AutoCloseable {

	private final KieSession session;

	private final SessionPseudoClock clock;

	CorrelationSession(KieBase kieBase) {
		this.session = kieBase.newKieSession(EventRules.pseudoClockConfiguration(), null);
		this.clock = this.session.getSessionClock();
	}

	/** Adds the alert to the stream and says what it belongs to. */
	public synchronized Correlation observe(AlertSeen alert) {
		advanceTo(alert.getTimestamp());
		this.session.insert(alert);
		this.session.fireAllRules();
		Optional<CrossTenantIncident> incident = facts(IncidentMember.class).stream()
			.filter((member) -> member.alertId() == alert.getAlertId())
			.map(IncidentMember::incident)
			.findFirst();
		List<Long> members = incident
			.map((found) -> facts(IncidentMember.class).stream()
				.filter((member) -> member.incident().equals(found))
				.map(IncidentMember::alertId)
				.sorted()
				.toList())
			.orElse(List.of());
		Optional<Recurrence> recurrence = facts(Recurrence.class).stream()
			.filter((found) -> found.alertId() == alert.getAlertId())
			.findFirst();
		return new Correlation(incident, members, recurrence);
	}

	/**
	 * Adds an alert seen before to the stream, without asking what it belongs to: how a
	 * session is rebuilt. What it concludes is drawn as when the alert first came.
	 */
	public synchronized void remember(AlertSeen alert) {
		advanceTo(alert.getTimestamp());
		this.session.insert(alert);
		this.session.fireAllRules();
	}

	/**
	 * The alerts still within the session's memory, oldest first: what a reload replays.
	 */
	public synchronized List<AlertSeen> window() {
		return facts(AlertSeen.class).stream().sorted(Comparator.comparingLong(AlertSeen::getTimestamp)).toList();
	}

	/** Moves the clock on without an alert, so windows close and old events expire. */
	public synchronized void advanceTo(long epochMillis) {
		long now = this.clock.getCurrentTime();
		if (epochMillis > now) {
			this.clock.advanceTime(epochMillis - now, TimeUnit.MILLISECONDS);
		}
		this.session.fireAllRules();
	}

	@Override
	public synchronized void close() {
		this.session.dispose();
	}

	private <T> List<T> facts(Class<T> type) {
		return this.session.getObjects(type::isInstance).stream().map(type::cast).toList();
	}

	/**
	 * What an alert belongs to.
	 *
	 * @param incident the cross-tenant incident it is part of
	 * @param incidentMembers every alert of that incident so far, the earliest first
	 * @param recurrence the link to the earlier alert on the same device and category
	 */
	public record Correlation(Optional<CrossTenantIncident> incident, List<Long> incidentMembers,
			Optional<Recurrence> recurrence) {

		/** The earlier alert this one is a recurrence of. */
		public Optional<Long> recurrenceOf() {
			return this.recurrence.map(Recurrence::earlierAlertId);
		}

	}

}
