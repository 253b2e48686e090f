package io.closeloop.engine.alert;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every alert-to-resolution instance starts with; the diagram reads them as
 * variables.
 *
 * @param approvalSla how long an L2 approval may wait before it escalates to a supervisor
 * @param scriptPollInterval how long to wait between checks of a running script
 * @param maxScriptPolls checks of a running script before giving up on it
 * @param verifyRetryDelay how long to wait before verifying a fix again
 * @param maxVerifyAttempts verification checks before escalating a fix that did not hold
 */
@ConfigurationProperties("closeloop.process")
public record ProcessSettings(Duration approvalSla, Duration scriptPollInterval, int maxScriptPolls,
		Duration verifyRetryDelay, int maxVerifyAttempts) {

	public ProcessSettings {
		approvalSla = (approvalSla != null) ? approvalSla : Duration.ofHours(4);
		scriptPollInterval = (scriptPollInterval != null) ? scriptPollInterval : Duration.ofSeconds(1);
		maxScriptPolls = (maxScriptPolls > 0) ? maxScriptPolls : 300;
		verifyRetryDelay = (verifyRetryDelay != null) ? verifyRetryDelay : Duration.ofSeconds(15);
		maxVerifyAttempts = (maxVerifyAttempts > 0) ? maxVerifyAttempts : 3;
	}

}
