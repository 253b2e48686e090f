package io.closeloop.workers.connector;

/** An open ticket found for a device during enrichment. */
public record TicketSummary(String id, String summary, String status) {

}
