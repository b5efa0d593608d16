package org.loopcrm.crm.api;

/**
 * The change conflicts with the current state, e.g. a duplicate natural key or a refused
 * transition.
 */
public class ConflictException extends CrmException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message for the caller. */
  public ConflictException(String message) {
    super(message);
  }
}
