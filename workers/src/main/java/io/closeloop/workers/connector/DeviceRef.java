package io.closeloop.workers.connector;

/** A device as the alert named it. */
public record DeviceRef(String id, String hostname, String os, String role) {

}
