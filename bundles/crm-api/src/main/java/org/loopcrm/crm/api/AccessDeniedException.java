package org.loopcrm.crm.api;

/** The caller is known but lacks the permission for the operation. */
public class AccessDeniedException extends CrmException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming what was refused. */
  public AccessDeniedException(String message) {
    super(message);
  }
}
