package io.closeloop.engine.processstart;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every alert-to-resolution instance starts with ({@code closeloop.process.*});
 * the diagram reads them as variables.
 *
 * @param approvalSla how long an L2 approval may wait before it escalates to a supervisor
 * @param scriptPollInterval how long to wait between checks of a running script
 * @param maxScriptPolls checks of a running script before giving up on it
 * @param verifyRetryDelay how long to wait before verifying a fix again
 * @param maxVerifyAttempts verification checks before escalating a fix that did not hold
 */
@ConfigurationProperties("closeloop.process")
public record ProcessSettings(@DefaultValue("PT4H") Duration approvalSla,
		@DefaultValue("PT1S") Duration scriptPollInterval, @DefaultValue("300") int maxScriptPolls,
		@DefaultValue("PT15S") Duration verifyRetryDelay, @DefaultValue("3") int maxVerifyAttempts) {

	public ProcessSettings {
		if (maxScriptPolls < 1 || maxVerifyAttempts < 1) {
			throw new IllegalArgumentException(
					"closeloop.process.max-script-polls and max-verify-attempts must be at least 1");
		}
	}

}
