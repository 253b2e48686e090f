package io.closeloop.engine.alert;

import io.closeloop.rules.AlertStatus;

/**
 * Published, inside the transaction that records it, when an alert reaches a final
 * status, so whatever still waits on the alert can let go.
 */
public record AlertClosed(long alertId, AlertStatus status) {

}
