package org.loopcrm.crm.api.dataimport;

import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.ValidationException.FieldError;

/**
 * What became of one row of an import.
 *
 * @param rowNumber the row's number in the file (the header is row 1)
 * @param outcome inserted, updated or rejected (in a dry run: what would happen)
 * @param recordId the record written (or matched in a dry run), null if none
 * @param errors why the row was rejected; empty otherwise
 */
public record RowResult(
    long rowNumber, RowOutcome outcome, UUID recordId, List<FieldError> errors) {

  /** Copies the errors. */
  public RowResult {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }
}
