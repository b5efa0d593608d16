package org.loopcrm.crm.api;

/** The record asked for does not exist (or the caller may not know that it exists). */
public class NotFoundException extends CrmException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for a kind of record and its id. */
  public NotFoundException(String kind, Object id) {
    super(kind + " " + id + " does not exist");
  }
}
