package io.closeloop.workers.scope;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.camunda.client.exception.CamundaError;
import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.DeviceScope;
import io.closeloop.workers.connector.RmmConnector;
import io.closeloop.workers.journal.AlertJournal;

/**
 * Asks the RMM whose the alert's device is before anything is read from it or done to it.
 * A caller's credentials fix the alert's tenant, but the device id is only what the
 * caller wrote: a device of another client is refused with the BPMN error
 * {@value #OUT_OF_SCOPE}, which hands the alert to a person with the reason and acts on
 * nothing. Each answer is on the alert's timeline.
 */
@Component
public class DeviceScopeCheck {

	/** The BPMN error for a device that is not the alert's tenant's. */
	public static final String OUT_OF_SCOPE = "DEVICE_OUT_OF_SCOPE";

	/**
	 * The process variable set with the error, so the hand-over does not count the
	 * refusal as a failed fix.
	 */
	public static final String OUT_OF_SCOPE_VARIABLE = "deviceOutOfScope";

	private final RmmConnector rmm;

	private final AlertJournal journal;

	public DeviceScopeCheck(RmmConnector rmm, AlertJournal journal) {
		this.rmm = rmm;
		this.journal = journal;
	}

	/**
	 * Returns when the device is the alert's tenant's.
	 * @param alert the alert
	 * @param before what is about to be done ("enrichment", "disk-cleanup")
	 * @throws CamundaError the BPMN error {@value #OUT_OF_SCOPE} when it is not, or when
	 * the RMM cannot say
	 */
	public void confirm(AlertContext alert, String before) {
		DeviceScope scope = this.rmm.scopeOf(alert);
		this.journal.step(alert.alertId(), scope.inScope() ? "Device in scope" : "Device out of scope",
				"before " + before + ": " + scope.finding());
		if (!scope.inScope()) {
			String reason = "Refused to act: " + scope.finding() + "; nothing was done to the device";
			throw CamundaError.bpmnError(OUT_OF_SCOPE, reason,
					Map.of("escalationReason", reason, OUT_OF_SCOPE_VARIABLE, true), null);
		}
	}

}
