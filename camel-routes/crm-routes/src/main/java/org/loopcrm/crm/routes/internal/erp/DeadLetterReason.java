package org.loopcrm.crm.routes.internal.erp;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.integration.RouteConventions;

/**
 * Puts why a message is dead-lettered into the {@value #HEADER} header, on one short line, and the
 * headers operations read (see {@link RouteConventions}): where a retry sends it, when it first
 * failed (kept from an earlier failure) and how often it has failed.
 */
final class DeadLetterReason implements Processor {
  static final String HEADER = RouteConventions.HEADER_REASON;
  private static final int MAX_LENGTH = 500;

  private final String originalQueue;

  /**
   * @param originalQueue where a retry sends the message (a placeholder is resolved), or null
   */
  DeadLetterReason(String originalQueue) {
    this.originalQueue = originalQueue;
  }

  @Override
  public void process(Exchange exchange) {
    Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    stamp(exchange.getMessage(), reason(e));
    // The original message may predate the id the route gave it: keep that id on the dead letter.
    String correlation = exchange.getProperty(RouteConventions.HEADER_CORRELATION_ID, String.class);
    if (correlation != null
        && exchange.getMessage().getHeader(RouteConventions.HEADER_CORRELATION_ID) == null) {
      exchange.getMessage().setHeader(RouteConventions.HEADER_CORRELATION_ID, correlation);
    }
    if (originalQueue != null) {
      exchange
          .getMessage()
          .setHeader(
              RouteConventions.HEADER_ORIGINAL_QUEUE,
              exchange.getContext().resolvePropertyPlaceholders(originalQueue));
    }
  }

  /** Sets the reason, the first failure time and the failure count of a dead letter. */
  static void stamp(Message message, String reason) {
    message.setHeader(HEADER, reason);
    if (message.getHeader(RouteConventions.HEADER_FAILED_AT) == null) {
      message.setHeader(RouteConventions.HEADER_FAILED_AT, System.currentTimeMillis());
    }
    Integer count = message.getHeader(RouteConventions.HEADER_FAILURE_COUNT, Integer.class);
    message.setHeader(RouteConventions.HEADER_FAILURE_COUNT, count == null ? 1 : count + 1);
  }

  static String reason(Exception e) {
    String reason;
    if (e instanceof ValidationException) {
      reason = "invalid message: " + e.getMessage();
    } else if (e instanceof NotFoundException) {
      reason = "unknown customer: " + e.getMessage();
    } else if (e instanceof RejectedMessageException) {
      reason = e.getMessage();
    } else {
      reason = "rejected: " + (e == null ? "unknown" : e.getMessage());
    }
    String oneLine = reason.lines().findFirst().orElse("").strip();
    return oneLine.length() <= MAX_LENGTH ? oneLine : oneLine.substring(0, MAX_LENGTH);
  }
}
