package io.closeloop.workers.connector.http;

/** A vendor's successful (2xx) answer. */
public record VendorResponse(int status, String body) {

}
