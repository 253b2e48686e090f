package io.closeloop.engine.telemetry;

/** What a sample belongs to: one metric of one device of one tenant. */
record Series(String tenant, String deviceId, String metric) {

}
