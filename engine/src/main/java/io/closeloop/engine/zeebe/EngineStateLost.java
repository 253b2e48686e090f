package io.closeloop.engine.zeebe;

/**
 * Published when the embedded engine starts empty: at application start (its state did
 * not survive the restart) and after the watchdog replaced a dead engine. Every process
 * instance, job and action an earlier embedded engine held is gone; whatever waits on one
 * must let go. What the engine now running holds ({@code incarnation}) and what runs on a
 * cluster is not touched: see {@link EngineIncarnation#isLost}.
 *
 * @param why what happened, for the timeline and the log
 * @param incarnation the engine that runs now
 */
public record EngineStateLost(String why, String incarnation) {

}
