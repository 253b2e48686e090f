package io.closeloop.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The lint that the build runs on the diagrams (bpmnlint with the camunda-compat plugin,
 * configured by {@code .bpmnlintrc}) rejects a diagram the engine would reject. Runs the
 * same {@code npx --no-install bpmnlint} as the build, on a deliberately broken diagram;
 * the build's {@code npm ci} has installed it before the tests run.
 */
class BpmnLintTests {

	private static final String BROKEN = "src/test/resources/lint/broken.bpmn";

	@Test
	void shouldRejectADiagramTheEngineWouldReject() throws Exception {
		Lint lint = bpmnlint(BROKEN);

		assertThat(lint.exitCode()).as(lint.output()).isNotZero();
		// camunda-compat reports a service task without a job type, which Zeebe refuses
		// to
		// deploy; it names the element, not the rule.
		assertThat(lint.output()).contains("service_task_without_job_type")
			.contains("must have one extension element of type <zeebe:TaskDefinition>");
		// bpmnlint's own recommended rules run too.
		assertThat(lint.output()).contains("start_event_unlabelled").contains("label-required");
	}

	private static Lint bpmnlint(String diagram) throws IOException, InterruptedException {
		String npx = System.getProperty("os.name").startsWith("Windows") ? "npx.cmd" : "npx";
		// No installing on the fly: the pinned bpmnlint from package-lock.json or
		// nothing.
		Process process = new ProcessBuilder(npx, "--no-install", "bpmnlint", diagram).redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("bpmnlint finished").isTrue();
		return new Lint(process.exitValue(), output);
	}

	private record Lint(int exitCode, String output) {

	}

}
