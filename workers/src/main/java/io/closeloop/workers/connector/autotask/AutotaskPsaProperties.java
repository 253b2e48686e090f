package io.closeloop.workers.connector.autotask;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.http.HttpSettings;

/**
 * Configuration of the Autotask PSA connector ({@code closeloop.psa.autotask.*}). Every
 * id is a picklist or record id of one Autotask instance: look them up in the instance
 * (Admin, or {@code GET /v1.0/Tickets/entityInformation/fields}).
 *
 * @param url the zone's REST root, e.g.
 * {@code https://webservices5.autotask.net/atservicesrest}; the API is under
 * {@code {url}/v1.0}. When unset, the zone is asked once of {@code zoneLookupUrl}
 * @param zoneLookupUrl where the zone of the API user is looked up when {@code url} is
 * unset
 * @param integrationCode the API tracking identifier ({@code ApiIntegrationCode}); from
 * the environment
 * @param username the API user's name ({@code UserName})
 * @param secret the API user's secret ({@code Secret}); from the environment
 * @param companies tenant → Autotask company id
 * @param defaultCompanyId the company for tenants not in {@code companies}; unset to
 * refuse them
 * @param deviceField the {@code ConfigurationItems} field holding the alert's device id
 * (Datto RMM's integration fills {@code rmmDeviceUID})
 * @param ticket what a new ticket is created with
 * @param escalation where an escalated ticket goes
 * @param notes how notes are written
 * @param http timeouts and retries
 */
@ConfigurationProperties("closeloop.psa.autotask")
public record AutotaskPsaProperties(URI url,
		@DefaultValue("https://webservices.autotask.net/atservicesrest") URI zoneLookupUrl, Secret integrationCode,
		String username, Secret secret, Map<String, Long> companies, Long defaultCompanyId,
		@DefaultValue("rmmDeviceUID") String deviceField, @DefaultValue Ticket ticket,
		@DefaultValue Escalation escalation, @DefaultValue Notes notes, @DefaultValue HttpSettings http) {

	public AutotaskPsaProperties {
		if (url == null && zoneLookupUrl == null) {
			throw new IllegalArgumentException(
					"closeloop.psa.autotask.url (or zone-lookup-url, to find the zone) must be set to use Autotask");
		}
		if (blank(integrationCode) || blank(username) || blank(secret)) {
			throw new IllegalArgumentException(
					"closeloop.psa.autotask.integration-code, username and secret must be set"
							+ " (from the environment) to use Autotask");
		}
		if (ticket == null || ticket.queueId() == null) {
			throw new IllegalArgumentException(
					"closeloop.psa.autotask.ticket.queue-id must be set to the queue new tickets go to");
		}
		if (escalation == null || (escalation.status() == null && escalation.queueId() == null)) {
			throw new IllegalArgumentException("closeloop.psa.autotask.escalation.status or escalation.queue-id must"
					+ " be set to say where an escalated ticket goes");
		}
		if (blank(deviceField)) {
			throw new IllegalArgumentException(
					"closeloop.psa.autotask.device-field must name a ConfigurationItems field");
		}
		companies = (companies != null) ? Map.copyOf(companies) : Map.of();
		notes = (notes != null) ? notes : new Notes(1, 2, 1);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static boolean blank(Secret secret) {
		return secret == null || !secret.isSet();
	}

	/**
	 * What a new ticket is created with.
	 *
	 * @param queueId the queue new tickets go to (required)
	 * @param newStatus the status of a new ticket (1 = New by default)
	 * @param completeStatus the status that closes a ticket (5 = Complete by default)
	 * @param priority the priority when the alert's severity is not in {@code priorities}
	 * @param priorities alert severity → priority id
	 * @param source the ticket source id (e.g. a "Monitoring Alert" source); unset to
	 * leave it to Autotask
	 * @param ticketType the ticket type id; unset to leave it to Autotask
	 * @param issueType the issue type id; unset for none
	 * @param subIssueType the sub-issue type id; unset for none
	 * @param dueIn how long after it is opened a ticket is due ({@code dueDateTime}),
	 * when the alert's severity is not in {@code dueInBySeverity}
	 * @param dueInBySeverity alert severity → how long after it is opened its ticket is
	 * due
	 */
	public record Ticket(Integer queueId, @DefaultValue("1") int newStatus, @DefaultValue("5") int completeStatus,
			@DefaultValue("2") int priority, Map<String, Integer> priorities, Integer source, Integer ticketType,
			Integer issueType, Integer subIssueType, @DefaultValue("PT24H") Duration dueIn,
			Map<String, Duration> dueInBySeverity) {

		public Ticket {
			priorities = (priorities != null) ? Map.copyOf(priorities) : Map.of();
			dueInBySeverity = (dueInBySeverity != null) ? Map.copyOf(dueInBySeverity) : Map.of();
			if (dueIn == null || dueIn.isNegative() || dueIn.isZero()
					|| dueInBySeverity.values().stream().anyMatch((due) -> due.isNegative() || due.isZero())) {
				throw new IllegalArgumentException(
						"closeloop.psa.autotask.ticket.due-in and due-in-by-severity must be "
								+ "positive durations (PT4H, P1D)");
			}
		}

		int priorityFor(String severity) {
			return (severity != null) ? this.priorities.getOrDefault(severity, this.priority) : this.priority;
		}

		Duration dueInFor(String severity) {
			return (severity != null) ? this.dueInBySeverity.getOrDefault(severity, this.dueIn) : this.dueIn;
		}

	}

	/**
	 * Where an escalated ticket goes: a status, a queue, or both.
	 *
	 * @param status the status of an escalated ticket
	 * @param queueId the queue an escalated ticket moves to
	 */
	public record Escalation(Integer status, Integer queueId) {

	}

	/**
	 * How notes are written. Autotask shows notes published to "All Autotask Users" to
	 * the customer (client portal, outsourced copies) and never those published to
	 * "Internal Users".
	 *
	 * @param noteType the note type id
	 * @param publishInternal the publish value of an internal note (2 = Internal Only)
	 * @param publishCustomer the publish value of a customer-visible note (1 = All
	 * Autotask Users)
	 */
	public record Notes(@DefaultValue("1") int noteType, @DefaultValue("2") int publishInternal,
			@DefaultValue("1") int publishCustomer) {

	}

}
