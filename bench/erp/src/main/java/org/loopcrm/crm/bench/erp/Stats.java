package org.loopcrm.crm.bench.erp;

import java.util.List;

/** Nearest-rank percentiles of a few hundred latencies: exact, sorted once. */
record Stats(double[] sorted) {
  static Stats of(List<Double> values) {
    return new Stats(values.stream().mapToDouble(Double::doubleValue).sorted().toArray());
  }

  int count() {
    return sorted.length;
  }

  /** The smallest value that {@code p} percent of the values do not exceed; NaN when empty. */
  double percentile(double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  double max() {
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
  }

  double min() {
    return sorted.length == 0 ? Double.NaN : sorted[0];
  }
}
