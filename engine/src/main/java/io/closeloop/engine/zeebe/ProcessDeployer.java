package io.closeloop.engine.zeebe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;

/**
 * Deploys every BPMN of the processes module (and of any extra location configured) when
 * the application is ready, and again whenever the embedded engine was replaced. Zeebe
 * ignores a deployment whose resources did not change, so deploying again is harmless on
 * a real cluster.
 */
@Component
public class ProcessDeployer {

	private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

	private final CamundaClient client;

	private final String locations;

	private final ApplicationEventPublisher publisher;

	ProcessDeployer(CamundaClient client,
			@Value("${closeloop.processes.locations:classpath*:processes/*.bpmn}") String locations,
			ApplicationEventPublisher publisher) {
		this.client = client;
		this.locations = locations;
		this.publisher = publisher;
	}

	private volatile boolean deployed;

	/**
	 * Deploys at start; an unreachable cluster must not stop the application, which keeps
	 * alerts meanwhile.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void deployOnStart() {
		try {
			deploy();
		}
		catch (RuntimeException ex) {
			log.warn("Could not deploy the processes yet ({}); will try again when the engine answers",
					ex.getMessage());
		}
	}

	/**
	 * Deploys unless this application already did; the watchdog calls it whenever the
	 * engine answers.
	 */
	public void deployIfNeeded() {
		if (!this.deployed) {
			deploy();
		}
	}

	/**
	 * Whether the engine now answering has the processes: nothing may start a process by
	 * message before, or the message would wait for a definition that is not there.
	 */
	public boolean isDeployed() {
		return this.deployed;
	}

	/** The engine was replaced by an empty one: its processes must be deployed again. */
	public void engineReplaced() {
		this.deployed = false;
	}

	/** Deploys the processes; returns the names of the resources deployed. */
	public List<String> deploy() {
		List<Resource> resources = resources();
		if (resources.isEmpty()) {
			log.warn("No BPMN found at {}", this.locations);
			return List.of();
		}
		DeployResourceCommandStep2 command = null;
		List<String> names = new ArrayList<>();
		for (Resource resource : resources) {
			try (InputStream in = resource.getInputStream()) {
				byte[] bytes = in.readAllBytes();
				command = (command == null)
						? this.client.newDeployResourceCommand().addResourceBytes(bytes, resource.getFilename())
						: command.addResourceBytes(bytes, resource.getFilename());
				names.add(resource.getFilename());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + resource, ex);
			}
		}
		command.send().join();
		this.deployed = true;
		log.info("Deployed {}", names);
		this.publisher.publishEvent(new ProcessesDeployed(names));
		return names;
	}

	private List<Resource> resources() {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		List<Resource> resources = new ArrayList<>();
		for (String location : this.locations.split(",")) {
			try {
				resources.addAll(List.of(resolver.getResources(location.trim())));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot list " + location, ex);
			}
		}
		return resources;
	}

}
