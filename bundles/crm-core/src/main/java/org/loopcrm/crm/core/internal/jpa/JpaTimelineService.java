package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.activity.ActivityKind;
import org.loopcrm.crm.api.activity.TimelineItem;
import org.loopcrm.crm.api.activity.TimelineQuery;
import org.loopcrm.crm.api.activity.TimelineService;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.erp.DocumentKind;
import org.loopcrm.crm.api.privacy.ConsentStatus;
import org.loopcrm.crm.core.internal.activity.TimelineCursor;
import org.loopcrm.crm.core.internal.erp.ErpRules;
import org.loopcrm.crm.core.internal.security.Permissions;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The timeline of an account or contact, merged from its sources newest first. Each source is read
 * with the same keyset condition (after the cursor's time, source and sequence) and at most one
 * page plus one row; the merge keeps the first page of the union, so paging is exact however the
 * sources interleave. Sources: activities, the audit history of the account and its contacts
 * (activities' own history stays on the activities; a contact's consent-only audit entries are left
 * out, the decision itself is the consent item), consent decisions, and on an account's timeline
 * its posted ERP invoices and payments (only for roles that see finance facts), the changes of its
 * ERP documents (kind {@code <document kind>.<state>}, e.g. {@code sale.confirmed}; invoices and
 * amounts only for finance roles; an invoice's states are left out when the account holds that
 * invoice as posted, which is on the timeline already), lifecycle stage transitions and the threads
 * of its service cases (kinds {@code case.created}, {@code case.<status>}, {@code case.reply},
 * {@code case.note}).
 */
@Component(service = TimelineService.class)
public final class JpaTimelineService implements TimelineService {
  static final String SRC_ACTIVITY = "activity";
  static final String SRC_AUDIT = "audit";
  static final String SRC_CONSENT = "consent";
  static final String SRC_INVOICE = "invoice";
  static final String SRC_LIFECYCLE = "lifecycle";
  static final String SRC_PAYMENT = "payment";
  static final String SRC_DOCUMENT = "document";
  static final String SRC_CASE = "case";
  private static final Pattern KIND = Pattern.compile("[a-z][a-z_]{0,39}(\\.[a-z][a-z_-]{0,39})?");
  private static final int SUMMARY_MAX = 300;

  private final Transactions tx;
  private final AccessPolicy policy;

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaTimelineService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference AccessPolicy policy) {
    this.tx = new Transactions(emf);
    this.policy = policy;
  }

  JpaTimelineService(EntityManagerFactory emf) {
    this(emf, null, AccessPolicy.privateAccess());
  }

  /** One row of a source before it becomes an item: its sort key and its entity. */
  private record Row(Instant at, String source, long seq, Object entity) {}

  private static final Comparator<Row> NEWEST_FIRST =
      Comparator.comparing(Row::at)
          .thenComparing(Row::source)
          .thenComparingLong(Row::seq)
          .reversed();

  @Override
  public Page<TimelineItem> timeline(Actor actor, TimelineQuery q) {
    require(actor, Resource.ACTIVITY, Action.READ);
    require(actor, Resource.RECORD_HISTORY, Action.READ);
    List<FieldError> errors = new ArrayList<>();
    if (q.accountId() == null) {
      errors.add(new FieldError("accountId", "must not be null"));
    }
    if (q.limit() < 1 || q.limit() > JpaActivityService.MAX_LIMIT) {
      errors.add(new FieldError("limit", "must be between 1 and " + JpaActivityService.MAX_LIMIT));
    }
    Set<String> kinds = new TreeSet<>();
    for (String k : q.kinds()) {
      String kind = k == null ? "" : k.strip().toLowerCase(Locale.ROOT);
      if (!KIND.matcher(kind).matches()) {
        errors.add(new FieldError("kind", "'" + k + "' is not a kind such as activity.call"));
      }
      kinds.add(kind);
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    String scope = "timeline|" + q.accountId() + '|' + q.contactId() + '|' + kinds;
    TimelineCursor after = q.cursor() == null ? null : TimelineCursor.decode(q.cursor(), scope);
    return tx.readOnly(
        em -> {
          OrganizationEntity o = JpaAccountService.find(em, q.accountId());
          Visibility.readable(em, actor, policy, o);
          People people;
          if (q.contactId() != null) {
            JpaActivityService.requireContact(em, o.id, q.contactId());
            people = new People("= :person", Map.of("person", q.contactId().toString()));
          } else {
            // A subquery, not a list of ids: an account may have thousands of contacts.
            people =
                new People(
                    "in (select r.fromPartyId from PartyRelationshipEntity r"
                        + " where r.toPartyId = :peopleOf and r.type = :contactOf)",
                    Map.of("peopleOf", o.id, "contactOf", PartyRelationshipEntity.Type.CONTACT_OF));
          }
          int max = q.limit() + 1;
          List<Row> rows = new ArrayList<>();
          rows.addAll(activities(em, o.id, q.contactId(), kinds, after, max));
          rows.addAll(audit(em, o.id, q.contactId() == null, people, kinds, after, max));
          rows.addAll(consents(em, people, kinds, after, max));
          if (q.contactId() == null) {
            boolean finance = Permissions.seesFinance(actor);
            if (finance) {
              rows.addAll(invoices(em, o.id, kinds, after, max));
              rows.addAll(payments(em, o.id, kinds, after, max));
            }
            rows.addAll(documents(em, o.id, finance, kinds, after, max));
            rows.addAll(transitions(em, o.id, kinds, after, max));
            rows.addAll(cases(em, o.id, kinds, after, max));
          }
          rows.sort(NEWEST_FIRST);
          List<Row> page = rows.subList(0, Math.min(rows.size(), q.limit()));
          List<TimelineItem> items = toItems(em, page, Permissions.seesFinance(actor));
          Optional<String> next = Optional.empty();
          if (rows.size() > q.limit()) {
            Row last = page.get(page.size() - 1);
            next =
                Optional.of(
                    new TimelineCursor(scope, last.at(), last.source(), last.seq()).encode());
          }
          return new Page<>(items, next);
        });
  }

  /** The persons whose facts count: a JPQL condition on a person id and its parameters. */
  private record People(String condition, Map<String, Object> params) {}

  /** Whether the filter keeps kind {@code group.what}: no filter, the group, or the exact kind. */
  private static boolean keeps(Set<String> kinds, String group, String what) {
    return kinds.isEmpty() || kinds.contains(group) || kinds.contains(group + '.' + what);
  }

  private static void keyset(
      StringBuilder jpql,
      Map<String, Object> params,
      TimelineCursor after,
      String source,
      String atExpr,
      String seqExpr) {
    if (after != null) {
      jpql.append(" and ").append(after.condition(source, atExpr, seqExpr));
      params.put("curAt", after.at());
      if (after.usesSequence(source)) {
        params.put("curSeq", after.sequence());
      }
    }
  }

  private static <T> List<T> run(
      EntityManager em, StringBuilder jpql, Map<String, Object> params, Class<T> type, int max) {
    TypedQuery<T> query = em.createQuery(jpql.toString(), type);
    params.forEach(query::setParameter);
    return query.setMaxResults(max).getResultList();
  }

  private static List<Row> activities(
      EntityManager em,
      String accountId,
      UUID contactId,
      Set<String> kinds,
      TimelineCursor after,
      int max) {
    Set<ActivityKind> wanted = EnumSet.noneOf(ActivityKind.class);
    for (ActivityKind k : ActivityKind.values()) {
      if (keeps(kinds, SRC_ACTIVITY, k.name().toLowerCase(Locale.ROOT))) {
        wanted.add(k);
      }
    }
    if (wanted.isEmpty()) {
      return List.of();
    }
    StringBuilder jpql =
        new StringBuilder("select a from ActivityEntity a where a.accountId = :acc");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("acc", accountId);
    if (contactId != null) {
      jpql.append(
          " and (a.contactId = :contact or exists (select p.index from"
              + " ActivityParticipantEntity p where p.activitySeq = a.sequence"
              + " and p.contactId = :contact))");
      params.put("contact", contactId.toString());
    }
    if (wanted.size() < ActivityKind.values().length) {
      jpql.append(" and a.kind in :kinds");
      params.put("kinds", List.copyOf(wanted));
    }
    keyset(jpql, params, after, SRC_ACTIVITY, "a.timelineAt", "a.sequence");
    jpql.append(" order by a.timelineAt desc, a.sequence desc");
    return run(em, jpql, params, ActivityEntity.class, max).stream()
        .map(a -> new Row(a.timelineAt, SRC_ACTIVITY, a.sequence, a))
        .toList();
  }

  private static List<AuditAction> actions(Set<String> kinds, String group) {
    List<AuditAction> out = new ArrayList<>();
    for (AuditAction a : AuditAction.values()) {
      if (keeps(kinds, group, verb(a))) {
        out.add(a);
      }
    }
    return out;
  }

  private static List<Row> audit(
      EntityManager em,
      String accountId,
      boolean withAccount,
      People people,
      Set<String> kinds,
      TimelineCursor after,
      int max) {
    List<AuditAction> accountActions = withAccount ? actions(kinds, AuditLog.ACCOUNT) : List.of();
    List<AuditAction> contactActions = actions(kinds, AuditLog.CONTACT);
    List<String> parts = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    if (!accountActions.isEmpty()) {
      parts.add(
          "(e.recordType = :accType and e.recordId = :acc"
              + (accountActions.size() < AuditAction.values().length
                  ? " and e.action in :accActions"
                  : "")
              + ")");
      params.put("accType", AuditLog.ACCOUNT);
      params.put("acc", accountId);
      if (accountActions.size() < AuditAction.values().length) {
        params.put("accActions", accountActions);
      }
    }
    if (!contactActions.isEmpty()) {
      parts.add(
          "(e.recordType = :conType and e.recordId "
              + people.condition()
              + (contactActions.size() < AuditAction.values().length
                  ? " and e.action in :conActions"
                  : "")
              + ")");
      params.put("conType", AuditLog.CONTACT);
      params.putAll(people.params());
      if (contactActions.size() < AuditAction.values().length) {
        params.put("conActions", contactActions);
      }
    }
    if (parts.isEmpty()) {
      return List.of();
    }
    StringBuilder jpql =
        new StringBuilder("select e from AuditEntryEntity e where (")
            .append(String.join(" or ", parts))
            .append(')')
            // A consent decision is audited on its contact too; it is on the timeline as consent.
            .append(
                " and not (e.recordType = :conType2 and e.action = :update and not exists"
                    + " (select c.index from AuditChangeEntity c where c.entrySeq = e.sequence"
                    + " and c.field not like 'consent.%'))");
    params.put("conType2", AuditLog.CONTACT);
    params.put("update", AuditAction.UPDATE);
    keyset(jpql, params, after, SRC_AUDIT, "e.occurredAt", "e.sequence");
    jpql.append(" order by e.occurredAt desc, e.sequence desc");
    return run(em, jpql, params, AuditEntryEntity.class, max).stream()
        .map(e -> new Row(e.occurredAt, SRC_AUDIT, e.sequence, e))
        .toList();
  }

  private static List<Row> consents(
      EntityManager em, People people, Set<String> kinds, TimelineCursor after, int max) {
    List<ConsentStatus> statuses = new ArrayList<>();
    for (ConsentStatus s : ConsentStatus.values()) {
      if (keeps(kinds, SRC_CONSENT, s.name().toLowerCase(Locale.ROOT))) {
        statuses.add(s);
      }
    }
    if (statuses.isEmpty()) {
      return List.of();
    }
    StringBuilder jpql =
        new StringBuilder(
            "select c from ConsentDecisionEntity c where c.subjectId "
                + people.condition()
                + " and c.status in :statuses");
    Map<String, Object> params = new LinkedHashMap<>();
    params.putAll(people.params());
    params.put("statuses", statuses);
    keyset(jpql, params, after, SRC_CONSENT, "c.decidedAt", "c.sequence");
    jpql.append(" order by c.decidedAt desc, c.sequence desc");
    return run(em, jpql, params, ConsentDecisionEntity.class, max).stream()
        .map(c -> new Row(c.decidedAt, SRC_CONSENT, c.sequence, c))
        .toList();
  }

  private static List<Row> invoices(
      EntityManager em, String accountId, Set<String> kinds, TimelineCursor after, int max) {
    boolean posted = keeps(kinds, SRC_INVOICE, "posted");
    boolean credited = keeps(kinds, SRC_INVOICE, "credited");
    if (!posted && !credited) {
      return List.of();
    }
    StringBuilder jpql = new StringBuilder("select p from PurchaseEntity p where p.partyId = :acc");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("acc", accountId);
    if (!posted || !credited) {
      jpql.append(posted ? " and p.amount >= :zero" : " and p.amount < :zero");
      params.put("zero", BigDecimal.ZERO);
    }
    keyset(jpql, params, after, SRC_INVOICE, "p.postedAt", "p.sequence");
    jpql.append(" order by p.postedAt desc, p.sequence desc");
    return run(em, jpql, params, PurchaseEntity.class, max).stream()
        .map(p -> new Row(p.postedAt, SRC_INVOICE, p.sequence, p))
        .toList();
  }

  private static List<Row> payments(
      EntityManager em, String accountId, Set<String> kinds, TimelineCursor after, int max) {
    if (!keeps(kinds, SRC_PAYMENT, "received")) {
      return List.of();
    }
    StringBuilder jpql = new StringBuilder("select p from PaymentEntity p where p.partyId = :acc");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("acc", accountId);
    keyset(jpql, params, after, SRC_PAYMENT, "p.receivedAt", "p.sequence");
    jpql.append(" order by p.receivedAt desc, p.sequence desc");
    return run(em, jpql, params, PaymentEntity.class, max).stream()
        .map(p -> new Row(p.receivedAt, SRC_PAYMENT, p.sequence, p))
        .toList();
  }

  /**
   * Document changes: the group {@code document} or a document kind's group ({@code sale}) keeps
   * all of its changes, {@code sale.confirmed} those of one state.
   */
  private static List<Row> documents(
      EntityManager em,
      String accountId,
      boolean finance,
      Set<String> kinds,
      TimelineCursor after,
      int max) {
    List<DocumentKind> whole = new ArrayList<>();
    List<String> exact = new ArrayList<>();
    for (DocumentKind k : DocumentKind.values()) {
      if (k == DocumentKind.INVOICE && !finance) {
        continue;
      }
      String group = ErpRules.group(k);
      if (kinds.isEmpty() || kinds.contains(SRC_DOCUMENT) || kinds.contains(group)) {
        whole.add(k);
      } else {
        kinds.stream().filter(x -> x.startsWith(group + '.')).forEach(exact::add);
      }
    }
    if (whole.isEmpty() && exact.isEmpty()) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("acc", accountId);
    if (!whole.isEmpty()) {
      parts.add("c.kind in :whole");
      params.put("whole", whole);
    }
    if (!exact.isEmpty()) {
      parts.add("c.timelineKind in :exact");
      params.put("exact", exact);
    }
    StringBuilder jpql =
        new StringBuilder("select c from ErpDocumentChangeEntity c where c.partyId = :acc and (")
            .append(String.join(" or ", parts))
            .append(')');
    if (finance) {
      // An invoice the account holds as posted (with its payments) is on the timeline already: its
      // document states are for the opportunity's timeline, which has no other invoice entries.
      jpql.append(
          " and not (c.kind = :invoiceKind and exists (select p.sequence from PurchaseEntity p"
              + " where p.partyId = c.partyId and p.erpSystem = c.erpSystem"
              + " and p.invoiceNumber = c.number))");
      params.put("invoiceKind", DocumentKind.INVOICE);
    }
    keyset(jpql, params, after, SRC_DOCUMENT, "c.changedAt", "c.sequence");
    jpql.append(" order by c.changedAt desc, c.sequence desc");
    return run(em, jpql, params, ErpDocumentChangeEntity.class, max).stream()
        .map(c -> new Row(c.changedAt, SRC_DOCUMENT, c.sequence, c))
        .toList();
  }

  private static List<Row> transitions(
      EntityManager em, String accountId, Set<String> kinds, TimelineCursor after, int max) {
    List<LifecycleStage> stages = new ArrayList<>();
    for (LifecycleStage s : LifecycleStage.values()) {
      if (keeps(kinds, SRC_LIFECYCLE, s.name().toLowerCase(Locale.ROOT))) {
        stages.add(s);
      }
    }
    if (stages.isEmpty()) {
      return List.of();
    }
    StringBuilder jpql =
        new StringBuilder(
            "select t from StageTransitionEntity t where t.partyId = :acc and t.to in :stages");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("acc", accountId);
    params.put("stages", stages);
    keyset(jpql, params, after, SRC_LIFECYCLE, "t.at", "t.sequence");
    jpql.append(" order by t.at desc, t.sequence desc");
    return run(em, jpql, params, StageTransitionEntity.class, max).stream()
        .map(t -> new Row(t.at, SRC_LIFECYCLE, t.sequence, t))
        .toList();
  }

  /** The threads of the account's cases; {@code case} keeps all, {@code case.reply} one kind. */
  private static List<Row> cases(
      EntityManager em, String accountId, Set<String> kinds, TimelineCursor after, int max) {
    List<String> exact = new ArrayList<>();
    if (!kinds.isEmpty() && !kinds.contains(SRC_CASE)) {
      kinds.stream().filter(k -> k.startsWith(SRC_CASE + '.')).forEach(exact::add);
      if (exact.isEmpty()) {
        return List.of();
      }
    }
    StringBuilder jpql =
        new StringBuilder("select e from CaseEventEntity e where e.accountId = :acc");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("acc", accountId);
    if (!exact.isEmpty()) {
      jpql.append(" and e.timelineKind in :kinds");
      params.put("kinds", exact);
    }
    keyset(jpql, params, after, SRC_CASE, "e.at", "e.sequence");
    jpql.append(" order by e.at desc, e.sequence desc");
    return run(em, jpql, params, CaseEventEntity.class, max).stream()
        .map(e -> new Row(e.at, SRC_CASE, e.sequence, e))
        .toList();
  }

  /** An audit action as a past-tense verb: {@code created}, {@code archived}… */
  static String verb(AuditAction a) {
    return switch (a) {
      case CREATE -> "created";
      case UPDATE -> "updated";
      case DELETE -> "deleted";
      case ARCHIVE -> "archived";
      case RESTORE -> "restored";
      case ERASE -> "erased";
      case EXPORT -> "exported";
      case MERGE -> "merged";
      case UNMERGE -> "unmerged";
      default -> a.name().toLowerCase(Locale.ROOT);
    };
  }

  private static List<TimelineItem> toItems(EntityManager em, List<Row> page, boolean finance) {
    List<Long> auditSeqs = new ArrayList<>();
    List<Long> activitySeqs = new ArrayList<>();
    for (Row r : page) {
      if (r.source().equals(SRC_AUDIT)) {
        auditSeqs.add(r.seq());
      } else if (r.source().equals(SRC_ACTIVITY)) {
        activitySeqs.add(r.seq());
      }
    }
    Map<Long, StringBuilder> changes = new LinkedHashMap<>();
    if (!auditSeqs.isEmpty()) {
      em.createQuery(
              "select c from AuditChangeEntity c where c.entrySeq in :seqs"
                  + " order by c.entrySeq, c.index",
              AuditChangeEntity.class)
          .setParameter("seqs", auditSeqs)
          .getResultList()
          .forEach(
              c -> {
                StringBuilder b = changes.computeIfAbsent(c.entrySeq, s -> new StringBuilder());
                if (b.length() > 0) {
                  b.append("; ");
                }
                b.append(c.field)
                    .append(": ")
                    .append(c.oldValue == null ? "–" : c.oldValue)
                    .append(" → ")
                    .append(c.newValue == null ? "–" : c.newValue);
              });
    }
    Map<Long, Integer> participants = new LinkedHashMap<>();
    Activities.participants(em, activitySeqs).forEach((s, ps) -> participants.put(s, ps.size()));
    List<TimelineItem> items = new ArrayList<>(page.size());
    for (Row r : page) {
      if (r.entity() instanceof ActivityEntity a) {
        items.add(activityItem(a, participants.getOrDefault(a.sequence, 0)));
      } else if (r.entity() instanceof AuditEntryEntity e) {
        StringBuilder summary = changes.get(e.sequence);
        items.add(auditItem(e, summary == null ? null : summary.toString()));
      } else if (r.entity() instanceof ConsentDecisionEntity c) {
        items.add(consentItem(c));
      } else if (r.entity() instanceof PurchaseEntity p) {
        items.add(invoiceItem(p));
      } else if (r.entity() instanceof StageTransitionEntity t) {
        items.add(transitionItem(t));
      } else if (r.entity() instanceof PaymentEntity p) {
        items.add(paymentItem(p));
      } else if (r.entity() instanceof ErpDocumentChangeEntity c) {
        items.add(documentItem(c, finance));
      } else if (r.entity() instanceof CaseEventEntity e) {
        items.add(caseItem(em, e));
      }
    }
    return items;
  }

  private static TimelineItem activityItem(ActivityEntity a, int participants) {
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("activityKind", a.kind.name());
    if (a.direction != null) {
      attrs.put("direction", a.direction.name());
    }
    if (a.channel != null) {
      attrs.put("channel", a.channel);
    }
    if (a.status != null) {
      attrs.put("status", a.status.name());
    }
    if (a.dueAt != null) {
      attrs.put("dueAt", a.dueAt.toString());
    }
    if (a.contactId != null) {
      attrs.put("contactId", a.contactId);
    }
    attrs.put("participants", Integer.toString(participants));
    attrs.put("version", Long.toString(a.version));
    return new TimelineItem(
        SRC_ACTIVITY + '.' + a.kind.name().toLowerCase(Locale.ROOT),
        a.timelineAt,
        a.subject,
        shorten(a.body),
        SRC_ACTIVITY,
        Activities.ACTIVITY,
        UUID.fromString(a.activityId),
        a.owner,
        attrs);
  }

  private static TimelineItem auditItem(AuditEntryEntity e, String summary) {
    String verb = verb(e.action);
    String what = e.recordType.substring(0, 1).toUpperCase(Locale.ROOT) + e.recordType.substring(1);
    return new TimelineItem(
        e.recordType + '.' + verb,
        e.occurredAt,
        what + ' ' + verb,
        shorten(summary),
        SRC_AUDIT,
        e.recordType,
        UUID.fromString(e.recordId),
        e.user,
        Map.of("action", e.action.name(), "via", e.channel.name()));
  }

  private static TimelineItem invoiceItem(PurchaseEntity p) {
    boolean credit = p.amount.signum() < 0;
    String amount = p.amount.stripTrailingZeros().toPlainString();
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("erpSystem", p.erpSystem);
    attrs.put("invoiceNumber", p.invoiceNumber);
    attrs.put("amount", amount);
    attrs.put("currency", p.currency);
    return new TimelineItem(
        SRC_INVOICE + (credit ? ".credited" : ".posted"),
        p.postedAt,
        (credit ? "Credit note " : "Invoice ") + p.invoiceNumber + ": " + amount + ' ' + p.currency,
        "posted in " + p.erpSystem,
        SRC_INVOICE,
        JpaAccountService.ACCOUNT,
        UUID.fromString(p.partyId),
        null,
        attrs);
  }

  private static TimelineItem paymentItem(PaymentEntity p) {
    String amount = p.amount.stripTrailingZeros().toPlainString();
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("erpSystem", p.erpSystem);
    attrs.put("paymentRef", p.paymentRef);
    if (p.invoiceNumber != null) {
      attrs.put("invoiceNumber", p.invoiceNumber);
    }
    attrs.put("amount", amount);
    attrs.put("currency", p.currency);
    return new TimelineItem(
        SRC_PAYMENT + ".received",
        p.receivedAt,
        "Payment "
            + amount
            + ' '
            + p.currency
            + (p.invoiceNumber == null ? "" : " for " + p.invoiceNumber),
        "received in " + p.erpSystem,
        SRC_PAYMENT,
        JpaAccountService.ACCOUNT,
        UUID.fromString(p.partyId),
        null,
        attrs);
  }

  private static TimelineItem documentItem(ErpDocumentChangeEntity c, boolean finance) {
    String kind = ErpRules.group(c.kind);
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("erpSystem", c.erpSystem);
    attrs.put("documentKind", c.kind.name());
    attrs.put("documentRef", c.documentRef);
    if (c.number != null) {
      attrs.put("number", c.number);
    }
    attrs.put("state", c.state);
    String summary = "in " + c.erpSystem;
    if (finance && c.amount != null) {
      String amount = c.amount.stripTrailingZeros().toPlainString();
      attrs.put("amount", amount);
      attrs.put("currency", c.currency);
      summary = amount + ' ' + c.currency + ' ' + summary;
    }
    return new TimelineItem(
        c.timelineKind,
        c.changedAt,
        kind.substring(0, 1).toUpperCase(Locale.ROOT)
            + kind.substring(1)
            + ' '
            + (c.number == null ? c.documentRef : c.number)
            + ": "
            + c.state,
        summary,
        SRC_DOCUMENT,
        JpaAccountService.ACCOUNT,
        UUID.fromString(c.partyId),
        null,
        attrs);
  }

  private static TimelineItem caseItem(EntityManager em, CaseEventEntity e) {
    CaseEntity c = em.find(CaseEntity.class, e.caseId);
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("caseNumber", c.number);
    attrs.put("event", e.kind.name());
    if (e.from != null) {
      attrs.put("from", e.from.name());
    }
    if (e.to != null) {
      attrs.put("to", e.to.name());
    }
    attrs.put("priority", c.priority.name());
    String title =
        switch (e.kind) {
          case CREATED -> "Case " + c.number + " opened: " + c.subject;
          case STATUS_CHANGED -> "Case " + c.number + ": " + e.from + " → " + e.to;
          case REPLY -> "Case " + c.number + ": reply";
          case NOTE -> "Case " + c.number + ": note";
        };
    return new TimelineItem(
        e.timelineKind,
        e.at,
        title,
        shorten(e.body),
        SRC_CASE,
        JpaCaseService.RECORD,
        UUID.fromString(e.caseId),
        e.user,
        attrs);
  }

  private static TimelineItem transitionItem(StageTransitionEntity t) {
    Map<String, String> attrs = new LinkedHashMap<>();
    if (t.from != null) {
      attrs.put("from", t.from.name());
    }
    attrs.put("to", t.to.name());
    attrs.put("cause", t.cause.name());
    if (t.rule != null) {
      attrs.put("rule", t.rule);
    }
    String title = t.from == null ? "Stage " + t.to : "Stage " + t.from + " → " + t.to;
    return new TimelineItem(
        SRC_LIFECYCLE + '.' + t.to.name().toLowerCase(Locale.ROOT),
        t.at,
        title,
        t.rule == null ? null : shorten(t.rule + " (" + t.facts + ")"),
        SRC_LIFECYCLE,
        JpaAccountService.ACCOUNT,
        UUID.fromString(t.partyId),
        t.user,
        attrs);
  }

  private static TimelineItem consentItem(ConsentDecisionEntity c) {
    String status = c.status.name().toLowerCase(Locale.ROOT);
    return new TimelineItem(
        SRC_CONSENT + '.' + status,
        c.decidedAt,
        "Consent " + status + ": " + c.purpose + " (" + c.channel.name() + ")",
        "source: " + c.source,
        SRC_CONSENT,
        AuditLog.CONTACT,
        UUID.fromString(c.subjectId),
        c.user,
        Map.of("purpose", c.purpose, "channel", c.channel.name(), "status", c.status.name()));
  }

  private static String shorten(String text) {
    if (text == null || text.length() <= SUMMARY_MAX) {
      return text;
    }
    return text.substring(0, SUMMARY_MAX - 1) + "…";
  }
}
