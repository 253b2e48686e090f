package io.closeloop.engine.alert;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AlertEventRepository extends JpaRepository<AlertEvent, Long> {

	List<AlertEvent> findByAlertIdOrderByIdAsc(Long alertId);

}
