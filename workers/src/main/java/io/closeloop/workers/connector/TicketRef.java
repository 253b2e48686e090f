package io.closeloop.workers.connector;

/** A ticket in a PSA. */
public record TicketRef(String system, String id) {

}
