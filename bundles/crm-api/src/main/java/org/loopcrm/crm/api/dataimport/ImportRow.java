package org.loopcrm.crm.api.dataimport;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One data row of a file, mapped to fields.
 *
 * @param rowNumber the row's number in the file (the header is row 1)
 * @param values field → cell text (blank cells absent or empty)
 */
public record ImportRow(long rowNumber, Map<String, String> values) {

  /** Copies the values (nulls allowed). */
  public ImportRow {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
