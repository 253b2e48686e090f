package io.closeloop.engine.webhook;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ReceivedDeliveryRepository extends JpaRepository<ReceivedDelivery, String> {

	@Modifying
	@Transactional
	@Query("delete from ReceivedDelivery d where d.receivedAt < :before")
	int deleteReceivedBefore(Instant before);

}
