package org.loopcrm.crm.routes.internal.erp;

/**
 * A message that can never be applied however often it is delivered (malformed JSON, an unsupported
 * schema version); it goes to the dead-letter queue.
 */
final class RejectedMessageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RejectedMessageException(String reason, Throwable cause) {
    super(reason, cause);
  }

  RejectedMessageException(String reason) {
    super(reason);
  }
}
