package org.loopcrm.crm.api;

import java.util.List;

/** Input failed validation; each field error names the field and what is wrong with it. */
public class ValidationException extends CrmException {
  private static final long serialVersionUID = 1L;
  private final transient List<FieldError> errors;

  /** Creates the exception from one or more field errors. */
  public ValidationException(List<FieldError> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  /** The field errors, at least one. */
  public List<FieldError> errors() {
    return errors;
  }

  private static String summary(List<FieldError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a validation error needs at least one field error");
    }
    StringBuilder b = new StringBuilder("invalid input: ");
    for (int i = 0; i < errors.size(); i++) {
      if (i > 0) {
        b.append("; ");
      }
      b.append(errors.get(i).field()).append(' ').append(errors.get(i).message());
    }
    return b.toString();
  }

  /**
   * One invalid field.
   *
   * @param field the field's name as the caller sent it (JSON property name)
   * @param message what is wrong, e.g. "must not be blank"
   */
  public record FieldError(String field, String message) {}
}
