package org.loopcrm.crm.rest.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.loopcrm.crm.api.customfield.CustomField;
import org.loopcrm.crm.api.customfield.CustomFieldDraft;
import org.loopcrm.crm.api.customfield.CustomFieldFilter;
import org.loopcrm.crm.api.customfield.FieldTarget;
import org.loopcrm.crm.api.customfield.FieldType;
import org.loopcrm.crm.api.search.SearchHit;
import org.loopcrm.crm.api.search.SearchKind;

/** The JSON shapes of custom fields and search, and the parsing of their query parameters. */
final class CustomFieldDtos {
  private CustomFieldDtos() {}

  /** Request body of a custom field definition. */
  record CustomFieldBody(
      FieldTarget target,
      String key,
      String label,
      FieldType type,
      Boolean required,
      Integer maxLength,
      BigDecimal min,
      BigDecimal max,
      String minDate,
      String maxDate,
      List<String> options) {
    CustomFieldDraft toDraft() {
      return new CustomFieldDraft(
          target,
          key,
          label,
          type,
          required != null && required,
          maxLength,
          min,
          max,
          Params.date("minDate", minDate),
          Params.date("maxDate", maxDate),
          options);
    }
  }

  /** A custom field definition as the API shows it. */
  record CustomFieldView(
      FieldTarget target,
      String key,
      String label,
      FieldType type,
      boolean required,
      Integer maxLength,
      BigDecimal min,
      BigDecimal max,
      String minDate,
      String maxDate,
      List<String> options,
      long version,
      String createdAt,
      String updatedAt) {
    static CustomFieldView of(CustomField f) {
      return new CustomFieldView(
          f.target(),
          f.key(),
          f.label(),
          f.type(),
          f.required(),
          f.maxLength(),
          f.min(),
          f.max(),
          text(f.minDate()),
          text(f.maxDate()),
          f.options(),
          f.version(),
          text(f.createdAt()),
          text(f.updatedAt()));
    }
  }

  /** The custom field definitions. */
  record CustomFieldList(List<CustomFieldView> items) {}

  /** One search hit. */
  record SearchHitView(
      SearchKind kind,
      UUID id,
      UUID accountId,
      String label,
      String field,
      String matched,
      double score) {
    static SearchHitView of(SearchHit h) {
      return new SearchHitView(
          h.kind(), h.id(), h.accountId(), h.label(), h.field(), h.matched(), h.score());
    }
  }

  /** The hits of a search, best first. */
  record SearchResult(String q, List<SearchHitView> items) {}

  /** Custom field values as JSON shows them: dates as ISO text, the rest as they are. */
  static Map<String, Object> values(Map<String, Object> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, v instanceof LocalDate d ? d.toString() : v));
    return out;
  }

  /**
   * The {@code cf.<key>}, {@code cf.<key>.gte} and {@code cf.<key>.lte} query parameters as
   * filters; any other {@code cf.} parameter is a 422 naming it.
   */
  static List<CustomFieldFilter> filters(Map<String, List<String>> query) {
    List<CustomFieldFilter> out = new ArrayList<>();
    query.forEach(
        (name, values) -> {
          if (!name.startsWith("cf.")) {
            return;
          }
          String[] parts = name.split("\\.", -1);
          CustomFieldFilter.Op op;
          if (parts.length == 2) {
            op = CustomFieldFilter.Op.EQ;
          } else if (parts.length == 3 && parts[2].equals("gte")) {
            op = CustomFieldFilter.Op.GTE;
          } else if (parts.length == 3 && parts[2].equals("lte")) {
            op = CustomFieldFilter.Op.LTE;
          } else {
            throw Params.invalid(
                name,
                "is not a filter: use cf.<key>=value, cf.<key>.gte=value or cf.<key>.lte=value");
          }
          if (parts[1].isEmpty()) {
            throw Params.invalid(name, "names no custom field");
          }
          for (String v : values) {
            out.add(new CustomFieldFilter(parts[1], op, v));
          }
        });
    return out;
  }

  /** A target from a path segment, case-insensitive; 404 when it is neither. */
  static FieldTarget target(String text) {
    try {
      return FieldTarget.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new org.loopcrm.crm.api.NotFoundException("custom field target", text);
    }
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }
}
