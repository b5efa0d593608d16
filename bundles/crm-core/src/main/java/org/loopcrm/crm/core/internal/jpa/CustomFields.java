package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.customfield.CustomFieldRules.fieldName;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.persistence.EntityManager;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.customfield.CustomField;
import org.loopcrm.crm.api.customfield.CustomFieldFilter;
import org.loopcrm.crm.api.customfield.FieldTarget;
import org.loopcrm.crm.api.customfield.FieldType;
import org.loopcrm.crm.core.internal.customfield.CustomFieldRules;

/**
 * Custom field values of parties, inside the caller's transaction: reading them typed, validating
 * and writing a draft's values, their audit image and their listing filters (decisions.md §16).
 */
final class CustomFields {
  private CustomFields() {}

  /** The field definitions of a target, by key. */
  static Map<String, CustomFieldEntity> definitions(EntityManager em, FieldTarget target) {
    Map<String, CustomFieldEntity> out = new TreeMap<>();
    for (CustomFieldEntity f :
        em.createQuery(
                "select f from CustomFieldEntity f where f.target = :t", CustomFieldEntity.class)
            .setParameter("t", target)
            .getResultList()) {
      out.put(f.key, f);
    }
    return out;
  }

  static CustomField toField(CustomFieldEntity e) {
    return new CustomField(
        e.target,
        e.key,
        e.label,
        e.type,
        e.required,
        e.maxLength,
        e.minValue == null ? null : CustomFieldRules.canonical(e.minValue),
        e.maxValue == null ? null : CustomFieldRules.canonical(e.maxValue),
        e.minDate,
        e.maxDate,
        e.options == null ? List.of() : Arrays.asList(e.options.split("\n")),
        e.version,
        e.createdAt,
        e.updatedAt);
  }

  /** The values of one party by key, typed. */
  static Map<String, Object> values(EntityManager em, String recordId) {
    return values(em, List.of(recordId)).getOrDefault(recordId, Map.of());
  }

  /** The values of several parties: party id → key → typed value. */
  static Map<String, Map<String, Object>> values(EntityManager em, Collection<String> recordIds) {
    Map<String, Map<String, Object>> out = new HashMap<>();
    if (recordIds.isEmpty()) {
      return out;
    }
    List<Object[]> rows =
        em.createQuery(
                "select v, f.key, f.type from CustomValueEntity v, CustomFieldEntity f"
                    + " where v.fieldId = f.id and v.recordId in :ids",
                Object[].class)
            .setParameter("ids", List.copyOf(recordIds))
            .getResultList();
    for (Object[] row : rows) {
      CustomValueEntity v = (CustomValueEntity) row[0];
      Object value = read(v, (FieldType) row[2]);
      if (value != null) {
        out.computeIfAbsent(v.recordId, k -> new TreeMap<>()).put((String) row[1], value);
      }
    }
    return out;
  }

  private static Object read(CustomValueEntity v, FieldType type) {
    return switch (type) {
      case TEXT, ENUM -> v.textValue;
      case NUMBER -> v.numberValue == null ? null : CustomFieldRules.canonical(v.numberValue);
      case INTEGER -> v.integerValue;
      case DATE -> v.dateValue;
      case BOOLEAN -> v.booleanValue;
    };
  }

  /**
   * The values a party has after a write: {@code current} with the draft's keys applied (a null
   * value clears). Every fault is reported at once, named {@code customFields.<key>}: unknown keys,
   * values of the wrong type or outside the constraints, and required fields without a value (on
   * create all of them; on update those the draft clears).
   */
  static Map<String, Object> merged(
      EntityManager em,
      FieldTarget target,
      Map<String, Object> current,
      Map<String, Object> draft,
      boolean create) {
    Map<String, CustomFieldEntity> defs = definitions(em, target);
    Map<String, Object> out = new TreeMap<>(current);
    List<FieldError> errors = new ArrayList<>();
    if (draft != null) {
      for (Map.Entry<String, Object> e : draft.entrySet()) {
        CustomFieldEntity def = e.getKey() == null ? null : defs.get(e.getKey());
        if (def == null) {
          errors.add(
              new FieldError(
                  fieldName(String.valueOf(e.getKey())),
                  "is not a custom field of " + plural(target)));
          continue;
        }
        try {
          Object value = CustomFieldRules.typed(toField(def), e.getValue());
          if (value == null) {
            out.remove(def.key);
            if (def.required && !create) {
              errors.add(new FieldError(fieldName(def.key), "is required"));
            }
          } else {
            out.put(def.key, value);
          }
        } catch (ValidationException ve) {
          errors.addAll(ve.errors());
        }
      }
    }
    if (create) {
      for (CustomFieldEntity def : defs.values()) {
        if (def.required && !out.containsKey(def.key)) {
          errors.add(new FieldError(fieldName(def.key), "is required"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return out;
  }

  /** Writes the party's values so that they are {@code after}, touching only changed rows. */
  static void write(
      EntityManager em, FieldTarget target, String recordId, Map<String, Object> after) {
    Map<String, CustomFieldEntity> defs = definitions(em, target);
    Map<String, CustomValueEntity> rows = new HashMap<>();
    for (CustomValueEntity v :
        em.createQuery(
                "select v from CustomValueEntity v where v.recordId = :r", CustomValueEntity.class)
            .setParameter("r", recordId)
            .getResultList()) {
      rows.put(v.fieldId, v);
    }
    for (CustomFieldEntity def : defs.values()) {
      Object value = after.get(def.key);
      CustomValueEntity row = rows.get(def.id);
      if (value == null) {
        if (row != null) {
          em.remove(row);
        }
        continue;
      }
      if (row == null) {
        row = new CustomValueEntity();
        row.id = UUID.randomUUID().toString();
        row.fieldId = def.id;
        row.recordId = recordId;
        store(row, def.type, value);
        em.persist(row);
      } else if (!value.equals(read(row, def.type))) {
        store(row, def.type, value);
      }
    }
  }

  private static void store(CustomValueEntity row, FieldType type, Object value) {
    row.textValue = null;
    row.numberValue = null;
    row.integerValue = null;
    row.dateValue = null;
    row.booleanValue = null;
    switch (type) {
      case TEXT, ENUM -> row.textValue = (String) value;
      case NUMBER -> row.numberValue = (BigDecimal) value;
      case INTEGER -> row.integerValue = (Long) value;
      case DATE -> row.dateValue = (LocalDate) value;
      case BOOLEAN -> row.booleanValue = (Boolean) value;
    }
  }

  /**
   * Erases a data subject's custom field values (GDPR): deletes them and redacts their values in
   * the person's audit history; returns how many there were.
   */
  static int erase(EntityManager em, String personId) {
    em.createNativeQuery(
            "update crm_audit_change set"
                + " old_value = case when old_value is null then null else :erased end,"
                + " new_value = case when new_value is null then null else :erased end"
                + " where field like 'customFields.%' and entry_seq in (select e.seq from"
                + " crm_audit_entry e where e.record_type = :type and e.record_id = :id)")
        .setParameter("erased", org.loopcrm.crm.core.internal.privacy.PrivacyRules.ERASED_VALUE)
        .setParameter("type", AuditLog.CONTACT)
        .setParameter("id", personId)
        .executeUpdate();
    return em.createQuery("delete from CustomValueEntity v where v.recordId = :p")
        .setParameter("p", personId)
        .executeUpdate();
  }

  /** Adds the values to an audit image, one field {@code customFields.<key>} each. */
  static Map<String, Object> audited(Map<String, Object> image, Map<String, Object> values) {
    values.forEach((k, v) -> image.put(fieldName(k), v));
    return image;
  }

  /** The values as an event payload holds them: dates as ISO text. */
  static Map<String, Object> payload(Map<String, Object> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, v instanceof LocalDate d ? d.toString() : v));
    return out;
  }

  /**
   * A JPQL condition on the party id expression {@code idExpr} for the filters, binding its
   * parameters into {@code params}; null when there are none.
   *
   * @throws ValidationException naming {@code cf.<key>} for an unknown field, a comparison its type
   *     does not have, or a value that does not parse
   */
  static String filterCondition(
      EntityManager em,
      FieldTarget target,
      String idExpr,
      List<CustomFieldFilter> filters,
      Map<String, Object> params) {
    if (filters == null || filters.isEmpty()) {
      return null;
    }
    Map<String, CustomFieldEntity> defs = definitions(em, target);
    StringBuilder b = new StringBuilder();
    List<FieldError> errors = new ArrayList<>();
    int i = 0;
    for (CustomFieldFilter f : filters) {
      String param =
          "cf." + f.key() + (f.op() == CustomFieldFilter.Op.EQ ? "" : "." + opName(f.op()));
      CustomFieldEntity def = f.key() == null ? null : defs.get(f.key());
      if (def == null) {
        errors.add(new FieldError(param, "is not a custom field of " + plural(target)));
        continue;
      }
      if (f.op() == null) {
        errors.add(new FieldError(param, "needs a comparison (eq, gte or lte)"));
        continue;
      }
      boolean ranged =
          def.type == FieldType.NUMBER
              || def.type == FieldType.INTEGER
              || def.type == FieldType.DATE;
      if (f.op() != CustomFieldFilter.Op.EQ && !ranged) {
        errors.add(
            new FieldError(
                param,
                "."
                    + opName(f.op())
                    + " applies to NUMBER, INTEGER and DATE fields; "
                    + f.key()
                    + " is "
                    + def.type));
        continue;
      }
      Object value;
      try {
        value = CustomFieldRules.filterValue(param, def.type, f.value());
      } catch (ValidationException ve) {
        errors.addAll(ve.errors());
        continue;
      }
      String column =
          switch (def.type) {
            case TEXT, ENUM -> "textValue";
            case NUMBER -> "numberValue";
            case INTEGER -> "integerValue";
            case DATE -> "dateValue";
            case BOOLEAN -> "booleanValue";
          };
      String cmp =
          switch (f.op()) {
            case EQ -> "=";
            case GTE -> ">=";
            case LTE -> "<=";
          };
      if (b.length() > 0) {
        b.append(" and ");
      }
      b.append("exists (select cv")
          .append(i)
          .append(".id from CustomValueEntity cv")
          .append(i)
          .append(" where cv")
          .append(i)
          .append(".recordId = ")
          .append(idExpr)
          .append(" and cv")
          .append(i)
          .append(".fieldId = :cfField")
          .append(i)
          .append(" and cv")
          .append(i)
          .append('.')
          .append(column)
          .append(' ')
          .append(cmp)
          .append(" :cfValue")
          .append(i)
          .append(')');
      params.put("cfField" + i, def.id);
      params.put("cfValue" + i, value);
      i++;
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return b.toString();
  }

  private static String opName(CustomFieldFilter.Op op) {
    return op == null ? "" : op.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String plural(FieldTarget target) {
    return target == FieldTarget.ACCOUNT ? "accounts" : "contacts";
  }
}
