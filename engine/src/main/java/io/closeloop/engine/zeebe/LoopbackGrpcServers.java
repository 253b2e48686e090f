package io.closeloop.engine.zeebe;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import io.grpc.ServerBuilder;
import io.grpc.ServerProvider;
import io.grpc.ServerRegistry;
import io.grpc.netty.NettyServerBuilder;

/**
 * Makes every gRPC server this application opens by port listen on the loopback address
 * only. The embedded engine's gateway has no authentication: anyone reaching it could
 * complete an approval job or start a process for any tenant. The test engine it is built
 * on opens its gateway with {@code ServerBuilder.forPort}, which listens on every
 * interface and takes no address; this provider, registered ahead of gRPC's own, answers
 * that call with a server bound to loopback. Closeloop runs no other gRPC server.
 */
final class LoopbackGrpcServers extends ServerProvider {

	private static final LoopbackGrpcServers INSTANCE = new LoopbackGrpcServers();

	private static boolean installed;

	private LoopbackGrpcServers() {
	}

	/** Registers the provider, once per JVM. */
	static synchronized void install() {
		if (!installed) {
			ServerRegistry.getDefaultRegistry().register(INSTANCE);
			installed = true;
		}
	}

	@Override
	protected boolean isAvailable() {
		return true;
	}

	/** Ahead of gRPC's Netty provider (5). */
	@Override
	protected int priority() {
		return 9;
	}

	@Override
	protected ServerBuilder<?> builderForPort(int port) {
		return NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
	}

}
