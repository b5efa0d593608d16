package org.loopcrm.crm.routes.internal.erp;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.ValidationException;

/** Puts why a message is dead-lettered into the {@value #HEADER} header, on one short line. */
final class DeadLetterReason implements Processor {
  static final String HEADER = "CrmDeadLetterReason";
  private static final int MAX_LENGTH = 500;

  @Override
  public void process(Exchange exchange) {
    Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    exchange.getMessage().setHeader(HEADER, reason(e));
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
