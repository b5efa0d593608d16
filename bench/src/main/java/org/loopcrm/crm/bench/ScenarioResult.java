package org.loopcrm.crm.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The figures of one scenario, summed over its slices in every round.
 *
 * @param scenario what was measured
 * @param requests requests answered within the scenario's slices, successful or not; a request
 *     still in flight when a slice ends is not counted
 * @param errors of those, the ones that did not get the expected answer (or no answer at all)
 * @param length the measured time, all slices together
 * @param latencies the latencies of the successful requests, in µs
 * @param errorKinds how many errors of each kind, e.g. {@code HTTP 503}
 * @param errorSamples the first few errors, with status code and the start of the body
 */
public record ScenarioResult(
    Scenario scenario,
    long requests,
    long errors,
    Duration length,
    LatencyHistogram latencies,
    Map<String, Long> errorKinds,
    List<String> errorSamples) {

  /** Successful requests. */
  public long successes() {
    return requests - errors;
  }

  /** Successful requests per second of measured time. */
  public double requestsPerSecond() {
    double seconds = length.toNanos() / 1e9;
    return seconds <= 0 ? 0 : successes() / seconds;
  }

  /** The latency at {@code percentile} in milliseconds. */
  public double latencyMillis(double percentile) {
    return latencies.valueAtPercentile(percentile) / 1000.0;
  }

  /** The largest latency in milliseconds. */
  public double maxMillis() {
    return latencies.max() / 1000.0;
  }
}
