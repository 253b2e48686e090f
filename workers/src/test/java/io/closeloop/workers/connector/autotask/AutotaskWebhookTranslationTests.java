package io.closeloop.workers.connector.autotask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.closeloop.workers.TestRules;
import io.closeloop.workers.connector.Secret;
import io.closeloop.workers.connector.webhook.InboundAlert;
import io.closeloop.workers.connector.webhook.WebhookDelivery;
import io.closeloop.workers.connector.webhook.WebhookRejected;
import io.closeloop.workers.connector.webhook.WebhookSettings;

/**
 * What an Autotask ticket webhook becomes, whatever the case of the field names in its
 * {@code Fields} and whether it uses the REST or the older SOAP name of a field: no
 * public delivery pins either down.
 */
class AutotaskWebhookTranslationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final AutotaskWebhook AUTOTASK = new AutotaskWebhook(TestRules.vendorTypes());

	private static final WebhookSettings SETTINGS = new WebhookSettings(new Secret("s"), null, null,
			Map.of("175", "acme", "212", "globex"), null, List.of("29683498"), null);

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Action | EntityType | Id | QueueID | CompanyID  | Title | Description | ConfigurationItemID | SubIssueType
			action | entityType | id | queueID | companyID  | title | description | configurationItemID | subIssueType
			ACTION | ENTITYTYPE | ID | QUEUEID | COMPANYID  | TITLE | DESCRIPTION | CONFIGURATIONITEMID | SUBISSUETYPE
			Action | EntityType | Id | QueueId | CompanyId  | Title | Description | ConfigurationItemId | SubIssueType
			Action | EntityType | Id | QueueID | AccountID  | Title | Description | InstalledProductID  | SubIssueType
			action | entitytype | id | queueid | accountid  | title | description | installedproductid  | subissuetype
			""")
	void shouldReadATicketWhateverTheCaseOrSpellingOfItsFields(String action, String entityType, String id,
			String queue, String company, String title, String description, String configurationItem, String subIssue) {
		InboundAlert alert = raised("""
				{"%s":"Create","Guid":"a1da62a4-2c49-40a8-8183-69994ce5b3eb","%s":"Ticket","%s":351181,
				 "Fields":{"%s":"29683498","%s":"212","%s":"Backup failed on GLOBEX-NAS","%s":"Nightly job failed",
				  "%s":"30017","%s":"311"},
				 "EventTime":"2026-11-21T10:15:00Z","SequenceNumber":7,"PersonId":30691780}
				""".formatted(action, entityType, id, queue, company, title, description, configurationItem, subIssue));

		assertThat(alert.externalId()).isEqualTo("351181");
		assertThat(alert.tenant()).isEqualTo("globex");
		assertThat(alert.device().id()).isEqualTo("30017");
		assertThat(alert.type()).isEqualTo("subissue.311");
		assertThat(alert.message()).isEqualTo("Backup failed on GLOBEX-NAS\nNightly job failed");
	}

	@Test
	void shouldPreferTheFieldSpelledExactly() {
		InboundAlert alert = raised("""
				{"Action":"Create","EntityType":"Ticket","Id":5,
				 "Fields":{"companyid":"212","CompanyID":"175","QueueID":"29683498","Title":"t"}}
				""");

		assertThat(alert.tenant()).isEqualTo("acme");
	}

	@Test
	void shouldTakeTheEntityTypeInThePluralAsWell() {
		assertThat(raised("""
				{"Action":"Create","EntityType":"Tickets","Id":6,"Fields":{"QueueID":"29683498","CompanyID":"175"}}
				""").externalId()).isEqualTo("6");
	}

	@Test
	void shouldTakeATicketWithoutTitleOrDescription() {
		InboundAlert alert = raised("""
				{"Action":"Create","EntityType":"Ticket","Id":8,"Fields":{"QueueID":"29683498","CompanyID":"175"}}
				""");

		assertThat(alert.message()).isNull();
		assertThat(alert.device().id()).isEqualTo("ticket-8");
		assertThat(alert.type()).isEqualTo("psa.ticket");
	}

	@Test
	void shouldStillNameTheFieldsARoutedTicketCannotDoWithout() {
		WebhookRejected rejected = catchThrowableOfType(WebhookRejected.class, () -> AUTOTASK.translate(json("""
				{"action":"Create","entityType":"Ticket","id":9,"fields":{"TicketNumber":"T20261121.0001"}}
				"""), SETTINGS));

		assertThat(rejected.errors()).extracting(WebhookRejected.FieldProblem::field)
			.containsExactly("Fields.QueueID", "Fields.CompanyID or Fields.AccountID");
	}

	private static InboundAlert raised(String body) {
		WebhookDelivery delivery = AUTOTASK.translate(json(body), SETTINGS);
		assertThat(delivery).isInstanceOf(WebhookDelivery.Raise.class);
		return ((WebhookDelivery.Raise) delivery).alert();
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
