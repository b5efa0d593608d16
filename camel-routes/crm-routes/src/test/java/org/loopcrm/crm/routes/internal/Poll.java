package org.loopcrm.crm.routes.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for asynchronous outcomes by polling, with a deadline (awaitility is not available). */
public final class Poll {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
  private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

  private Poll() {}

  /** Polls until {@code condition} holds; fails with {@code what} after the default timeout. */
  public static void until(String what, BooleanSupplier condition) {
    until(what, DEFAULT_TIMEOUT, condition);
  }

  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
      }
      LockSupport.parkNanos(INTERVAL_NANOS);
    }
  }

  /** Polls until {@code assertion} stops throwing; rethrows its last failure after the timeout. */
  public static void untilAsserted(Runnable assertion) {
    long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError e) {
        if (System.nanoTime() - deadline > 0) {
          throw e;
        }
      }
      LockSupport.parkNanos(INTERVAL_NANOS);
    }
  }
}
