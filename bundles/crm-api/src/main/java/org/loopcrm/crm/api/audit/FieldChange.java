package org.loopcrm.crm.api.audit;

import java.util.Objects;

/**
 * One field's value before and after a change, as text: enums by name, numbers in plain notation,
 * instants in ISO-8601, and {@code null} where the field had or has no value.
 *
 * @param field the field's name as the API calls it, e.g. {@code name} or {@code erpRef}
 * @param oldValue the value before the change, or null
 * @param newValue the value after the change, or null
 */
public record FieldChange(String field, String oldValue, String newValue) {

  /** Checks that the field is named. */
  public FieldChange {
    Objects.requireNonNull(field, "field");
  }
}
