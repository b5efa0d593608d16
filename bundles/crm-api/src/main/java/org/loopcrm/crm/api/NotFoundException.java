package org.loopcrm.crm.api;

/** The record asked for does not exist (or the caller may not know that it exists). */
public class NotFoundException extends CrmException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for a kind of record and its id. */
  public NotFoundException(String kind, Object id) {
    super(kind + " " + id + " does not exist");
  }

  /**
   * Creates the exception with a message of its own, for subtypes that know more than that the
   * record is missing (e.g. that it was merged into another one).
   *
   * @param message the message for the caller
   * @param own marks this constructor apart from {@link #NotFoundException(String, Object)}
   */
  protected NotFoundException(String message, boolean own) {
    super(message);
  }
}
