package io.closeloop.workers.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.closeloop.workers.TestAlerts;
import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.ScriptRun;

class SimulatedRmmTests {

	private final MutableClock clock = new MutableClock();

	private final SimulatedRmm rmm = new SimulatedRmm(this.clock, Duration.ofSeconds(2));

	@Test
	void shouldFreeDiskSpaceSoTheCheckPasses() {
		AlertContext alert = TestAlerts.diskLow(1, "ACME-WS-1");
		assertThat(this.rmm.deviceFacts(alert).details()).containsEntry("diskFreePct", "4.0");
		assertThat(this.rmm.verify(alert, "disk-free-above-threshold").passed()).isFalse();

		ScriptRun started = this.rmm.runScript(alert, "disk-cleanup", "alert-1:run-script");
		assertThat(started.status()).isEqualTo(ScriptRun.Status.RUNNING);
		assertThat(this.rmm.scriptRun("acme", started.runId()).status()).isEqualTo(ScriptRun.Status.RUNNING);
		this.clock.advance(Duration.ofSeconds(2));

		ScriptRun finished = this.rmm.scriptRun("acme", started.runId());
		assertThat(finished.status()).isEqualTo(ScriptRun.Status.SUCCEEDED);
		assertThat(finished.output()).contains("4.0% -> 34.0% free");
		assertThat(this.rmm.verify(alert, "disk-free-above-threshold").passed()).isTrue();
	}

	@Test
	void shouldNeverStartASecondRunForTheSameIdempotencyKey() {
		AlertContext alert = TestAlerts.diskLow(2, "ACME-WS-2");
		ScriptRun first = this.rmm.runScript(alert, "disk-cleanup", "alert-2:run-script");
		ScriptRun again = this.rmm.runScript(alert, "disk-cleanup", "alert-2:run-script");

		assertThat(again.runId()).isEqualTo(first.runId());
		assertThat(this.rmm.scriptRuns()).hasSize(1);
	}

	@Test
	void shouldFailScriptsOnADeviceMarkedScriptFail() {
		AlertContext alert = TestAlerts.diskLow(3, "ACME-SCRIPTFAIL-1");
		ScriptRun run = this.rmm.runScript(alert, "disk-cleanup", "alert-3:run-script");
		this.clock.advance(Duration.ofSeconds(3));

		ScriptRun finished = this.rmm.scriptRun("acme", run.runId());
		assertThat(finished.status()).isEqualTo(ScriptRun.Status.FAILED);
		assertThat(finished.exitCode()).isEqualTo(1);
	}

	@Test
	void shouldLeaveANoFixDeviceUnchangedSoVerificationFails() {
		AlertContext alert = TestAlerts.diskLow(4, "ACME-NOFIX-1");
		this.rmm.deviceFacts(alert);
		ScriptRun run = this.rmm.runScript(alert, "disk-cleanup", "alert-4:run-script");
		this.clock.advance(Duration.ofSeconds(3));

		assertThat(this.rmm.scriptRun("acme", run.runId()).status()).isEqualTo(ScriptRun.Status.SUCCEEDED);
		assertThat(this.rmm.verify(alert, "disk-free-above-threshold").evidence())
			.isEqualTo("4.0% free (threshold 15%)");
	}

	@Test
	void shouldNotShowOneTenantsRunToAnother() {
		ScriptRun run = this.rmm.runScript(TestAlerts.diskLow(5, "ACME-WS-5"), "disk-cleanup", "alert-5:run-script");
		assertThat(this.rmm.scriptRun("other-tenant", run.runId()).status()).isEqualTo(ScriptRun.Status.FAILED);
	}

	/** A clock the test moves by hand. */
	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-11-21T10:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
