package io.closeloop.workers.connector;

/** The outcome of a verification check, with the evidence behind it. */
public record Verification(boolean passed, String evidence) {

}
