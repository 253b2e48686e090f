package io.closeloop.engine.zeebe;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** {@code /actuator/health/zeebe}: the engine's liveness as the watchdog last saw it. */
@Component("zeebe")
class ZeebeHealthIndicator extends AbstractHealthIndicator {

	private final EngineWatchdog watchdog;

	ZeebeHealthIndicator(EngineWatchdog watchdog) {
		this.watchdog = watchdog;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		EngineWatchdog.EngineState state = this.watchdog.state();
		if (state.probedAt() == null) {
			// Health is asked before the first scheduled probe: probe now rather than
			// report unknown.
			state = this.watchdog.probe();
		}
		builder.status(state.up() ? "UP" : "DOWN")
			.withDetail("mode", this.watchdog.isEmbedded() ? "embedded (evaluation only)" : "remote cluster")
			.withDetail("lastProbe", String.valueOf(state.probedAt()))
			.withDetail("detail", state.detail())
			.withDetail("replacements", state.replacements());
	}

}
