package io.closeloop.workers.connector.connectwise;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.http.HttpSettings;

/**
 * Configuration of the ConnectWise PSA (Manage) connector
 * ({@code closeloop.psa.connectwise.*}). Every id is the instance's own: look them up in
 * Manage (Setup Tables, or {@code GET /service/boards/{id}/statuses}).
 *
 * @param url the REST API's base, e.g.
 * {@code https://api-na.myconnectwise.net/v4_6_release/apis/3.0}
 * @param companyId the company id you log in with (the first part of the API user name)
 * @param publicKey the API member's public key; from the environment
 * @param privateKey the API member's private key; from the environment
 * @param clientId the integration's clientId from the ConnectWise developer portal, sent
 * as the {@code clientId} header; from the environment
 * @param boardId the service board new tickets go on
 * @param newStatusId the status of a new ticket; the board's default when unset
 * @param priorityId the priority of a new ticket; the instance's default when unset
 * @param closedStatusId the status a resolved ticket is moved to (a closed status of the
 * board)
 * @param escalation where an escalated ticket goes
 * @param companies tenant → the ConnectWise company its tickets belong to: a numeric
 * company id, or the company's identifier
 * @param pageSize records per page when listing (ConnectWise allows up to 1000)
 * @param http timeouts and retries
 */
@ConfigurationProperties("closeloop.psa.connectwise")
public record ConnectWisePsaProperties(URI url, String companyId, Secret publicKey, Secret privateKey, Secret clientId,
		Integer boardId, Integer newStatusId, Integer priorityId, Integer closedStatusId, Escalation escalation,
		Map<String, String> companies, @DefaultValue("100") int pageSize, @DefaultValue HttpSettings http) {

	private static final String PREFIX = "closeloop.psa.connectwise.";

	/** What a company identifier may contain, so it goes into a condition unescaped. */
	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.\\- ]{1,30}");

	public ConnectWisePsaProperties {
		if (url == null) {
			throw new IllegalArgumentException(PREFIX + "url must be set to use ConnectWise PSA");
		}
		if (blank(companyId) || blank(publicKey) || blank(privateKey) || blank(clientId)) {
			throw new IllegalArgumentException(PREFIX + "company-id, public-key, private-key and client-id must be set"
					+ " (keys from the environment) to use ConnectWise PSA");
		}
		if (boardId == null || closedStatusId == null) {
			throw new IllegalArgumentException(PREFIX
					+ "board-id and closed-status-id must be set to the instance's service board and status ids");
		}
		if (escalation == null || escalation.statusId() == null) {
			throw new IllegalArgumentException(
					PREFIX + "escalation.status-id must be set to the status escalated " + "tickets move to");
		}
		companies = (companies != null) ? Map.copyOf(companies) : Map.of();
		if (companies.isEmpty()) {
			throw new IllegalArgumentException(PREFIX + "companies must map each tenant to its ConnectWise company "
					+ "(id or identifier), e.g. companies.acme: 250");
		}
		companies.forEach((tenant, company) -> {
			if (company == null || !IDENTIFIER.matcher(company).matches()) {
				throw new IllegalArgumentException(PREFIX + "companies." + tenant
						+ " must be a company id or identifier (letters, digits, . _ - and spaces), was '" + company
						+ "'");
			}
			if (company.chars().allMatch(Character::isDigit) && company.length() > 9) {
				throw new IllegalArgumentException(PREFIX + "companies." + tenant + " is not a company id: " + company);
			}
		});
		if (pageSize < 1 || pageSize > 1000) {
			throw new IllegalArgumentException(PREFIX + "page-size must be between 1 and 1000, was " + pageSize);
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static boolean blank(Secret secret) {
		return secret == null || !secret.isSet();
	}

	/**
	 * Where an escalated ticket goes.
	 *
	 * @param statusId the status it moves to (of the escalation board when one is set)
	 * @param boardId another board to move it to, or unset to leave it on its board
	 * @param ownerIdentifier the member who owns it from then on (their identifier, e.g.
	 * {@code jdoe}), or unset to leave the owner
	 */
	public record Escalation(Integer statusId, Integer boardId, String ownerIdentifier) {

	}

}
