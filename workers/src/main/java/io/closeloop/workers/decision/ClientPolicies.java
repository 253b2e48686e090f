package io.closeloop.workers.decision;

import java.time.Instant;
import java.util.List;

import io.closeloop.workers.connector.DeviceRef;

/**
 * What the MSP has configured about a client and its devices, as facts for the rules: a
 * VIP client, business hours or a maintenance window in effect at the time, a production
 * database server, a device the client marked production.
 */
public interface ClientPolicies {

	List<Object> factsFor(String tenant, DeviceRef device, Instant at);

}
