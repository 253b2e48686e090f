package io.closeloop.engine.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * A stand-in for the URLs ConnectWise names its callbacks' signing keys at
 * ({@code Metadata.key_url}), running for the whole test run: the application's one
 * context is configured to fetch keys from it, as from a ConnectWise server of one's own.
 */
public final class ConnectWiseKeyServer {

	/** The company the test callbacks come from, as the demo's callbacks do. */
	public static final String COMPANY = "msp";

	private static final WireMockServer SERVER = start();

	private ConnectWiseKeyServer() {
	}

	public static WireMockServer server() {
		return SERVER;
	}

	/** The origin keys may be fetched from: {@code http://localhost:<port>}. */
	public static String origin() {
		return "http://localhost:" + SERVER.port();
	}

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

}
