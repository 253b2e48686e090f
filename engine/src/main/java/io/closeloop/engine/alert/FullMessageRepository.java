package io.closeloop.engine.alert;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FullMessageRepository extends JpaRepository<FullMessage, Long> {

	/** How long the alert's whole message is, without reading it. */
	@Query("select m.length from FullMessage m where m.alertId = :alertId")
	Optional<Integer> findLengthByAlertId(long alertId);

}
