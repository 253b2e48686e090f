package io.closeloop.engine.processstart;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.closeloop.engine.instance.Instance;

/**
 * Takes due starts for this instance's dispatcher, so that of several instances on one
 * database each start is sent by one. The rows are locked with {@code SKIP LOCKED} and
 * marked claimed in one short transaction; the claim then keeps them from the other
 * instances until it ends (half the start message's time to live, so that a start sent
 * again after an instance died while sending it is still refused as a repeat by the
 * engine).
 */
@Component
class StartClaims {

	private final ProcessStartRepository starts;

	private final TransactionTemplate claim;

	private final String instance;

	private final Duration claimFor;

	private final Clock clock;

	@Autowired
	StartClaims(ProcessStartRepository starts, PlatformTransactionManager transactions, Instance instance,
			ProcessStartSettings settings, Clock clock) {
		this(starts, transactions, instance.id(), settings.messageTtl().dividedBy(2), clock);
	}

	StartClaims(ProcessStartRepository starts, PlatformTransactionManager transactions, String instance,
			Duration claimFor, Clock clock) {
		this.starts = starts;
		this.claim = new TransactionTemplate(transactions);
		// Read committed: the claim locks the rows it takes, not the ranges it scanned.
		this.claim.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.instance = instance;
		this.claimFor = claimFor;
		this.clock = clock;
	}

	/** Claims up to {@code limit} due starts, oldest alert first. */
	List<ProcessStart> claim(int limit) {
		return this.claim.execute((tx) -> {
			List<Long> due = this.starts.lockDue(this.clock.instant(), limit);
			if (due.isEmpty()) {
				return List.<ProcessStart>of();
			}
			this.starts.claim(due, this.instance, this.clock.instant().plus(this.claimFor));
			return this.starts.findByAlertIdInOrderByAlertIdAsc(due);
		});
	}

}
