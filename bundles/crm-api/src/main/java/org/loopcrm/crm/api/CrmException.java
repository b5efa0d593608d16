package org.loopcrm.crm.api;

/** The root of the exceptions the CRM services throw; each subtype is one kind of error. */
public abstract class CrmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message meant for the caller. */
  protected CrmException(String message) {
    super(message);
  }

  /** Creates the exception with a message meant for the caller and a cause. */
  protected CrmException(String message, Throwable cause) {
    super(message, cause);
  }
}
