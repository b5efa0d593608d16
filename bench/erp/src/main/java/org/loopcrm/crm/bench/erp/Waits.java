package org.loopcrm.crm.bench.erp;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Polling until a condition yields a value: the bench's only way of waiting. */
final class Waits {
  private Waits() {}

  /**
   * Calls {@code probe} every {@code every} until it returns non-null, and returns that.
   *
   * @throws TimedOut when {@code timeout} passes first
   */
  static <T> T until(String what, Duration timeout, Duration every, Supplier<T> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new TimedOut("timed out after " + timeout + " waiting for " + what);
      }
      LockSupport.parkNanos(every.toNanos());
    }
  }

  /** Like {@link #until} but returns null on timeout instead of failing. */
  static <T> T orNull(Duration timeout, Duration every, Supplier<T> probe) {
    try {
      return until("", timeout, every, probe);
    } catch (TimedOut e) {
      return null;
    }
  }

  /** The condition did not hold in time. */
  static final class TimedOut extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    TimedOut(String message) {
      super(message);
    }
  }
}
