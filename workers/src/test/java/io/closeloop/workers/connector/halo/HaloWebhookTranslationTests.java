package io.closeloop.workers.connector.halo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.workers.TestRules;
import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.webhook.InboundAlert;
import io.closeloop.workers.connector.webhook.WebhookDelivery;
import io.closeloop.workers.connector.webhook.WebhookRejected;
import io.closeloop.workers.connector.webhook.WebhookSettings;

/**
 * What a Halo ticket webhook becomes when the webhook sends ids, and when it is set to
 * send display values instead (Halo 2.178 and later): the ticket type and the client
 * match a configured id or name, and a display value that cannot be matched is refused
 * with the setting to add, never ignored unseen.
 */
class HaloWebhookTranslationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HaloWebhook HALO = new HaloWebhook(TestRules.vendorTypes());

	private static final WebhookSettings IDS = settings(List.of("21"), Map.of("12", "acme", "13", "globex"));

	private static final WebhookSettings NAMES = settings(List.of("21", "Monitoring Alert"),
			Map.of("12", "acme", "Globex Corporation", "globex"));

	@Test
	void shouldMatchIdsAsTheyAreSent() {
		InboundAlert alert = raised(ticket("21", "13", "\"tickettype_name\":\"Monitoring Alert\","), IDS);

		assertThat(alert.tenant()).isEqualTo("globex");
		assertThat(alert.message()).isEqualTo("RAID degraded on GLOBEX-DC1\n<p>Slot 3 failed</p>");
	}

	@Test
	void shouldMatchDisplayValuesSentWhereTheIdsShouldBe() {
		InboundAlert alert = raised(ticket("\"Monitoring Alert\"", "\"Globex Corporation\"", ""), NAMES);

		assertThat(alert.tenant()).isEqualTo("globex");
		assertThat(alert.externalId()).isEqualTo("5501");
	}

	@Test
	void shouldMatchNamesWhateverTheirCaseAndInTheirOwnFields() {
		String body = """
				{"event":"New Ticket Logged","ticket":{"id":5502,"summary":"UPS on battery",
				 "tickettype_name":"MONITORING ALERT","client_name":"globex corporation"}}
				""";

		assertThat(raised(body, NAMES).tenant()).isEqualTo("globex");
	}

	@Test
	void shouldRefuseATicketTypeSentAsANameWhereOnlyIdsAreConfigured() {
		WebhookRejected rejected = catchThrowableOfType(WebhookRejected.class,
				() -> HALO.translate(json(ticket("\"Monitoring Alert\"", "13", "")), IDS));

		assertThat(rejected.reason()).isEqualTo(WebhookRejected.Reason.UNMAPPED);
		assertThat(rejected.getMessage()).contains("ticket type as its display value 'Monitoring Alert'",
				"closeloop.webhooks.halo.start-on", "send ids");
		assertThat(rejected.errors()).extracting(WebhookRejected.FieldProblem::field)
			.containsExactly("ticket.tickettype_id");
	}

	@Test
	void shouldRefuseAClientSentAsANameThatIsNotMapped() {
		WebhookRejected rejected = catchThrowableOfType(WebhookRejected.class,
				() -> HALO.translate(json(ticket("21", "\"Initech\"", "")), NAMES));

		assertThat(rejected.reason()).isEqualTo(WebhookRejected.Reason.UNMAPPED);
		assertThat(rejected.getMessage()).contains("client as its display value 'Initech'",
				"closeloop.webhooks.halo.tenants (\"[Initech]\": <tenant>)");
		assertThat(rejected.errors()).extracting(WebhookRejected.FieldProblem::field)
			.containsExactly("ticket.client_id");
	}

	@Test
	void shouldStillIgnoreAnotherTicketTypeWhenNamesAreConfigured() {
		WebhookDelivery delivery = HALO.translate(json(ticket("\"Service Request\"", "12", "")), NAMES);

		assertThat(delivery).isInstanceOfSatisfying(WebhookDelivery.Ignore.class,
				(ignore) -> assertThat(ignore.reason()).contains("ticket type 'Service Request'"));
	}

	@Test
	void shouldStillIgnoreAnotherTicketTypeSentAsAnId() {
		WebhookDelivery delivery = HALO.translate(json(ticket("4", "12", "\"tickettype_name\":\"Incident\",")), IDS);

		assertThat(delivery).isInstanceOfSatisfying(WebhookDelivery.Ignore.class,
				(ignore) -> assertThat(ignore.reason()).contains("ticket type 4 (Incident)"));
	}

	@Test
	void shouldTakeATicketWithoutSummary() {
		String body = """
				{"event":"New Ticket Logged","ticket":{"id":5503,"tickettype_id":21,"client_id":12}}
				""";

		assertThat(raised(body, IDS).message()).isNull();
	}

	private static String ticket(String ticketType, String client, String extra) {
		return """
				{"event":"New Ticket Logged","ticket":{"id":5501,"summary":"RAID degraded on GLOBEX-DC1",
				 "details":"<p>Slot 3 failed</p>",%s"tickettype_id":%s,"client_id":%s,"category_1":"Server Hardware"}}
				""".formatted(extra, ticketType, client);
	}

	private static InboundAlert raised(String body, WebhookSettings settings) {
		WebhookDelivery delivery = HALO.translate(json(body), settings);
		assertThat(delivery).isInstanceOf(WebhookDelivery.Raise.class);
		return ((WebhookDelivery.Raise) delivery).alert();
	}

	private static WebhookSettings settings(List<String> startOn, Map<String, String> tenants) {
		return new WebhookSettings(new Secret("p"), null, "closeloop", tenants, null, startOn, null);
	}

	private static JsonNode json(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
