package io.closeloop.engine.processstart;

import org.springframework.stereotype.Component;

import io.closeloop.engine.alert.AlertRepository;
import io.closeloop.rules.AlertStatus;

/**
 * How many more processes may start now: the engine is given no more than it can work on,
 * and fewer while a storm of alerts comes in, so that taking alerts in comes first.
 */
@Component
class StartAdmission {

	private final AlertRepository alerts;

	private final ProcessStartSettings settings;

	private final IntakeRate intakeRate = new IntakeRate();

	StartAdmission(AlertRepository alerts, ProcessStartSettings settings) {
		this.alerts = alerts;
		this.settings = settings;
	}

	/** A new alert was accepted: it counts towards the intake rate. */
	void alertAccepted() {
		this.intakeRate.record();
	}

	/** How many processes may be busy now, by the intake rate of the last second. */
	int maxBusyNow() {
		return this.settings.maxBusyProcesses(this.intakeRate.lastSecond());
	}

	/** How many more processes may start now; zero or less when the engine has enough. */
	long room() {
		return maxBusyNow() - this.alerts.countBusy(AlertStatus.BUSY);
	}

}
