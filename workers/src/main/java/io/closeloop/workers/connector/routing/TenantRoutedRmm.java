package io.closeloop.workers.connector.routing;

import java.util.Map;
import java.util.Optional;

import io.closeloop.workers.connector.AlertContext;
import io.closeloop.workers.connector.DeviceFacts;
import io.closeloop.workers.connector.DeviceScope;
import io.closeloop.workers.connector.RmmConnector;
import io.closeloop.workers.connector.ScriptRun;
import io.closeloop.workers.connector.Verification;

/**
 * The RMM when tenants are served by different ones: every call goes to the connector
 * configured for the alert's tenant.
 */
public class TenantRoutedRmm implements RmmConnector {

	private final ConnectorChoice choice;

	private final Map<String, RmmConnector> connectors;

	public TenantRoutedRmm(ConnectorChoice choice, Map<String, RmmConnector> connectors) {
		this.choice = choice;
		this.connectors = Map.copyOf(connectors);
	}

	@Override
	public String system() {
		return "per-tenant";
	}

	@Override
	public DeviceScope scopeOf(AlertContext alert) {
		return of(alert.tenant()).scopeOf(alert);
	}

	@Override
	public Optional<String> scriptsUnavailable(String tenant) {
		return of(tenant).scriptsUnavailable(tenant);
	}

	@Override
	public DeviceFacts deviceFacts(AlertContext alert) {
		return of(alert.tenant()).deviceFacts(alert);
	}

	@Override
	public ScriptRun runScript(AlertContext alert, String script, String idempotencyKey) {
		return of(alert.tenant()).runScript(alert, script, idempotencyKey);
	}

	@Override
	public ScriptRun scriptRun(String tenant, String runId) {
		return of(tenant).scriptRun(tenant, runId);
	}

	@Override
	public Verification verify(AlertContext alert, String check) {
		return of(alert.tenant()).verify(alert, check);
	}

	/** The connector serving the tenant. */
	public RmmConnector of(String tenant) {
		return this.connectors.get(this.choice.connectorOf(tenant));
	}

}
