package io.closeloop.engine.processstart;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import io.closeloop.engine.alert.Alert;
import io.closeloop.engine.alert.AlertRepository;
import io.closeloop.engine.correlation.AlertCorrelator;
import io.closeloop.engine.instance.InstanceProperties;
import io.closeloop.engine.instance.LeaderLease;
import io.closeloop.engine.instance.LeaderLeases;

/**
 * Correlates new alerts before their starts may be claimed, in one instance: the one
 * holding the {@code alert-correlation} lease. Whenever an instance takes the lease (at
 * its start, or when the leader before it died), it first rebuilds the correlation window
 * from the alerts already correlated, so no window starts empty and every instance's
 * alerts are correlated with every other's, in the order they came.
 */
@Component
class NewAlertCorrelation {

	private static final Logger log = LoggerFactory.getLogger(NewAlertCorrelation.class);

	private final ProcessStartRepository starts;

	private final AlertRepository alerts;

	private final AlertCorrelator correlator;

	private final LeaderLease leadership;

	private long rebuiltInTerm;

	NewAlertCorrelation(ProcessStartRepository starts, AlertRepository alerts, AlertCorrelator correlator,
			LeaderLeases leases, InstanceProperties instance) {
		this.starts = starts;
		this.alerts = alerts;
		this.correlator = correlator;
		this.leadership = leases.lease(LeaderLeases.CORRELATION, instance.correlationLease());
	}

	/**
	 * Correlates up to {@code max} new alerts, oldest first, if this instance leads
	 * correlation; returns how many starts it made ready to claim.
	 */
	synchronized int correlateNew(int max) {
		long term = this.leadership.lead();
		if (term == 0) {
			return 0;
		}
		if (term != this.rebuiltInTerm) {
			int seen = this.correlator.rebuildWindow();
			this.rebuiltInTerm = term;
			log.info("Correlation window rebuilt from {} alert(s) already correlated", seen);
		}
		List<ProcessStart> fresh = this.starts.findByCorrelatedFalseOrderByAlertIdAsc(PageRequest.of(0, max));
		Map<Long, Alert> byId = this.alerts.findAllById(fresh.stream().map(ProcessStart::getAlertId).toList())
			.stream()
			.collect(Collectors.toMap(Alert::getId, Function.identity()));
		for (ProcessStart start : fresh) {
			Alert alert = byId.get(start.getAlertId());
			if (alert != null && !alert.getStatus().isFinal()) {
				try {
					this.correlator.correlate(alert);
				}
				catch (RuntimeException ex) {
					// Correlation groups alerts; without it each alert is still handled
					// on its own.
					log.warn("Could not correlate alert {}: {}", alert.getId(), ex.toString());
				}
			}
			this.starts.correlated(start.getAlertId());
		}
		return fresh.size();
	}

}
