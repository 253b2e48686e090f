package io.closeloop.engine.instance;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Who this instance is, in the leases it holds. */
@Component
public class Instance {

	private final String id;

	Instance(InstanceProperties properties, Environment environment) {
		this.id = properties.id().isBlank() ? hostName() + ":" + environment.getProperty("server.port", "8080")
				: properties.id();
	}

	public String id() {
		return this.id;
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
