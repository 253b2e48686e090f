package io.closeloop.engine.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

/** How a request is made to fit what an alert holds, field by field. */
class FittedAlertTests {

	private static final Instant RECEIVED = Instant.parse("2026-11-21T10:15:02Z");

	@Test
	void shouldCutALongTextToItsColumnAndSayHowLongItWas() {
		String text = "Event 153: the IO operation was retried. ".repeat(1000);

		String cut = FittedAlert.cut(text, 4000);

		assertThat(cut).hasSize(4000)
			.startsWith("Event 153: the IO operation was retried. ")
			.endsWith("… [truncated, " + text.length() + " characters in all]");
		assertThat(FittedAlert.cut("short enough", 4000)).isEqualTo("short enough");
		assertThat(FittedAlert.cut("x".repeat(4000), 4000)).hasSize(4000).doesNotContain("truncated");
	}

	@Test
	void shouldNeverCutACharacterWrittenAsTwoInHalf() {
		// 74 characters: the note takes 35 of the 50, and the 15th kept would be the
		// first
		// half of an emoji.
		String text = "a".repeat(14) + "😀".repeat(30);

		assertThat(FittedAlert.cut(text, 50)).isEqualTo("a".repeat(14) + "… [truncated, 74 characters in all]");
	}

	@Test
	void shouldKeepALongMessageWholeBesideItsBeginning() {
		String message = "C: free space 4%\n" + "Disk 0 retried block 0x2f01a8\n".repeat(2000);

		FittedAlert fitted = FittedAlert.of(request(message, "disk.space.low", "warning", null), RECEIVED);

		assertThat(fitted.alert().message()).hasSize(FittedAlert.MESSAGE).startsWith("C: free space 4%");
		assertThat(fitted.fullMessage()).isEqualTo(message);
		assertThat(fitted.changes()).containsExactly(
				"message cut to 4000 of its " + message.length() + " characters; the whole message is kept",
				"no time given: the time it was received");
	}

	@Test
	void shouldGiveEveryOptionalFieldItsDefault() {
		FittedAlert fitted = FittedAlert.of(new AlertRequest("datto-rmm", "a-9", "acme",
				new AlertRequest.Device("dev-9", " ", null, ""), null, " ", null, null, null), RECEIVED);

		AlertRequest alert = fitted.alert();
		assertThat(alert.type()).isEqualTo("unknown");
		assertThat(alert.severity()).isEqualTo("warning");
		assertThat(alert.message()).isEqualTo("(no message)");
		assertThat(alert.occurredAt()).isEqualTo(RECEIVED);
		assertThat(alert.metrics()).isEmpty();
		assertThat(alert.device()).isEqualTo(new AlertRequest.Device("dev-9", null, null, null));
		assertThat(fitted.fullMessage()).isNull();
		assertThat(fitted.changes()).containsExactly("no message given", "no type given: unknown",
				"no severity given: warning", "no time given: the time it was received");
	}

	@Test
	void shouldCutEveryShortFieldToItsColumn() {
		AlertRequest request = new AlertRequest("tactical", "a-10", "acme",
				new AlertRequest.Device("agent-10", "H".repeat(300), "Windows ".repeat(40), "role-".repeat(30)),
				"type.".repeat(60), "sev-".repeat(20), "m", Map.of(), Instant.parse("2026-11-21T10:15:00Z"));

		AlertRequest alert = FittedAlert.of(request, RECEIVED).alert();

		assertThat(alert.device().hostname()).hasSize(FittedAlert.HOSTNAME).endsWith("300 characters in all]");
		assertThat(alert.device().os()).hasSize(FittedAlert.OS).endsWith("320 characters in all]");
		assertThat(alert.device().role()).hasSize(FittedAlert.ROLE).endsWith("150 characters in all]");
		assertThat(alert.type()).hasSize(FittedAlert.TYPE).endsWith("300 characters in all]");
		assertThat(alert.severity()).hasSize(FittedAlert.SEVERITY).endsWith("80 characters in all]");
		assertThat(alert.device().id()).isEqualTo("agent-10");
		assertThat(alert.occurredAt()).isEqualTo(Instant.parse("2026-11-21T10:15:00Z"));
	}

	@Test
	void shouldDropMetricsItCannotKeepAndKeepTheRest() {
		Map<String, Double> metrics = new LinkedHashMap<>();
		metrics.put("diskFreePct", 4.0);
		metrics.put("unknownYet", null);
		metrics.put("n".repeat(101), 1.0);
		IntStream.range(0, 60).forEach((i) -> metrics.put("volume" + i + "FreePct", (double) i));

		FittedAlert fitted = FittedAlert.of(request("m", "disk.space.low", "warning", metrics), RECEIVED);

		assertThat(fitted.alert().metrics()).hasSize(FittedAlert.MAX_METRICS)
			.containsEntry("diskFreePct", 4.0)
			.containsEntry("volume48FreePct", 48.0)
			.doesNotContainKeys("unknownYet", "volume49FreePct");
		assertThat(fitted.changes()).anySatisfy((change) -> assertThat(change).startsWith("metrics dropped")
			.contains("unknownYet", "volume49FreePct")
			.endsWith("and 3 more"));
	}

	@Test
	void shouldRefuseOnlyAMessageLongerThanAnAlertKeeps() {
		Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

		assertThat(validator.validate(request("x".repeat(FittedAlert.MAX_FULL_MESSAGE), null, null, null))).isEmpty();
		assertThat(validator.validate(request("x".repeat(FittedAlert.MAX_FULL_MESSAGE + 1), null, null, null)))
			.singleElement()
			.satisfies((violation) -> {
				assertThat(violation.getPropertyPath()).hasToString("message");
				assertThat(violation.getMessage()).isEqualTo("is longer than the 1048576 characters an alert keeps");
			});
	}

	private static AlertRequest request(String message, String type, String severity, Map<String, Double> metrics) {
		return new AlertRequest("datto-rmm", "a-1", "acme",
				new AlertRequest.Device("dev-1", "ACME-WS-001", "Windows 11", "workstation"), type, severity, message,
				metrics, null);
	}

}
