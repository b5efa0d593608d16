package org.loopcrm.crm.transfer.internal.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.dataimport.ImportOptions;
import org.loopcrm.crm.api.dataimport.ImportRow;

/**
 * Which column of a file gives which field: the explicit mapping (header text → field) first, then
 * headers that name a field or a common alias of one (case, spaces, dashes, underscores and dots
 * ignored: "E-Mail", "VAT id" and "ERP_REF" all map). Other columns are ignored.
 */
final class ColumnMapping {
  /** Alias (normalised header) → field. */
  private static final Map<String, String> ALIASES = new LinkedHashMap<>();

  static {
    alias(
        "name",
        "name",
        "accountname",
        "account",
        "company",
        "companyname",
        "organization",
        "organisation");
    alias("erpRef", "erpref", "erp", "erpreference", "erpid", "customernumber", "customerno");
    alias("taxId", "taxid", "vat", "vatid", "vatnumber", "taxnumber", "taxno");
    alias("owner", "owner", "accountowner");
    alias("stage", "stage", "lifecyclestage");
    alias("email", "email", "mail", "emailaddress");
  }

  private final Map<Integer, String> fieldByColumn;

  private ColumnMapping(Map<Integer, String> fieldByColumn) {
    this.fieldByColumn = fieldByColumn;
  }

  private static void alias(String field, String... aliases) {
    for (String a : aliases) {
      ALIASES.put(a, field);
    }
  }

  static String normal(String header) {
    return header == null
        ? ""
        : header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
  }

  /** The mapping of a header, or a ValidationException naming every problem. */
  static ColumnMapping of(List<String> header, ImportOptions options) {
    List<FieldError> errors = new ArrayList<>();
    Map<Integer, String> byColumn = new LinkedHashMap<>();
    Map<String, Integer> columnOf = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      columnOf.putIfAbsent(header.get(i).strip(), i);
    }
    for (Map.Entry<String, String> e : options.mapping().entrySet()) {
      Integer column = columnOf.get(e.getKey().strip());
      if (column == null) {
        errors.add(
            new FieldError("mapping", "column " + e.getKey() + " is not in the file's header"));
      } else {
        byColumn.put(column, e.getValue());
      }
    }
    for (int i = 0; i < header.size(); i++) {
      if (!byColumn.containsKey(i)) {
        String field = ALIASES.get(normal(header.get(i)));
        if (field != null && !byColumn.containsValue(field)) {
          byColumn.put(i, field);
        }
      }
    }
    byColumn.values().removeIf("-"::equals);
    Map<String, Integer> seen = new LinkedHashMap<>();
    byColumn.forEach(
        (column, field) -> {
          if (seen.putIfAbsent(field, column) != null) {
            errors.add(new FieldError("mapping", "two columns map to " + field));
          }
        });
    if (!byColumn.containsValue("name")) {
      errors.add(new FieldError("mapping", "no column gives the name"));
    }
    String keyField =
        switch (options.matchKey()) {
          case ERP_REF -> "erpRef";
          case TAX_ID -> "taxId";
          case EMAIL -> "email";
          case NONE -> null;
        };
    if (keyField != null && !byColumn.containsValue(keyField)) {
      errors.add(
          new FieldError(
              "match", "matching by " + options.matchKey() + " needs a column for " + keyField));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new ColumnMapping(byColumn);
  }

  /** The row's cells as fields. */
  ImportRow row(long rowNumber, List<String> cells) {
    Map<String, String> values = new LinkedHashMap<>();
    fieldByColumn.forEach(
        (column, field) -> values.put(field, column < cells.size() ? cells.get(column) : ""));
    return new ImportRow(rowNumber, values);
  }

  /** Field → column index, for messages. */
  Map<Integer, String> fields() {
    return Map.copyOf(fieldByColumn);
  }
}
