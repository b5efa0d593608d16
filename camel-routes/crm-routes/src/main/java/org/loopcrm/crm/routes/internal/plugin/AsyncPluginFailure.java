package org.loopcrm.crm.routes.internal.plugin;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.loopcrm.crm.api.integration.RouteConventions;
import org.loopcrm.crm.api.plugin.PluginNotRegisteredException;
import org.loopcrm.crm.api.plugin.PluginVetoException;

/**
 * Puts why an ASYNC job is dead-lettered into the {@value #HEADER} header, on one short line, and
 * how many attempts it had into {@value #ATTEMPTS}. Runs when the retries are exhausted, on the
 * original message (which carries no redelivery counter), so the attempts are the configured ones.
 */
final class AsyncPluginFailure implements Processor {
  static final String HEADER = "CrmDeadLetterReason";
  static final String ATTEMPTS = "CrmAttempts";
  private static final int MAX_LENGTH = 500;

  private final int attempts;

  AsyncPluginFailure(int attempts) {
    this.attempts = attempts;
  }

  @Override
  public void process(Exchange exchange) {
    Exception e = exchange.getException();
    if (e == null) {
      e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }
    exchange.getMessage().setHeader(HEADER, reason(e));
    exchange.getMessage().setHeader(ATTEMPTS, attempts);
    if (exchange.getMessage().getHeader(RouteConventions.HEADER_FAILED_AT) == null) {
      exchange
          .getMessage()
          .setHeader(RouteConventions.HEADER_FAILED_AT, System.currentTimeMillis());
    }
    String correlation = exchange.getProperty(RouteConventions.HEADER_CORRELATION_ID, String.class);
    if (correlation != null
        && exchange.getMessage().getHeader(RouteConventions.HEADER_CORRELATION_ID) == null) {
      exchange.getMessage().setHeader(RouteConventions.HEADER_CORRELATION_ID, correlation);
    }
    Integer count =
        exchange.getMessage().getHeader(RouteConventions.HEADER_FAILURE_COUNT, Integer.class);
    exchange
        .getMessage()
        .setHeader(RouteConventions.HEADER_FAILURE_COUNT, count == null ? 1 : count + 1);
  }

  static String reason(Exception e) {
    String reason;
    if (e instanceof PluginNotRegisteredException) {
      reason = "plugin not registered: " + e.getMessage();
    } else if (e instanceof PluginVetoException) {
      reason = "vetoed after commit, which refuses nothing: " + e.getMessage();
    } else if (e == null) {
      reason = "failed";
    } else {
      reason = "failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    String oneLine = reason.lines().findFirst().orElse("").strip();
    return oneLine.length() <= MAX_LENGTH ? oneLine : oneLine.substring(0, MAX_LENGTH);
  }
}
