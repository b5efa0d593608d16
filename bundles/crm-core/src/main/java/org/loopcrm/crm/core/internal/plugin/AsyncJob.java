package org.loopcrm.crm.core.internal.plugin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.account.Receivables;
import org.loopcrm.crm.api.merge.MergeParty;
import org.loopcrm.crm.api.merge.MergeRequest;
import org.loopcrm.crm.api.merge.PartyKind;
import org.loopcrm.crm.api.plugin.Operation;
import org.loopcrm.crm.api.plugin.PluginContext;

/**
 * One ASYNC plugin job: which plugin, and everything its context holds, as JSON-ready maps and
 * back. Values are written with a type tag from a fixed list ({@code account}, {@code
 * account-draft}, {@code account-status}, {@code id}); no class name is ever read from a job.
 *
 * @param pluginKey the plugin's {@link org.loopcrm.crm.api.plugin.RecordPlugin#KEY}
 */
public record AsyncJob(
    String pluginKey,
    String entity,
    Operation operation,
    UUID correlationId,
    Actor actor,
    Set<String> changedFields,
    Object target,
    Object preImage,
    Object postImage) {

  /** The job of one plugin for an operation whose context has reached POST_OPERATION. */
  public static AsyncJob of(String pluginKey, PluginContext ctx) {
    return new AsyncJob(
        pluginKey,
        ctx.entity(),
        ctx.operation(),
        ctx.correlationId(),
        ctx.actor(),
        ctx.changedFields(),
        ctx.target(),
        ctx.preImage(),
        ctx.postImage());
  }

  /** The context the plugin sees, at stage ASYNC. */
  public PipelineContext context() {
    return PipelineContext.async(
        entity, operation, actor, correlationId, target, preImage, postImage, changedFields);
  }

  /** The job as nested maps, for {@link org.loopcrm.crm.core.internal.json.Json#write}. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("plugin", pluginKey);
    m.put("entity", entity);
    m.put("operation", operation);
    m.put("correlationId", correlationId);
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("user", actor.user());
    a.put("roles", actor.roles().stream().map(Enum::name).sorted().toList());
    a.put("channel", actor.channel());
    m.put("actor", a);
    m.put("changedFields", new TreeSet<>(changedFields));
    m.put("target", tagged(target));
    m.put("preImage", tagged(preImage));
    m.put("postImage", tagged(postImage));
    return m;
  }

  /**
   * Reads a job back from what {@link #toMap} wrote, after a JSON round trip.
   *
   * @throws IllegalArgumentException if a field is missing or of the wrong kind
   */
  public static AsyncJob fromMap(Map<String, Object> m) {
    Map<String, Object> a = map(m.get("actor"), "actor");
    List<Role> roles = new ArrayList<>();
    for (Object r : list(a.get("roles"), "actor.roles")) {
      roles.add(Role.valueOf(text(r, "actor.roles")));
    }
    Set<String> changed = new TreeSet<>();
    for (Object f : list(m.get("changedFields"), "changedFields")) {
      changed.add(text(f, "changedFields"));
    }
    return new AsyncJob(
        text(m.get("plugin"), "plugin"),
        text(m.get("entity"), "entity"),
        Operation.valueOf(text(m.get("operation"), "operation")),
        UUID.fromString(text(m.get("correlationId"), "correlationId")),
        new Actor(
            text(a.get("user"), "actor.user"),
            Set.copyOf(roles),
            Actor.Channel.valueOf(text(a.get("channel"), "actor.channel"))),
        changed,
        untagged(m.get("target")),
        untagged(m.get("preImage")),
        untagged(m.get("postImage")));
  }

  private static Map<String, Object> tagged(Object value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> t = new LinkedHashMap<>();
    if (value instanceof Account acc) {
      t.put("type", "account");
      t.put("value", account(acc));
    } else if (value instanceof AccountDraft d) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("name", d.name());
      v.put("erpRef", d.erpRef());
      v.put("taxId", d.taxId());
      v.put("owner", d.owner());
      v.put("stage", d.stage());
      if (d.customFields() != null) {
        v.put("customFields", customFields(d.customFields()));
      }
      t.put("type", "account-draft");
      t.put("value", v);
    } else if (value instanceof AccountStatus s) {
      t.put("type", "account-status");
      t.put("value", s);
    } else if (value instanceof MergeRequest mr) {
      t.put("type", "merge-request");
      t.put("value", mergeRequest(mr));
    } else if (value instanceof UUID id) {
      t.put("type", "id");
      t.put("value", id);
    } else {
      throw new IllegalArgumentException(
          "no job form for a " + value.getClass().getName() + ": add it to AsyncJob");
    }
    return t;
  }

  private static Map<String, Object> account(Account acc) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", acc.id());
    v.put("name", acc.name());
    v.put("erpRef", acc.erpRef());
    v.put("taxId", acc.taxId());
    v.put("owner", acc.owner());
    v.put("stage", acc.stage());
    v.put("status", acc.status());
    Receivables r = acc.receivables();
    if (r == null) {
      v.put("receivables", null);
    } else {
      Map<String, Object> rv = new LinkedHashMap<>();
      // As text: BigDecimal.toString keeps the scale (1E+3 stays 1E+3), so the image is equal.
      rv.put("open", r.open().toString());
      rv.put("currency", r.currency());
      rv.put("invoiceCount", r.invoiceCount());
      rv.put("lastInvoice", r.lastInvoice());
      rv.put("updatedAt", r.updatedAt());
      v.put("receivables", rv);
    }
    v.put("version", acc.version());
    v.put("createdAt", acc.createdAt());
    v.put("updatedAt", acc.updatedAt());
    v.put("customFields", customFields(acc.customFields()));
    return v;
  }

  /** Custom field values with their Java type, so that they come back as they went. */
  private static Map<String, Object> customFields(Map<String, Object> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach(
        (k, val) -> {
          if (val == null) {
            out.put(k, null);
            return;
          }
          Map<String, Object> typed = new LinkedHashMap<>();
          String type;
          if (val instanceof String) {
            type = "text";
          } else if (val instanceof BigDecimal) {
            type = "number";
          } else if (val instanceof Long || val instanceof Integer) {
            type = "integer";
          } else if (val instanceof java.time.LocalDate) {
            type = "date";
          } else if (val instanceof Boolean) {
            type = "boolean";
          } else {
            throw new IllegalArgumentException(
                "no job form for a custom field value of " + val.getClass().getName());
          }
          typed.put("type", type);
          typed.put("value", val instanceof BigDecimal d ? d.toString() : val.toString());
          out.put(k, typed);
        });
    return out;
  }

  private static Map<String, Object> customFieldsBack(Object node) {
    if (node == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    map(node, "customFields")
        .forEach(
            (k, val) -> {
              if (val == null) {
                out.put(k, null);
                return;
              }
              Map<String, Object> typed = map(val, "customFields." + k);
              String text = text(typed.get("value"), "customFields." + k);
              out.put(
                  k,
                  switch (text(typed.get("type"), "customFields." + k + ".type")) {
                    case "text" -> text;
                    case "number" -> new BigDecimal(text);
                    case "integer" -> Long.valueOf(text);
                    case "date" -> java.time.LocalDate.parse(text);
                    case "boolean" -> Boolean.valueOf(text);
                    default -> throw new IllegalArgumentException("unknown custom field type");
                  });
            });
    return out;
  }

  private static Map<String, Object> mergeRequest(MergeRequest r) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("kind", r.kind());
    v.put("survivor", mergeParty(r.survivor()));
    List<Object> losers = new ArrayList<>();
    for (MergeParty p : r.losers()) {
      losers.add(mergeParty(p));
    }
    v.put("losers", losers);
    Map<String, Object> sources = new LinkedHashMap<>();
    r.fieldSources().forEach((k, id) -> sources.put(k, id));
    v.put("fieldSources", sources);
    return v;
  }

  private static Map<String, Object> mergeParty(MergeParty p) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", p.id());
    v.put("version", p.version());
    return v;
  }

  private static MergeParty mergeParty(Object node) {
    Map<String, Object> v = map(node, "party");
    return new MergeParty(
        UUID.fromString(text(v.get("id"), "id")),
        decimal(v.get("version"), "version").longValueExact());
  }

  private static Object untagged(Object node) {
    if (node == null) {
      return null;
    }
    Map<String, Object> t = map(node, "value");
    String type = text(t.get("type"), "type");
    Object value = t.get("value");
    return switch (type) {
      case "account" -> {
        Map<String, Object> v = map(value, "account");
        Receivables receivables = null;
        if (v.get("receivables") != null) {
          Map<String, Object> r = map(v.get("receivables"), "receivables");
          receivables =
              new Receivables(
                  exactDecimal(r.get("open"), "receivables.open"),
                  optText(r.get("currency")),
                  decimal(r.get("invoiceCount"), "receivables.invoiceCount").longValueExact(),
                  optText(r.get("lastInvoice")),
                  instant(r.get("updatedAt")));
        }
        yield new Account(
            UUID.fromString(text(v.get("id"), "id")),
            optText(v.get("name")),
            optText(v.get("erpRef")),
            optText(v.get("taxId")),
            optText(v.get("owner")),
            stage(v.get("stage")),
            v.get("status") == null ? null : AccountStatus.valueOf(text(v.get("status"), "status")),
            receivables,
            decimal(v.get("version"), "version").longValueExact(),
            instant(v.get("createdAt")),
            instant(v.get("updatedAt")),
            customFieldsBack(v.get("customFields")));
      }
      case "account-draft" -> {
        Map<String, Object> v = map(value, "account-draft");
        yield new AccountDraft(
            optText(v.get("name")),
            optText(v.get("erpRef")),
            optText(v.get("taxId")),
            optText(v.get("owner")),
            stage(v.get("stage")),
            customFieldsBack(v.get("customFields")));
      }
      case "account-status" -> AccountStatus.valueOf(text(value, "account-status"));
      case "merge-request" -> {
        Map<String, Object> v = map(value, "merge-request");
        List<MergeParty> losers = new ArrayList<>();
        for (Object l : list(v.get("losers"), "losers")) {
          losers.add(mergeParty(l));
        }
        Map<String, UUID> sources = new LinkedHashMap<>();
        map(v.get("fieldSources"), "fieldSources")
            .forEach((k, id) -> sources.put(k, UUID.fromString(text(id, k))));
        yield new MergeRequest(
            PartyKind.valueOf(text(v.get("kind"), "kind")),
            mergeParty(v.get("survivor")),
            losers,
            sources);
      }
      case "id" -> UUID.fromString(text(value, "id"));
      default -> throw new IllegalArgumentException("unknown value type " + type);
    };
  }

  private static LifecycleStage stage(Object v) {
    return v == null ? null : LifecycleStage.valueOf(text(v, "stage"));
  }

  private static Instant instant(Object v) {
    return v == null ? null : Instant.parse(text(v, "instant"));
  }

  private static BigDecimal exactDecimal(Object v, String what) {
    try {
      return new BigDecimal(text(v, what));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " is not a number", e);
    }
  }

  private static BigDecimal decimal(Object v, String what) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    throw new IllegalArgumentException(what + " is not a number");
  }

  private static String optText(Object v) {
    return v == null ? null : text(v, "text");
  }

  private static String text(Object v, String what) {
    if (v instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException(what + " is not a string");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object v, String what) {
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new IllegalArgumentException(what + " is not an object");
  }

  private static List<?> list(Object v, String what) {
    if (v instanceof List<?> l) {
      return l;
    }
    throw new IllegalArgumentException(what + " is not an array");
  }
}
