package io.closeloop.engine.zeebe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.closeloop.engine.support.IntegrationTest;

/**
 * Nothing the application opens listens beyond the machine: the embedded engine's
 * gateway, which has no authentication, and by default the HTTP server are reachable on
 * loopback and refuse a connection on the machine's own network address.
 */
class LoopbackOnlyTests extends IntegrationTest {

	@Autowired
	private EmbeddedZeebe embedded;

	@Test
	void shouldOpenTheEmbeddedGatewayOnLoopbackOnly() throws IOException {
		InetAddress network = networkAddress();

		assertThat(connects(InetAddress.getLoopbackAddress(), this.embedded.port())).isTrue();
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> connect(network, this.embedded.port()));
	}

	@Test
	void shouldServeHttpOnLoopbackOnlyByDefault() throws IOException {
		InetAddress network = networkAddress();

		assertThat(connects(InetAddress.getLoopbackAddress(), this.port)).isTrue();
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> connect(network, this.port));
	}

	private static boolean connects(InetAddress address, int port) throws IOException {
		connect(address, port);
		return true;
	}

	private static void connect(InetAddress address, int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 2000);
		}
	}

	/** One of the machine's own IPv4 addresses that is not loopback. */
	private static InetAddress networkAddress() throws SocketException {
		Optional<InetAddress> found = NetworkInterface.networkInterfaces()
			.filter(LoopbackOnlyTests::isUp)
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> address instanceof Inet4Address && !address.isLoopbackAddress()
					&& !address.isLinkLocalAddress())
			.findFirst();
		assumeTrue(found.isPresent(), "the machine has no non-loopback IPv4 address to try");
		return found.get();
	}

	private static boolean isUp(NetworkInterface network) {
		try {
			return network.isUp() && !network.isLoopback();
		}
		catch (SocketException ex) {
			return false;
		}
	}

}
