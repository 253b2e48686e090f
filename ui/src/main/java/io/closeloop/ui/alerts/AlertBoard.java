package io.closeloop.ui.alerts;

import java.util.List;
import java.util.Optional;

/**
 * The alerts as technicians and supervisors see them; the application that stores alerts
 * implements it.
 */
public interface AlertBoard {

	List<AlertRow> recent(int limit);

	Optional<AlertDetail> find(long id);

}
