package org.loopcrm.crm.camel.jms;

/** The broker refused or did not answer; the message says which queue and what. */
public class JmsQueueException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public JmsQueueException(String message, Throwable cause) {
    super(message, cause);
  }
}
