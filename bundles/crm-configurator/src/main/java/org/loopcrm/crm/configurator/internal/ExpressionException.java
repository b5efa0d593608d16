package org.loopcrm.crm.configurator.internal;

/** An expression that does not parse or does not type, with a message for its author. */
final class ExpressionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ExpressionException(String message, int pos) {
    super(message + " (at character " + (pos + 1) + ")");
  }
}
