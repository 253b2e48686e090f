package io.closeloop.engine.alert;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DecisionRecordRepository extends JpaRepository<DecisionRecord, Long> {

	List<DecisionRecord> findByAlertIdOrderByIdAsc(long alertId);

}
