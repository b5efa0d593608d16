package org.loopcrm.crm.api;

/**
 * Two changes of the same record met and this one lost: nothing was written, and doing the same
 * again (reading the record anew) may well succeed. Callers that repeat work on their own, such as
 * integration routes, retry it; people get a 409 like any other conflict.
 */
public class ConcurrentChangeException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message for the caller. */
  public ConcurrentChangeException(String message) {
    super(message);
  }
}
