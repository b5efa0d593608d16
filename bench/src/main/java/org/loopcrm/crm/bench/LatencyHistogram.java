package org.loopcrm.crm.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A log-linear latency histogram in the manner of HdrHistogram, in microseconds.
 *
 * <p>Values below {@value #LINEAR_LIMIT} µs (about 2 ms) each have their own bucket, so they are
 * exact. Above that, every power-of-two range is split into 1024 equal buckets, so a recorded value
 * is reported with a relative error below 1/1024 (0.1 %), whatever its size. Memory is fixed (about
 * 220 KB) however many values are recorded, and recording is a couple of shifts and an increment.
 * Not thread-safe: each client records into its own histogram and they are {@link #add added}
 * together at the end of a phase.
 *
 * <p>Percentiles use the nearest-rank definition: the value at percentile {@code p} of {@code n}
 * values is the smallest recorded value {@code v} such that at least {@code ceil(p/100 * n)} values
 * are {@code <= v}. The answer is the upper edge of the bucket that holds it, never more than the
 * exact maximum, so {@code p100} is the exact maximum.
 */
public final class LatencyHistogram {

  private static final int SUB_BUCKET_BITS = 11;
  static final long LINEAR_LIMIT = 1L << SUB_BUCKET_BITS; // 2048
  private static final int HALF = 1 << (SUB_BUCKET_BITS - 1); // 1024

  /** Values above this (about 19 hours in µs) are clamped to it; the exact max is still kept. */
  static final long HIGHEST_TRACKABLE = (1L << 36) - 1;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private static final int MAX_SHIFT = 36 - SUB_BUCKET_BITS;

  private final long[] counts = new long[(int) LINEAR_LIMIT + MAX_SHIFT * HALF];
  private long totalCount;
  private long min = Long.MAX_VALUE;
  private long max;
  private double sum;

  /** Records one latency in microseconds; negative values count as zero. */
  public void record(long micros) {
    long v = Math.max(0, micros);
    counts[indexOf(Math.min(v, HIGHEST_TRACKABLE))]++;
    totalCount++;
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }

  /** Adds every value recorded in {@code other} to this histogram. */
  public void add(LatencyHistogram other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    totalCount += other.totalCount;
    sum += other.sum;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
  }

  /** How many values were recorded. */
  public long count() {
    return totalCount;
  }

  /** The exact largest value in µs, or 0 when empty. */
  public long max() {
    return max;
  }

  /** The exact smallest value in µs, or 0 when empty. */
  public long min() {
    return totalCount == 0 ? 0 : min;
  }

  /** The exact mean in µs, or 0 when empty. */
  public double mean() {
    return totalCount == 0 ? 0 : sum / totalCount;
  }

  /**
   * The value at {@code percentile} (0 to 100) in µs, or 0 when empty; see the class comment for
   * the definition.
   */
  public long valueAtPercentile(double percentile) {
    if (Double.isNaN(percentile) || percentile < 0 || percentile > 100) {
      throw new IllegalArgumentException("percentile must be within 0..100, was " + percentile);
    }
    if (totalCount == 0) {
      return 0;
    }
    // Decimal arithmetic: in binary, 99.9 / 100 * 200000 is 199800.00000000003, one rank too far.
    long rank =
        BigDecimal.valueOf(percentile)
            .multiply(BigDecimal.valueOf(totalCount))
            .divide(HUNDRED, 0, RoundingMode.CEILING)
            .longValueExact();
    rank = Math.max(1, Math.min(totalCount, rank));
    if (rank == totalCount) {
      return max; // exact, even for a value above HIGHEST_TRACKABLE
    }
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.max(min, Math.min(max, highestEquivalent(i)));
      }
    }
    return max;
  }

  static int indexOf(long v) {
    if (v < LINEAR_LIMIT) {
      return (int) v;
    }
    int shift = (63 - Long.numberOfLeadingZeros(v)) - (SUB_BUCKET_BITS - 1);
    int sub = (int) (v >>> shift); // within [HALF, 2 * HALF)
    return (int) LINEAR_LIMIT + (shift - 1) * HALF + (sub - HALF);
  }

  static long highestEquivalent(int index) {
    if (index < LINEAR_LIMIT) {
      return index;
    }
    int offset = index - (int) LINEAR_LIMIT;
    int shift = offset / HALF + 1;
    long sub = HALF + (offset % HALF);
    return ((sub + 1) << shift) - 1;
  }
}
