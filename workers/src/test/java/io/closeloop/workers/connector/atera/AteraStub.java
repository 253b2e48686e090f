package io.closeloop.workers.connector.atera;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.http.HttpSettings;

/**
 * Atera's answers in the shapes of its OpenAPI document, and settings pointing at a stub.
 */
final class AteraStub {

	static final String KEY = "atera-key-3f9c2e71d0b84a56";

	private AteraStub() {
	}

	static AteraRmmProperties properties(String baseUrl, int requestsPerMinute, Duration readTimeout) {
		return new AteraRmmProperties(URI.create(baseUrl), new Secret(KEY), AteraRmmProperties.Scheme.X_API_KEY,
				Map.of("acme", 11L, "globex", 12L), requestsPerMinute, Duration.ofMinutes(1), 2, 200,
				new HttpSettings(Duration.ofSeconds(2), readTimeout, 3, Duration.ofMillis(50), Duration.ofSeconds(5)));
	}

	static AteraRmmProperties properties(String baseUrl) {
		return properties(baseUrl, 6000, Duration.ofSeconds(5));
	}

	/** {@code AgentDto}, as {@code GET /api/v3/agents/{agentId}} answers it. */
	static String agent(long agentId, long customerId, String machineName) {
		return """
				{"MachineID":"m-%1$d","AgentID":%1$d,"DeviceGuid":"5f0c7b4e-3d9a-4c1e-9b2f-%1$012d","FolderID":3,
				 "FolderName":"Main office","CustomerID":%2$d,"CustomerName":"Customer %2$d","AgentName":"%3$s",
				 "SystemName":"%3$s","MachineName":"%3$s","DomainName":"ACME","Monitored":true,"Online":true,
				 "LastSeen":"2026-11-30T09:58:00","OS":"Windows 11 Pro","OSType":"Work Station",
				 "OSVersion":"10.0.22631","LastLoginUser":"jdoe","DeviceType":"Laptop",
				 "AppViewUrl":"https://app.atera.com/new/device/%1$d"}""".formatted(agentId, customerId, machineName);
	}

	/** {@code AlertDto}, as the alert list carries it. */
	static String alert(long alertId, long customerId, Long agentId, String title, String category) {
		return """
				{"AlertID":%1$d,"Code":4,"Source":"Agent","Title":"%4$s","Severity":"Warning",
				 "Created":"2026-11-30T09:15:00Z","SnoozedEndDate":null,
				 "DeviceGuid":"5f0c7b4e-3d9a-4c1e-9b2f-%1$012d","AgentId":%3$s,"AdditionalInfo":"C: free space 4%%",
				 "Archived":false,"AlertCategoryID":"%5$s","ArchivedDate":null,"TicketID":null,"AlertMessage":null,
				 "DeviceName":"HOST-%1$d","CustomerID":%2$d,"CustomerName":"Customer %2$d","FolderID":3,
				 "PollingCyclesCount":1,"DeviceType":"Laptop"}""".formatted(alertId, customerId,
				(agentId != null) ? agentId.toString() : "null", title, category);
	}

	/** {@code AlertDtoPagedResult}: one page of the list. */
	static String page(int page, int itemsInPage, int totalItems, List<String> items) {
		int totalPages = Math.max(1, (totalItems + itemsInPage - 1) / itemsInPage);
		String next = (page < totalPages) ? "\"https://app.atera.com/api/v3/alerts?page=" + (page + 1) + "\"" : "null";
		return """
				{"items":[%s],"page":%d,"itemsInPage":%d,"totalItemCount":%d,"totalPages":%d,"prevLink":null,
				 "nextLink":%s}""".formatted(items.stream().collect(Collectors.joining(",")), page, itemsInPage,
				totalItems, totalPages, next);
	}

}
