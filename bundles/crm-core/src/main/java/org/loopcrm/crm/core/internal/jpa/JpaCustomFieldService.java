package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.customfield.CustomField;
import org.loopcrm.crm.api.customfield.CustomFieldDraft;
import org.loopcrm.crm.api.customfield.CustomFieldService;
import org.loopcrm.crm.api.customfield.FieldTarget;
import org.loopcrm.crm.api.customfield.FieldType;
import org.loopcrm.crm.core.internal.customfield.CustomFieldRules;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Custom field definitions on the JPA persistence unit {@code crm}. A change that stored values
 * would not survive is refused with a conflict that says how many values are in the way
 * (decisions.md §16).
 */
@Component(service = CustomFieldService.class)
public final class JpaCustomFieldService implements CustomFieldService {
  static final String RECORD_TYPE = "custom-field";

  private final Transactions tx;
  private final Clock clock;

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaCustomFieldService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema) {
    this(emf, Clock.systemUTC());
  }

  JpaCustomFieldService(EntityManagerFactory emf, Clock clock) {
    this.tx = new Transactions(emf);
    this.clock = clock;
  }

  @Override
  public List<CustomField> list(Actor actor, FieldTarget target) {
    require(actor, Resource.CUSTOM_FIELD, Action.READ);
    return tx.readOnly(
        em -> {
          List<CustomFieldEntity> rows = new ArrayList<>();
          for (FieldTarget t : FieldTarget.values()) {
            if (target == null || target == t) {
              rows.addAll(CustomFields.definitions(em, t).values());
            }
          }
          return rows.stream().map(CustomFields::toField).toList();
        });
  }

  @Override
  public CustomField get(Actor actor, FieldTarget target, String key) {
    require(actor, Resource.CUSTOM_FIELD, Action.READ);
    return tx.readOnly(em -> CustomFields.toField(find(em, target, key)));
  }

  @Override
  public CustomField define(Actor actor, CustomFieldDraft draft) {
    require(actor, Resource.CUSTOM_FIELD, Action.CREATE);
    CustomFieldDraft d = CustomFieldRules.validDraft(draft);
    return tx.inTransaction(
        em -> {
          if (lookup(em, d.target(), d.key()) != null) {
            throw new ConflictException(
                "a custom field " + d.key() + " of " + plural(d.target()) + " exists already");
          }
          Instant now = now();
          CustomFieldEntity f = new CustomFieldEntity();
          f.id = java.util.UUID.randomUUID().toString();
          f.target = d.target();
          f.key = d.key();
          f.createdAt = now;
          f.updatedAt = now;
          apply(f, d);
          em.persist(f);
          em.flush();
          CustomField field = CustomFields.toField(f);
          AuditLog.record(em, actor, AuditAction.CREATE, RECORD_TYPE, f.id, null, image(f), now);
          Outbox.append(em, RECORD_TYPE, f.id, "custom-field.defined", payload(field, actor), now);
          return field;
        });
  }

  @Override
  public CustomField update(
      Actor actor, FieldTarget target, String key, long expectedVersion, CustomFieldDraft draft) {
    require(actor, Resource.CUSTOM_FIELD, Action.UPDATE);
    CustomFieldDraft d = CustomFieldRules.validDraft(draft);
    if (d.target() != target || !d.key().equals(key)) {
      throw new ValidationException(
          List.of(
              new FieldError(
                  d.target() != target ? "target" : "key",
                  "cannot change: define a new field and delete this one instead")));
    }
    return tx.inTransaction(
        em -> {
          CustomFieldEntity f = find(em, target, key);
          if (f.version != expectedVersion) {
            throw new StaleVersionException(RECORD_TYPE, key, expectedVersion, f.version);
          }
          checkValuesSurvive(em, f, d);
          Map<String, Object> before = image(f);
          apply(f, d);
          f.updatedAt = now();
          em.flush();
          CustomField field = CustomFields.toField(f);
          AuditLog.record(
              em, actor, AuditAction.UPDATE, RECORD_TYPE, f.id, before, image(f), f.updatedAt);
          Outbox.append(
              em, RECORD_TYPE, f.id, "custom-field.changed", payload(field, actor), f.updatedAt);
          return field;
        });
  }

  @Override
  public int delete(
      Actor actor, FieldTarget target, String key, long expectedVersion, boolean purge) {
    require(actor, Resource.CUSTOM_FIELD, Action.DELETE);
    return tx.inTransaction(
        em -> {
          CustomFieldEntity f = find(em, target, key);
          if (f.version != expectedVersion) {
            throw new StaleVersionException(RECORD_TYPE, key, expectedVersion, f.version);
          }
          List<CustomValueEntity> values =
              em.createQuery(
                      "select v from CustomValueEntity v where v.fieldId = :f order by v.recordId",
                      CustomValueEntity.class)
                  .setParameter("f", f.id)
                  .getResultList();
          if (!values.isEmpty() && !purge) {
            throw new ConflictException(
                "custom field "
                    + key
                    + " has values on "
                    + values.size()
                    + " "
                    + plural(target)
                    + ": delete with purge=true to delete them too");
          }
          Instant now = now();
          String field = CustomFieldRules.fieldName(key);
          String recordType = target == FieldTarget.ACCOUNT ? AuditLog.ACCOUNT : AuditLog.CONTACT;
          Map<String, Object> none = new LinkedHashMap<>();
          none.put(field, null);
          for (CustomValueEntity v : values) {
            Map<String, Object> before = new LinkedHashMap<>();
            before.put(field, CustomFields.values(em, v.recordId).get(key));
            AuditLog.record(
                em, actor, AuditAction.UPDATE, recordType, v.recordId, before, none, now);
            em.remove(v);
          }
          em.flush();
          AuditLog.record(em, actor, AuditAction.DELETE, RECORD_TYPE, f.id, image(f), null, now);
          Map<String, Object> data = new LinkedHashMap<>();
          data.put("target", f.target);
          data.put("key", f.key);
          data.put("purgedValues", values.size());
          data.put("by", actor.user());
          data.put("channel", actor.channel());
          em.remove(f);
          Outbox.append(em, RECORD_TYPE, f.id, "custom-field.deleted", data, now);
          return values.size();
        });
  }

  /** Refuses a change that stored values would not satisfy, saying how many are in the way. */
  private static void checkValuesSurvive(
      EntityManager em, CustomFieldEntity f, CustomFieldDraft d) {
    if (d.type() != f.type) {
      long n = count(em, "select count(v) from CustomValueEntity v where v.fieldId = :f", f, null);
      if (n > 0) {
        throw new ConflictException(
            "custom field "
                + f.key
                + " has "
                + n
                + " value(s) of type "
                + f.type
                + ": its type cannot change to "
                + d.type()
                + " (define a new field, copy the values, delete this one)");
      }
      return;
    }
    List<String> faults = new ArrayList<>();
    switch (f.type) {
      case TEXT -> {
        long n =
            count(
                em,
                "select count(v) from CustomValueEntity v where v.fieldId = :f"
                    + " and length(v.textValue) > :x",
                f,
                d.maxLength());
        if (n > 0) {
          faults.add(n + " value(s) longer than " + d.maxLength() + " characters");
        }
      }
      case ENUM -> {
        Set<String> removed = new HashSet<>(options(f));
        removed.removeAll(d.options());
        if (!removed.isEmpty()) {
          long n =
              count(
                  em,
                  "select count(v) from CustomValueEntity v where v.fieldId = :f"
                      + " and v.textValue in :x",
                  f,
                  List.copyOf(removed));
          if (n > 0) {
            faults.add(n + " value(s) use a removed option of " + new java.util.TreeSet<>(removed));
          }
        }
      }
      case NUMBER, INTEGER -> {
        String col = f.type == FieldType.NUMBER ? "v.numberValue" : "v.integerValue";
        Object min =
            d.min() == null
                ? null
                : f.type == FieldType.NUMBER ? d.min() : d.min().longValueExact();
        Object max =
            d.max() == null
                ? null
                : f.type == FieldType.NUMBER ? d.max() : d.max().longValueExact();
        rangeFaults(em, f, col, min, max, faults);
      }
      case DATE -> rangeFaults(em, f, "v.dateValue", d.minDate(), d.maxDate(), faults);
      case BOOLEAN -> {
        // nothing to narrow
      }
    }
    if (!faults.isEmpty()) {
      throw new ConflictException(
          "custom field " + f.key + " cannot change: " + String.join("; ", faults));
    }
  }

  private static void rangeFaults(
      EntityManager em,
      CustomFieldEntity f,
      String col,
      Object min,
      Object max,
      List<String> faults) {
    if (min != null) {
      long n =
          count(
              em,
              "select count(v) from CustomValueEntity v where v.fieldId = :f and " + col + " < :x",
              f,
              min);
      if (n > 0) {
        faults.add(n + " value(s) below " + min);
      }
    }
    if (max != null) {
      long n =
          count(
              em,
              "select count(v) from CustomValueEntity v where v.fieldId = :f and " + col + " > :x",
              f,
              max);
      if (n > 0) {
        faults.add(n + " value(s) above " + max);
      }
    }
  }

  private static long count(EntityManager em, String jpql, CustomFieldEntity f, Object x) {
    var q = em.createQuery(jpql, Long.class).setParameter("f", f.id);
    if (x != null) {
      q.setParameter("x", x);
    }
    return q.getSingleResult();
  }

  private static List<String> options(CustomFieldEntity f) {
    return f.options == null ? List.of() : List.of(f.options.split("\n"));
  }

  private static void apply(CustomFieldEntity f, CustomFieldDraft d) {
    f.label = d.label();
    f.type = d.type();
    f.required = d.required();
    f.maxLength = d.maxLength();
    f.minValue = d.min();
    f.maxValue = d.max();
    f.minDate = d.minDate();
    f.maxDate = d.maxDate();
    f.options = d.options().isEmpty() ? null : String.join("\n", d.options());
  }

  static CustomFieldEntity lookup(EntityManager em, FieldTarget target, String key) {
    List<CustomFieldEntity> found =
        em.createQuery(
                "select f from CustomFieldEntity f where f.target = :t and f.key = :k",
                CustomFieldEntity.class)
            .setParameter("t", target)
            .setParameter("k", key)
            .getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  private static CustomFieldEntity find(EntityManager em, FieldTarget target, String key) {
    CustomFieldEntity f = target == null || key == null ? null : lookup(em, target, key);
    if (f == null) {
      throw new NotFoundException(
          "custom field", (target == null ? "?" : plural(target)) + "/" + key);
    }
    return f;
  }

  private static Map<String, Object> image(CustomFieldEntity f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("target", f.target);
    m.put("key", f.key);
    m.put("label", f.label);
    m.put("type", f.type);
    m.put("required", f.required);
    m.put("maxLength", f.maxLength);
    m.put("min", f.minValue);
    m.put("max", f.maxValue);
    m.put("minDate", f.minDate);
    m.put("maxDate", f.maxDate);
    m.put("options", f.options == null ? null : String.join(", ", options(f)));
    return m;
  }

  private static Map<String, Object> payload(CustomField f, Actor actor) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("target", f.target());
    m.put("key", f.key());
    m.put("label", f.label());
    m.put("type", f.type());
    m.put("required", f.required());
    m.put("options", f.options());
    m.put("version", f.version());
    m.put("by", actor.user());
    m.put("channel", actor.channel());
    return m;
  }

  private static String plural(FieldTarget target) {
    return target == FieldTarget.ACCOUNT ? "accounts" : "contacts";
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
