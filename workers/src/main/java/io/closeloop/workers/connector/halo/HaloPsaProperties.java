package io.closeloop.workers.connector.halo;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.http.HttpSettings;

/**
 * Configuration of the HaloPSA connector ({@code closeloop.psa.halo.*}). Every id is the
 * instance's own (Configuration → Tickets in Halo, or {@code GET /api/Status},
 * {@code /api/TicketType}, {@code /api/Outcome}).
 *
 * @param url the instance, e.g. {@code https://acme.halopsa.com}; the API is under
 * {@code {url}/api}
 * @param authUrl the authorisation server, when not {@code {url}/auth}; the token is
 * fetched from {@code {authUrl}/token}
 * @param tenant the tenant name sent as {@code ?tenant=} with the token request, for
 * hosted instances that need it; unset otherwise
 * @param clientId the API application's client id (client credentials); from the
 * environment
 * @param clientSecret the API application's client secret; from the environment
 * @param scope the scopes asked for
 * @param ticketTypeId the ticket type of new tickets
 * @param newStatusId the status of a new ticket; the ticket type's default when unset
 * @param priorityId the priority of a new ticket; the default when unset
 * @param noteOutcomeId the outcome (action type) of the notes Closeloop adds; Halo
 * refuses an action without one
 * @param closeOutcomeId the outcome of the action that closes a ticket; the note outcome
 * when unset
 * @param closedStatusId the status a resolved ticket is moved to
 * @param escalation where an escalated ticket goes
 * @param clients tenant → the Halo client id its tickets belong to
 * @param sites tenant → the Halo site id of its tickets; Halo picks the client's main
 * site for a tenant not listed
 * @param pageSize records per page when listing
 * @param tokenRefreshBefore how long before its expiry a token is replaced
 * @param http timeouts and retries
 */
@ConfigurationProperties("closeloop.psa.halo")
public record HaloPsaProperties(URI url, URI authUrl, String tenant, String clientId, Secret clientSecret,
		@DefaultValue("all") String scope, Integer ticketTypeId, Integer newStatusId, Integer priorityId,
		Integer noteOutcomeId, Integer closeOutcomeId, Integer closedStatusId, Escalation escalation,
		Map<String, Integer> clients, Map<String, Integer> sites, @DefaultValue("50") int pageSize,
		@DefaultValue("PT5M") Duration tokenRefreshBefore, @DefaultValue HttpSettings http) {

	private static final String PREFIX = "closeloop.psa.halo.";

	public HaloPsaProperties {
		if (url == null) {
			throw new IllegalArgumentException(PREFIX + "url must be set to use HaloPSA");
		}
		if (clientId == null || clientId.isBlank() || clientSecret == null || !clientSecret.isSet()) {
			throw new IllegalArgumentException(
					PREFIX + "client-id and client-secret must be set (from the environment) to use HaloPSA");
		}
		if (ticketTypeId == null || noteOutcomeId == null || closedStatusId == null) {
			throw new IllegalArgumentException(PREFIX + "ticket-type-id, note-outcome-id and closed-status-id must be "
					+ "set to the instance's ticket type, outcome and status ids");
		}
		if (escalation == null || escalation.statusId() == null) {
			throw new IllegalArgumentException(
					PREFIX + "escalation.status-id must be set to the status escalated tickets move to");
		}
		clients = (clients != null) ? Map.copyOf(clients) : Map.of();
		if (clients.isEmpty()) {
			throw new IllegalArgumentException(
					PREFIX + "clients must map each tenant to its Halo client id, e.g. clients.acme: 12");
		}
		sites = (sites != null) ? Map.copyOf(sites) : Map.of();
		if (pageSize < 1) {
			throw new IllegalArgumentException(PREFIX + "page-size must be at least 1, was " + pageSize);
		}
	}

	/** Where the token is fetched: {@code {authUrl}/token}, by default under the URL. */
	URI tokenUri() {
		String auth = (this.authUrl != null) ? this.authUrl.toString()
				: this.url.toString().replaceAll("/+$", "") + "/auth";
		return URI.create(auth.replaceAll("/+$", "") + "/token");
	}

	/**
	 * Where an escalated ticket goes.
	 *
	 * @param statusId the status it moves to
	 * @param teamId the team it is assigned to, or unset to leave the team
	 * @param agentId the agent it is assigned to, or unset to leave the agent
	 */
	public record Escalation(Integer statusId, Integer teamId, Integer agentId) {

	}

}
