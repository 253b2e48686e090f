package io.closeloop.engine.telemetry;

import java.time.Instant;

/** One value of a series at one time, as the trend detector sees it. */
record Reading(Instant at, double value) {

}
