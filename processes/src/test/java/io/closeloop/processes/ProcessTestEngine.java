package io.closeloop.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.StreamSupport;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;

/**
 * The in-memory Zeebe engine with a client, for testing a model with its workers stubbed:
 * the test plays each worker by activating and completing its jobs, and moves the
 * engine's clock for timers.
 */
final class ProcessTestEngine implements AutoCloseable {

	private static final Duration IDLE_WAIT = Duration.ofSeconds(5);

	private final ZeebeTestEngine engine;

	private final CamundaClient client;

	ProcessTestEngine() {
		this.engine = EngineFactory.create(freePort());
		this.engine.start();
		this.client = CamundaClient.newClientBuilder()
			.grpcAddress(URI.create("http://" + this.engine.getGatewayAddress()))
			.preferRestOverGrpc(false)
			.defaultRequestTimeout(Duration.ofSeconds(10))
			.build();
	}

	CamundaClient client() {
		return this.client;
	}

	void deploy(String... resources) {
		var command = this.client.newDeployResourceCommand().addResourceFromClasspath(resources[0]);
		for (int i = 1; i < resources.length; i++) {
			command = command.addResourceFromClasspath(resources[i]);
		}
		command.send().join();
	}

	ProcessInstanceEvent start(String processId, Map<String, Object> variables) {
		return this.client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.variables(variables)
			.send()
			.join();
	}

	/** Waits for one job of the type and returns it, failing the test if none comes. */
	ActivatedJob nextJob(String type) {
		for (int attempt = 0; attempt < 50; attempt++) {
			List<ActivatedJob> jobs = this.client.newActivateJobsCommand()
				.jobType(type)
				.maxJobsToActivate(1)
				.timeout(Duration.ofMinutes(5))
				.requestTimeout(Duration.ofMillis(200))
				.send()
				.join()
				.getJobs();
			if (!jobs.isEmpty()) {
				return jobs.get(0);
			}
			idle();
		}
		throw new AssertionError("No job of type " + type + " became available");
	}

	/**
	 * Plays the worker of the type: takes its next job and completes it with the
	 * variables.
	 */
	ActivatedJob complete(String type, Map<String, Object> variables) {
		ActivatedJob job = nextJob(type);
		this.client.newCompleteCommand(job.getKey()).variables(variables).send().join();
		idle();
		return job;
	}

	/**
	 * Plays the worker of the type: takes its next job and throws a BPMN error from it.
	 */
	void throwError(String type, String errorCode, Map<String, Object> variables) {
		ActivatedJob job = nextJob(type);
		this.client.newThrowErrorCommand(job.getKey()).errorCode(errorCode).variables(variables).send().join();
		idle();
	}

	void increaseTime(Duration duration) {
		this.engine.increaseTime(duration);
		idle();
	}

	void idle() {
		try {
			this.engine.waitForIdleState(IDLE_WAIT);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("Engine did not become idle", ex);
		}
	}

	/** Keys of the instances of the process that were started, in order. */
	@SuppressWarnings("unchecked")
	List<Long> startedInstances(String processId) {
		idle();
		return StreamSupport.stream(this.engine.getRecordStreamSource().getRecords().spliterator(), false)
			.filter((record) -> record.getRecordType() == RecordType.EVENT)
			.filter((record) -> record.getValueType() == ValueType.PROCESS_INSTANCE)
			.filter((record) -> record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
			.map((record) -> (Record<ProcessInstanceRecordValue>) record)
			.filter((record) -> record.getValue().getBpmnElementType().name().equals("PROCESS"))
			.filter((record) -> record.getValue().getBpmnProcessId().equals(processId))
			.map((record) -> record.getValue().getProcessInstanceKey())
			.toList();
	}

	/** Element ids, in order, that completed in the process instance. */
	List<String> completedElements(long processInstanceKey) {
		idle();
		return processInstanceRecords(processInstanceKey)
			.filter((record) -> record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
			.map((record) -> record.getValue().getElementId())
			.toList();
	}

	void assertEndedAt(long processInstanceKey, String endEventId) {
		List<String> completed = completedElements(processInstanceKey);
		assertThat(completed).as("completed elements").contains(endEventId);
		assertThat(completed.get(completed.size() - 1)).as("last completed element is the process")
			.isEqualTo(processInstanceRecords(processInstanceKey)
				.filter((record) -> record.getValue().getBpmnElementType().name().equals("PROCESS"))
				.findFirst()
				.orElseThrow()
				.getValue()
				.getElementId());
	}

	@SuppressWarnings("unchecked")
	private java.util.stream.Stream<Record<ProcessInstanceRecordValue>> processInstanceRecords(
			long processInstanceKey) {
		return StreamSupport.stream(this.engine.getRecordStreamSource().getRecords().spliterator(), false)
			.filter((record) -> record.getRecordType() == RecordType.EVENT)
			.filter((record) -> record.getValueType() == ValueType.PROCESS_INSTANCE)
			.map((record) -> (Record<ProcessInstanceRecordValue>) record)
			.filter((record) -> record.getValue().getProcessInstanceKey() == processInstanceKey);
	}

	@Override
	public void close() {
		this.client.close();
		this.engine.stop();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
