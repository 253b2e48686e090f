package io.closeloop.workers.decision;

import java.time.Instant;
import java.util.List;

/**
 * What the MSP has configured about a client and its devices, as facts for the rules: a
 * VIP client, business hours or a maintenance window in effect at the time, a production
 * database server.
 */
public interface ClientPolicies {

	List<Object> factsFor(String tenant, String deviceId, Instant at);

}
