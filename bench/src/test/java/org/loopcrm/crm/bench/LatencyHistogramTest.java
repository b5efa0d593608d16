package org.loopcrm.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void emptyHistogramReportsZeros() {
    LatencyHistogram h = new LatencyHistogram();

    assertThat(h.count()).isZero();
    assertThat(h.valueAtPercentile(50)).isZero();
    assertThat(h.valueAtPercentile(100)).isZero();
    assertThat(h.max()).isZero();
    assertThat(h.min()).isZero();
    assertThat(h.mean()).isZero();
  }

  @Test
  void smallValuesGiveExactNearestRankPercentiles() {
    List<Long> values = new ArrayList<>();
    for (long v = 1; v <= 1000; v++) {
      values.add(v);
    }
    Collections.shuffle(values, new Random(42));
    LatencyHistogram h = new LatencyHistogram();
    values.forEach(h::record);

    assertThat(h.count()).isEqualTo(1000);
    assertThat(h.valueAtPercentile(50)).isEqualTo(500);
    assertThat(h.valueAtPercentile(90)).isEqualTo(900);
    assertThat(h.valueAtPercentile(99)).isEqualTo(990);
    assertThat(h.valueAtPercentile(99.9)).isEqualTo(999);
    assertThat(h.valueAtPercentile(100)).isEqualTo(1000);
    assertThat(h.valueAtPercentile(0)).isEqualTo(1);
    assertThat(h.min()).isEqualTo(1);
    assertThat(h.max()).isEqualTo(1000);
    assertThat(h.mean()).isEqualTo(500.5);
  }

  @Test
  void percentilesOfFewValuesFollowNearestRank() {
    LatencyHistogram h = new LatencyHistogram();
    for (long v : new long[] {30, 10, 20, 40}) {
      h.record(v);
    }

    // ceil(0.5 * 4) = 2nd value; ceil(0.9 * 4) = 4th; ceil(0.25 * 4) = 1st; ceil(0.26 * 4) = 2nd
    assertThat(h.valueAtPercentile(50)).isEqualTo(20);
    assertThat(h.valueAtPercentile(90)).isEqualTo(40);
    assertThat(h.valueAtPercentile(25)).isEqualTo(10);
    assertThat(h.valueAtPercentile(26)).isEqualTo(20);
  }

  @Test
  void largeValuesStayWithinATenthOfAPercentOfTheExactPercentile() {
    Random random = new Random(7);
    int n = 200_000;
    long[] values = new long[n];
    LatencyHistogram h = new LatencyHistogram();
    for (int i = 0; i < n; i++) {
      // log-normal-ish spread from about 100 µs to several seconds, like real latencies
      values[i] = (long) Math.exp(4.6 + random.nextGaussian() * 2.0) + 1;
      h.record(values[i]);
    }
    Arrays.sort(values);

    for (double p : new double[] {1, 10, 50, 90, 99, 99.9, 99.99}) {
      int rank =
          BigDecimal.valueOf(p)
              .multiply(BigDecimal.valueOf(n))
              .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
              .intValueExact();
      long exact = values[rank - 1];
      long reported = h.valueAtPercentile(p);
      assertThat(reported).as("p%s", p).isGreaterThanOrEqualTo(exact);
      assertThat((double) reported).as("p%s", p).isCloseTo(exact, within(exact / 1000.0 + 1));
    }
    assertThat(h.valueAtPercentile(100)).isEqualTo(values[n - 1]);
    assertThat(h.max()).isEqualTo(values[n - 1]);
  }

  @Test
  void everyBucketHoldsOnlyValuesWithinItsRelativeError() {
    for (long v = 0; v < 5_000_000; v += 997) {
      assertBucket(v);
    }
    for (int bit = 11; bit < 36; bit++) {
      long v = 1L << bit;
      assertBucket(v - 1);
      assertBucket(v);
      assertBucket(v + 1);
    }
  }

  private static void assertBucket(long v) {
    long upper = LatencyHistogram.highestEquivalent(LatencyHistogram.indexOf(v));
    assertThat(upper).isGreaterThanOrEqualTo(v);
    assertThat(upper - v).isLessThanOrEqualTo(v / 1024);
  }

  @Test
  void percentilesAreMonotonicAndNeverAboveTheMax() {
    LatencyHistogram h = new LatencyHistogram();
    Random random = new Random(3);
    for (int i = 0; i < 10_000; i++) {
      h.record(random.nextInt(1_000_000));
    }

    long previous = 0;
    for (double p = 0; p <= 100; p += 0.5) {
      long v = h.valueAtPercentile(p);
      assertThat(v).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(h.max());
      previous = v;
    }
  }

  @Test
  void addingHistogramsIsLikeRecordingEverythingInOne() {
    LatencyHistogram a = new LatencyHistogram();
    LatencyHistogram b = new LatencyHistogram();
    LatencyHistogram both = new LatencyHistogram();
    for (long v = 1; v <= 5000; v++) {
      (v % 3 == 0 ? a : b).record(v * 7);
      both.record(v * 7);
    }

    a.add(b);

    assertThat(a.count()).isEqualTo(both.count());
    assertThat(a.min()).isEqualTo(7);
    assertThat(a.max()).isEqualTo(35_000);
    assertThat(a.mean()).isEqualTo(both.mean());
    for (double p : new double[] {0, 50, 90, 99, 100}) {
      assertThat(a.valueAtPercentile(p)).isEqualTo(both.valueAtPercentile(p));
    }
  }

  @Test
  void negativeAndHugeValuesAreKeptInRange() {
    LatencyHistogram h = new LatencyHistogram();
    h.record(-5);
    h.record(Long.MAX_VALUE / 2);

    assertThat(h.min()).isZero();
    assertThat(h.valueAtPercentile(50)).isZero();
    assertThat(h.valueAtPercentile(100)).isEqualTo(Long.MAX_VALUE / 2);
  }

  @Test
  void rejectsPercentilesOutsideZeroToHundred() {
    LatencyHistogram h = new LatencyHistogram();

    assertThatThrownBy(() -> h.valueAtPercentile(100.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> h.valueAtPercentile(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> h.valueAtPercentile(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
