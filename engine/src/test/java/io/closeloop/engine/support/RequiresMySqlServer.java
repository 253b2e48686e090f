package io.closeloop.engine.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips, saying so, the tests that need a MySQL-compatible server where none listens. */
public class RequiresMySqlServer implements ExecutionCondition {

	private static final String REASON = "MySQL integration tests skipped: no MySQL-compatible server listens on 127.0.0.1:3306";

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 3306), 1000);
			return ConditionEvaluationResult.enabled("a server listens on 127.0.0.1:3306");
		}
		catch (IOException ex) {
			System.out.println(REASON + " (" + context.getDisplayName() + ")");
			return ConditionEvaluationResult.disabled(REASON);
		}
	}

}
