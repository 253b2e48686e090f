package io.closeloop.ui.alerts;

import java.util.List;
import java.util.Optional;

import io.closeloop.ui.security.TenantScope;

/**
 * The alerts as technicians and supervisors see them; the application that stores alerts
 * implements it.
 */
public interface AlertBoard {

	/** The latest alerts of the clients in scope. */
	List<AlertRow> recent(int limit, TenantScope scope);

	/**
	 * The alert, unless it belongs to a client out of scope (then empty, as if it did not
	 * exist).
	 */
	Optional<AlertDetail> find(long id, TenantScope scope);

	/**
	 * The alert's whole message, also when the alert holds only its beginning; empty as
	 * {@link #find} is.
	 */
	Optional<String> fullMessage(long id, TenantScope scope);

}
