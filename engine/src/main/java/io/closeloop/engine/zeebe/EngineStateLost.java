package io.closeloop.engine.zeebe;

/**
 * Published when the embedded engine starts empty: at application start (its state did
 * not survive the restart) and after the watchdog replaced a dead engine. Every process
 * instance the application knew of is gone; whatever waits on one must let go.
 */
public record EngineStateLost(String why) {

}
