package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.USER_NAME;
import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.access.RecordAccess;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.account.ContactDraft;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.assignment.Assignment;
import org.loopcrm.crm.api.assignment.Condition;
import org.loopcrm.crm.api.assignment.RecordKind;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.lead.Conversion;
import org.loopcrm.crm.api.lead.ConversionCandidate;
import org.loopcrm.crm.api.lead.Lead;
import org.loopcrm.crm.api.lead.LeadActivity;
import org.loopcrm.crm.api.lead.LeadConsent;
import org.loopcrm.crm.api.lead.LeadDraft;
import org.loopcrm.crm.api.lead.LeadForm;
import org.loopcrm.crm.api.lead.LeadFormDraft;
import org.loopcrm.crm.api.lead.LeadQuery;
import org.loopcrm.crm.api.lead.LeadScore;
import org.loopcrm.crm.api.lead.LeadService;
import org.loopcrm.crm.api.lead.LeadStatus;
import org.loopcrm.crm.api.lead.PossibleDuplicate;
import org.loopcrm.crm.api.lead.ScoringRule;
import org.loopcrm.crm.api.lead.Submission;
import org.loopcrm.crm.api.privacy.ConsentChannel;
import org.loopcrm.crm.api.privacy.ConsentDraft;
import org.loopcrm.crm.api.privacy.ConsentStatus;
import org.loopcrm.crm.api.sales.OpportunityService;
import org.loopcrm.crm.core.internal.account.AccountRules;
import org.loopcrm.crm.core.internal.dedupe.Normalise;
import org.loopcrm.crm.core.internal.json.Json;
import org.loopcrm.crm.core.internal.plugin.PipelineContext;
import org.loopcrm.crm.core.internal.plugin.PluginPipeline;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leads on the JPA persistence unit {@code crm} (decisions.md §30): capture with assignment,
 * duplicate flags and scoring in one transaction; conversion into account, contact and opportunity
 * in one transaction.
 */
@Component(service = LeadService.class)
public final class JpaLeadService implements LeadService {
  static final String LEAD = "lead";
  static final String FORM = "lead-form";
  static final String SCORING_RULE = "lead-scoring-rule";

  /** The lead fields a form may carry, and scoring rules may test. */
  static final List<String> FIELDS =
      List.of(
          "firstName",
          "lastName",
          "company",
          "title",
          "email",
          "phone",
          "country",
          "region",
          "postcode",
          "industry",
          "employees",
          "source",
          "campaign");

  private static final Logger LOG = LoggerFactory.getLogger(JpaLeadService.class);
  private static final Actor WEB = new Actor("web-to-lead", Set.of(), Actor.Channel.REST);
  private static final int MAX_LIMIT = 200;
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{6,64}");
  private static final Pattern WORD = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");
  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,49}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern CONSENT_PURPOSE = Pattern.compile("[a-z][a-z0-9_-]{1,39}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Transactions tx;
  private final Clock clock;
  private final AccessPolicy policy;
  private final JpaAccountService accounts;
  private final LeadOpportunities opportunities;
  private final AtomicLong discarded = new AtomicLong();

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaLeadService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference PluginPipeline plugins,
      @Reference AccessPolicy policy,
      @Reference OpportunityService opportunities) {
    this(emf, Clock.systemUTC(), plugins, policy, LeadOpportunities.of(opportunities));
  }

  JpaLeadService(
      EntityManagerFactory emf,
      Clock clock,
      PluginPipeline plugins,
      AccessPolicy policy,
      LeadOpportunities opportunities) {
    this.tx = new Transactions(emf);
    this.clock = clock;
    this.policy = policy;
    this.accounts = new JpaAccountService(emf, clock, plugins, policy);
    this.opportunities = opportunities;
  }

  // --- leads

  @Override
  public Lead create(Actor actor, LeadDraft draft) {
    require(actor, Resource.LEAD, Action.CREATE);
    LeadDraft d = valid(draft);
    return tx.inTransaction(em -> toLead(capture(em, actor, d, null, null)));
  }

  /** A new lead in the caller's transaction: assigned, checked for duplicates, scored, audited. */
  private LeadEntity capture(
      EntityManager em, Actor actor, LeadDraft d, String formKey, String activityKind) {
    Instant now = now();
    LeadEntity l = new LeadEntity();
    l.id = UUID.randomUUID().toString();
    l.status = LeadStatus.NEW;
    l.createdAt = now;
    l.updatedAt = now;
    l.createdBy = actor.user();
    l.formKey = formKey;
    apply(l, d);
    l.owner = d.owner() != null ? d.owner() : actor.user();
    l.duplicates = "{\"items\":[]}";
    em.persist(l);
    em.flush();
    if (d.owner() == null) {
      Assignment given =
          AssignmentEngine.assign(em, actor, RecordKind.LEAD, l.id, attributes(l), now);
      if (given.owner() != null) {
        l.owner = given.owner();
      }
    }
    l.duplicates = duplicatesJson(duplicates(em, l));
    if (activityKind != null) {
      activity(em, l.id, activityKind, null, now, actor.user());
    }
    LeadScore s = score(em, l, now);
    l.score = s.total();
    l.scoredAt = now;
    em.flush();
    AuditLog.record(em, actor, AuditAction.CREATE, LEAD, l.id, null, image(l), now);
    Outbox.append(em, LEAD, l.id, "lead.created", eventData(l, actor), now);
    return l;
  }

  @Override
  public Lead get(Actor actor, UUID id) {
    require(actor, Resource.LEAD, Action.READ);
    return tx.readOnly(em -> toLead(readable(em, actor, policy, id)));
  }

  @Override
  public Page<Lead> list(Actor actor, LeadQuery q) {
    require(actor, Resource.LEAD, Action.READ);
    if (q.limit() < 1 || q.limit() > MAX_LIMIT) {
      throw new ValidationException(
          List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
    }
    StringBuilder jpql = new StringBuilder("select l from LeadEntity l where 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (q.status() != null) {
      jpql.append(" and l.status = :status");
      params.put("status", q.status());
    }
    if (q.owner() != null && !q.owner().isBlank()) {
      jpql.append(" and l.owner = :owner");
      params.put("owner", q.owner().strip());
    }
    if (q.source() != null && !q.source().isBlank()) {
      jpql.append(" and l.source = :source");
      params.put("source", q.source().strip().toLowerCase(Locale.ROOT));
    }
    if (q.text() != null && !q.text().isBlank()) {
      jpql.append(
          " and (lower(l.lastName) like :text escape '!' or lower(l.firstName) like :text"
              + " escape '!' or lower(l.company) like :text escape '!' or l.emailKey like :text"
              + " escape '!')");
      params.put(
          "text",
          "%"
              + q.text()
                  .strip()
                  .toLowerCase(Locale.ROOT)
                  .replace("!", "!!")
                  .replace("%", "!%")
                  .replace("_", "!_")
              + "%");
    }
    if (q.cursor() != null) {
      String[] c = decodeCursor(q.cursor());
      jpql.append(" and (l.createdAt < :at or (l.createdAt = :at and l.id < :id))");
      params.put("at", Instant.parse(c[0]));
      params.put("id", c[1]);
    }
    return tx.readOnly(
        em -> {
          Visibility.Circle circle = Visibility.circle(em, actor);
          String visible = Visibility.ownedListCondition(circle, policy, "l", LEAD);
          if (visible != null) {
            jpql.append(" and ").append(visible);
            Visibility.bind(circle, params);
          }
          jpql.append(" order by l.createdAt desc, l.id desc");
          TypedQuery<LeadEntity> query = em.createQuery(jpql.toString(), LeadEntity.class);
          params.forEach(query::setParameter);
          List<LeadEntity> rows = query.setMaxResults(q.limit() + 1).getResultList();
          List<Lead> items =
              rows.subList(0, Math.min(rows.size(), q.limit())).stream()
                  .map(JpaLeadService::toLead)
                  .toList();
          Optional<String> next = Optional.empty();
          if (rows.size() > q.limit()) {
            LeadEntity last = rows.get(q.limit() - 1);
            next = Optional.of(encodeCursor(last.createdAt + "|" + last.id));
          }
          return new Page<>(items, next);
        });
  }

  @Override
  public Lead update(Actor actor, UUID id, long expectedVersion, LeadDraft draft) {
    require(actor, Resource.LEAD, Action.UPDATE);
    LeadDraft d = valid(draft);
    return tx.inTransaction(
        em -> {
          LeadEntity l = forChange(em, actor, id, expectedVersion);
          if (l.status == LeadStatus.CONVERTED) {
            throw new ConflictException("lead " + id + " is CONVERTED: it no longer changes");
          }
          Map<String, Object> before = image(l);
          String owner = l.owner;
          apply(l, d);
          l.owner = d.owner() == null ? owner : d.owner();
          if (!l.owner.equals(owner)) {
            AssignmentEngine.ownerChanged(em, RecordKind.LEAD, l.id, l.owner);
          }
          Instant now = now();
          LeadScore s = score(em, l, now);
          l.score = s.total();
          l.scoredAt = now;
          if (before.equals(image(l))) {
            return toLead(l);
          }
          l.updatedAt = now;
          em.flush();
          AuditLog.record(em, actor, AuditAction.UPDATE, LEAD, l.id, before, image(l), now);
          Outbox.append(em, LEAD, l.id, "lead.updated", eventData(l, actor), now);
          return toLead(l);
        });
  }

  @Override
  public Lead transition(Actor actor, UUID id, long expectedVersion, LeadStatus to, String reason) {
    require(actor, Resource.LEAD, Action.UPDATE);
    if (to == null) {
      throw new ValidationException(List.of(new FieldError("status", "is required")));
    }
    if (to == LeadStatus.CONVERTED) {
      throw new ValidationException(
          List.of(new FieldError("status", "a lead becomes CONVERTED by converting it")));
    }
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (to == LeadStatus.DISQUALIFIED && why == null) {
      throw new ValidationException(
          List.of(new FieldError("reason", "is required to disqualify a lead")));
    }
    if (why != null && why.length() > 500) {
      throw new ValidationException(
          List.of(new FieldError("reason", "must be at most 500 characters")));
    }
    return tx.inTransaction(
        em -> {
          LeadEntity l = forChange(em, actor, id, expectedVersion);
          if (!l.status.canBecome(to)) {
            throw new ConflictException(
                "lead " + id + " is " + l.status + ": it cannot become " + to);
          }
          Map<String, Object> before = image(l);
          Instant now = now();
          if (l.status == LeadStatus.NEW) {
            AssignmentEngine.responded(em, RecordKind.LEAD, l.id, now);
          }
          l.status = to;
          l.disqualifiedReason = to == LeadStatus.DISQUALIFIED ? why : null;
          if (to == LeadStatus.DISQUALIFIED) {
            AssignmentEngine.closed(em, RecordKind.LEAD, l.id);
          }
          l.updatedAt = now;
          em.flush();
          AuditLog.record(em, actor, AuditAction.UPDATE, LEAD, l.id, before, image(l), now);
          Outbox.append(em, LEAD, l.id, "lead.status-changed", eventData(l, actor), now);
          return toLead(l);
        });
  }

  @Override
  public LeadActivity addActivity(Actor actor, UUID id, String kind, String note) {
    require(actor, Resource.LEAD, Action.UPDATE);
    String k = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT);
    if (!WORD.matcher(k).matches()) {
      throw new ValidationException(
          List.of(new FieldError("kind", "a short word such as web-visit, email-open, call")));
    }
    String n = note == null || note.isBlank() ? null : note.strip();
    if (n != null && n.length() > 2000) {
      throw new ValidationException(
          List.of(new FieldError("note", "must be at most 2000 characters")));
    }
    return tx.inTransaction(
        em -> {
          LeadEntity l = writable(em, actor, policy, id);
          if (l.status == LeadStatus.CONVERTED) {
            throw new ConflictException("lead " + id + " is CONVERTED: log on the account");
          }
          Instant now = now();
          LeadActivityEntity a = activity(em, l.id, k, n, now, actor.user());
          l.score = score(em, l, now).total();
          l.scoredAt = now;
          AuditLog.record(
              em,
              actor,
              AuditAction.CREATE,
              "lead-activity",
              a.id,
              null,
              Map.of("leadId", l.id, "kind", k),
              now);
          return toActivity(a);
        });
  }

  private static LeadActivityEntity activity(
      EntityManager em, String leadId, String kind, String note, Instant at, String by) {
    LeadActivityEntity a = new LeadActivityEntity();
    a.id = UUID.randomUUID().toString();
    a.leadId = leadId;
    a.kind = kind;
    a.note = note;
    a.occurredAt = at;
    a.createdBy = by;
    em.persist(a);
    em.flush();
    return a;
  }

  @Override
  public List<LeadActivity> activities(Actor actor, UUID id) {
    require(actor, Resource.LEAD, Action.READ);
    return tx.readOnly(
        em -> {
          readable(em, actor, policy, id);
          return activitiesOf(em, id.toString()).stream().map(JpaLeadService::toActivity).toList();
        });
  }

  private static List<LeadActivityEntity> activitiesOf(EntityManager em, String leadId) {
    return em.createQuery(
            "select a from LeadActivityEntity a where a.leadId = :l"
                + " order by a.occurredAt desc, a.id",
            LeadActivityEntity.class)
        .setParameter("l", leadId)
        .getResultList();
  }

  // --- scoring

  @Override
  public LeadScore score(Actor actor, UUID id) {
    require(actor, Resource.LEAD, Action.READ);
    return tx.inTransaction(
        em -> {
          LeadEntity l = readable(em, actor, policy, id);
          Instant now = now();
          LeadScore s = score(em, l, now);
          if (l.status != LeadStatus.CONVERTED && l.score != s.total()) {
            l.score = s.total();
            l.scoredAt = now;
          }
          return s;
        });
  }

  @Override
  public int rescoreAll(Actor actor) {
    require(actor, Resource.LEAD_SCORING, Action.UPDATE);
    return tx.inTransaction(
        em -> {
          Instant now = now();
          int changed = 0;
          for (LeadEntity l :
              em.createQuery("select l from LeadEntity l where l.status in :open", LeadEntity.class)
                  .setParameter(
                      "open", List.of(LeadStatus.NEW, LeadStatus.WORKING, LeadStatus.QUALIFIED))
                  .getResultList()) {
            int total = score(em, l, now).total();
            if (total != l.score) {
              l.score = total;
              l.scoredAt = now;
              changed++;
            }
          }
          return changed;
        });
  }

  /** The score of the lead at {@code now}: field rules, then activity rules with decay. */
  static LeadScore score(EntityManager em, LeadEntity l, Instant now) {
    List<LeadScoringRuleEntity> rules =
        em.createQuery(
                "select r from LeadScoringRuleEntity r where r.active = true order by r.name",
                LeadScoringRuleEntity.class)
            .getResultList();
    Map<String, String> attrs = AssignmentEngine.normalise(attributes(l));
    List<LeadActivityEntity> acts = null;
    List<LeadScore.Contribution> out = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (LeadScoringRuleEntity r : rules) {
      if (r.field != null) {
        Condition c =
            new Condition(r.field, Condition.Operator.valueOf(r.operator), operands(r.operands));
        String v = attrs.get(r.field.toLowerCase(Locale.ROOT));
        if (AssignmentEngine.holds(c, v)) {
          BigDecimal p = BigDecimal.valueOf(r.points);
          out.add(
              new LeadScore.Contribution(
                  r.name,
                  p.setScale(2),
                  r.field
                      + " "
                      + (v == null ? "(absent)" : "'" + v + "'")
                      + " is "
                      + r.operator
                      + " "
                      + c.values()));
          total = total.add(p);
        }
      } else {
        if (acts == null) {
          acts = activitiesOf(em, l.id);
        }
        int count = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (LeadActivityEntity a : acts) {
          if (!a.kind.equals(r.activityKind)) {
            continue;
          }
          count++;
          double factor = 1.0;
          if (r.halfLifeDays != null) {
            double days = Duration.between(a.occurredAt, now).toSeconds() / 86_400.0;
            factor = Math.pow(0.5, Math.max(0, days) / r.halfLifeDays);
          }
          sum = sum.add(BigDecimal.valueOf(r.points * factor));
        }
        if (count > 0) {
          sum = sum.setScale(2, RoundingMode.HALF_UP);
          out.add(
              new LeadScore.Contribution(
                  r.name,
                  sum,
                  count
                      + " × "
                      + r.activityKind
                      + " at "
                      + r.points
                      + (r.halfLifeDays == null
                          ? ""
                          : ", halved every " + r.halfLifeDays + " days since each")));
          total = total.add(sum);
        }
      }
    }
    int rounded = total.round(new MathContext(12)).setScale(0, RoundingMode.HALF_UP).intValue();
    return new LeadScore(UUID.fromString(l.id), rounded, out, now);
  }

  @Override
  public List<ScoringRule> scoringRules(Actor actor) {
    require(actor, Resource.LEAD_SCORING, Action.READ);
    return tx.readOnly(
        em ->
            em
                .createQuery(
                    "select r from LeadScoringRuleEntity r order by r.name",
                    LeadScoringRuleEntity.class)
                .getResultList()
                .stream()
                .map(JpaLeadService::toRule)
                .toList());
  }

  @Override
  public ScoringRule createScoringRule(Actor actor, ScoringRule rule) {
    require(actor, Resource.LEAD_SCORING, Action.CREATE);
    ScoringRule r = validRule(rule);
    return tx.inTransaction(
        em -> {
          ruleNameFree(em, r.name(), null);
          LeadScoringRuleEntity e = new LeadScoringRuleEntity();
          e.id = UUID.randomUUID().toString();
          applyRule(e, r);
          em.persist(e);
          em.flush();
          ScoringRule out = toRule(e);
          AuditLog.record(
              em, actor, AuditAction.CREATE, SCORING_RULE, e.id, null, ruleImage(out), now());
          return out;
        });
  }

  @Override
  public ScoringRule updateScoringRule(
      Actor actor, UUID id, long expectedVersion, ScoringRule rule) {
    require(actor, Resource.LEAD_SCORING, Action.UPDATE);
    ScoringRule r = validRule(rule);
    return tx.inTransaction(
        em -> {
          LeadScoringRuleEntity e = findRule(em, id);
          if (e.version != expectedVersion) {
            throw new StaleVersionException("scoring rule", id, expectedVersion, e.version);
          }
          ruleNameFree(em, r.name(), e.id);
          Map<String, Object> before = ruleImage(toRule(e));
          applyRule(e, r);
          em.flush();
          ScoringRule out = toRule(e);
          AuditLog.record(
              em, actor, AuditAction.UPDATE, SCORING_RULE, e.id, before, ruleImage(out), now());
          return out;
        });
  }

  @Override
  public void deleteScoringRule(Actor actor, UUID id, long expectedVersion) {
    require(actor, Resource.LEAD_SCORING, Action.DELETE);
    tx.inTransaction(
        em -> {
          LeadScoringRuleEntity e = findRule(em, id);
          if (e.version != expectedVersion) {
            throw new StaleVersionException("scoring rule", id, expectedVersion, e.version);
          }
          Map<String, Object> before = ruleImage(toRule(e));
          em.remove(e);
          em.flush();
          AuditLog.record(em, actor, AuditAction.DELETE, SCORING_RULE, e.id, before, null, now());
          return null;
        });
  }

  private static ScoringRule validRule(ScoringRule r) {
    if (r == null) {
      throw new ValidationException(List.of(new FieldError("rule", "is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    String name = r.name() == null ? "" : r.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      errors.add(new FieldError("name", "is required, at most 100 characters"));
    }
    boolean field = r.field() != null && !r.field().isBlank();
    boolean activity = r.activityKind() != null && !r.activityKind().isBlank();
    String kind = activity ? r.activityKind().strip().toLowerCase(Locale.ROOT) : null;
    Condition.Operator op = null;
    if (field == activity) {
      errors.add(new FieldError("field", "give either a field or an activityKind"));
    } else if (field) {
      if (!FIELDS.contains(r.field().strip())) {
        errors.add(new FieldError("field", "must be one of " + String.join(", ", FIELDS)));
      }
      try {
        op = Condition.Operator.valueOf(String.valueOf(r.operator()).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("operator", "must be one of IN, NOT_IN, PREFIX, RANGE"));
      }
      if (op == Condition.Operator.RANGE
          ? r.values().size() != 2
          : r.values().isEmpty() || r.values().stream().anyMatch(v -> v == null || v.isBlank())) {
        errors.add(
            new FieldError("values", "RANGE takes [low, high]; the others one or more values"));
      } else if (String.join("\u001f", r.values()).length() > 2000) {
        errors.add(new FieldError("values", "are longer than 2000 characters in all"));
      }
      if (r.halfLifeDays() != null) {
        errors.add(new FieldError("halfLifeDays", "only activity points decay"));
      }
    } else if (!WORD.matcher(kind).matches()) {
      errors.add(new FieldError("activityKind", "a short word such as web-visit"));
    }
    if (r.points() < -1000 || r.points() > 1000) {
      errors.add(new FieldError("points", "must be between -1000 and 1000"));
    }
    if (r.halfLifeDays() != null && (r.halfLifeDays() < 1 || r.halfLifeDays() > 3650)) {
      errors.add(new FieldError("halfLifeDays", "must be between 1 and 3650"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new ScoringRule(
        null,
        name,
        field ? r.field().strip() : null,
        field ? op.name() : null,
        field ? r.values().stream().map(String::strip).toList() : List.of(),
        kind,
        r.points(),
        r.halfLifeDays(),
        r.active(),
        0);
  }

  private static void applyRule(LeadScoringRuleEntity e, ScoringRule r) {
    e.name = r.name();
    e.field = r.field();
    e.operator = r.operator();
    e.operands = r.field() == null ? null : String.join("\u001f", r.values());
    e.activityKind = r.activityKind();
    e.points = r.points();
    e.halfLifeDays = r.halfLifeDays();
    e.active = r.active();
  }

  private static List<String> operands(String s) {
    return s == null ? List.of() : List.of(s.split("\u001f", -1));
  }

  private static ScoringRule toRule(LeadScoringRuleEntity e) {
    return new ScoringRule(
        UUID.fromString(e.id),
        e.name,
        e.field,
        e.operator,
        operands(e.operands),
        e.activityKind,
        e.points,
        e.halfLifeDays,
        e.active,
        e.version);
  }

  private static Map<String, Object> ruleImage(ScoringRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("field", r.field());
    m.put("operator", r.operator());
    m.put("values", String.join(",", r.values()));
    m.put("activityKind", r.activityKind());
    m.put("points", r.points());
    m.put("halfLifeDays", r.halfLifeDays());
    m.put("active", r.active());
    return m;
  }

  private static void ruleNameFree(EntityManager em, String name, String self) {
    List<String> same =
        em.createQuery("select r.id from LeadScoringRuleEntity r where r.name = :n", String.class)
            .setParameter("n", name)
            .getResultList();
    if (same.stream().anyMatch(id -> !id.equals(self))) {
      throw new ConflictException("a scoring rule named '" + name + "' exists already");
    }
  }

  private static LeadScoringRuleEntity findRule(EntityManager em, UUID id) {
    LeadScoringRuleEntity e = em.find(LeadScoringRuleEntity.class, id.toString());
    if (e == null) {
      throw new NotFoundException("scoring rule", id);
    }
    return e;
  }

  // --- duplicates and conversion

  /** Leads, contacts and accounts the lead may duplicate (never itself). */
  private static List<PossibleDuplicate> duplicates(EntityManager em, LeadEntity l) {
    Set<PossibleDuplicate> out = new LinkedHashSet<>();
    if (l.emailKey != null) {
      for (LeadEntity o :
          em.createQuery(
                  "select l from LeadEntity l where l.emailKey = :e and l.id <> :self"
                      + " order by l.createdAt",
                  LeadEntity.class)
              .setParameter("e", l.emailKey)
              .setParameter("self", l.id)
              .setMaxResults(20)
              .getResultList()) {
        out.add(new PossibleDuplicate("LEAD", UUID.fromString(o.id), name(o), "same e-mail"));
      }
    }
    if (l.nameKey != null) {
      for (LeadEntity o :
          em.createQuery(
                  "select l from LeadEntity l where l.nameKey = :n and l.id <> :self"
                      + " order by l.createdAt",
                  LeadEntity.class)
              .setParameter("n", l.nameKey)
              .setParameter("self", l.id)
              .setMaxResults(20)
              .getResultList()) {
        PossibleDuplicate byEmail =
            new PossibleDuplicate("LEAD", UUID.fromString(o.id), name(o), "same e-mail");
        if (!out.contains(byEmail)) {
          out.add(
              new PossibleDuplicate(
                  "LEAD", UUID.fromString(o.id), name(o), "same name at the same company"));
        }
      }
    }
    for (ConversionCandidate c : candidates(em, l)) {
      out.add(new PossibleDuplicate(c.kind(), c.id(), c.name(), c.reason()));
    }
    return new ArrayList<>(out);
  }

  /** Accounts named like the lead's company; contacts with its e-mail or name there. */
  private static List<ConversionCandidate> candidates(EntityManager em, LeadEntity l) {
    List<ConversionCandidate> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    String company =
        l.company == null
            ? null
            : Normalise.name(l.company, org.loopcrm.crm.core.internal.dedupe.RecordKind.ACCOUNT);
    List<OrganizationEntity> orgs = new ArrayList<>();
    if (company != null && !company.isEmpty()) {
      String first = company.split(" ")[0];
      for (OrganizationEntity o :
          em.createQuery(
                  "select o from OrganizationEntity o where o.mergedInto is null"
                      + " and o.status = :active and o.sortName like :p order by o.sortName",
                  OrganizationEntity.class)
              .setParameter("active", AccountStatus.ACTIVE)
              .setParameter("p", "%" + first + "%")
              .setMaxResults(200)
              .getResultList()) {
        if (company.equals(
            Normalise.name(o.name, org.loopcrm.crm.core.internal.dedupe.RecordKind.ACCOUNT))) {
          orgs.add(o);
          out.add(
              new ConversionCandidate(
                  "ACCOUNT",
                  UUID.fromString(o.id),
                  UUID.fromString(o.id),
                  o.name,
                  "same company name"));
        }
      }
    }
    if (l.emailKey != null) {
      List<Object[]> rows =
          em.createQuery(
                  "select p, r.toPartyId from PersonEntity p, PartyRelationshipEntity r"
                      + " where r.fromPartyId = p.id and r.type = :t and r.thruDate is null"
                      + " and lower(p.email) = :e and p.mergedInto is null",
                  Object[].class)
              .setParameter("t", PartyRelationshipEntity.Type.CONTACT_OF)
              .setParameter("e", l.emailKey)
              .setMaxResults(20)
              .getResultList();
      for (Object[] row : rows) {
        PersonEntity p = (PersonEntity) row[0];
        if (seen.add(p.id)) {
          out.add(
              new ConversionCandidate(
                  "CONTACT",
                  UUID.fromString(p.id),
                  UUID.fromString((String) row[1]),
                  personName(p),
                  "same e-mail"));
        }
      }
    }
    if (l.lastName != null) {
      for (OrganizationEntity o : orgs) {
        List<PersonEntity> people =
            em.createQuery(
                    "select p from PersonEntity p, PartyRelationshipEntity r"
                        + " where r.fromPartyId = p.id and r.toPartyId = :o and r.type = :t"
                        + " and r.thruDate is null and lower(p.lastName) = :ln",
                    PersonEntity.class)
                .setParameter("o", o.id)
                .setParameter("t", PartyRelationshipEntity.Type.CONTACT_OF)
                .setParameter("ln", l.lastName.toLowerCase(Locale.ROOT))
                .getResultList();
        for (PersonEntity p : people) {
          if (seen.add(p.id)) {
            out.add(
                new ConversionCandidate(
                    "CONTACT",
                    UUID.fromString(p.id),
                    UUID.fromString(o.id),
                    personName(p),
                    "same name at the same company"));
          }
        }
      }
    }
    return out;
  }

  @Override
  public List<ConversionCandidate> conversionCandidates(Actor actor, UUID id) {
    require(actor, Resource.LEAD, Action.READ);
    return tx.readOnly(
        em -> {
          // Only what the caller may read is offered for merging.
          Visibility.Circle circle = Visibility.circle(em, actor);
          return candidates(em, readable(em, actor, policy, id)).stream()
              .filter(
                  c -> {
                    OrganizationEntity o =
                        em.find(OrganizationEntity.class, c.accountId().toString());
                    return o != null
                        && Visibility.access(em, circle, policy, o)
                            != org.loopcrm.crm.api.access.RecordAccess.NONE;
                  })
              .toList();
        });
  }

  @Override
  public Conversion.Result convert(
      Actor actor, UUID id, long expectedVersion, Conversion conversion) {
    require(actor, Resource.LEAD, Action.UPDATE);
    Conversion c = conversion == null ? new Conversion(null, null, null) : conversion;
    if (c.contactId() != null && c.accountId() == null) {
      throw new ValidationException(
          List.of(new FieldError("contactId", "needs the accountId the contact belongs to")));
    }
    Conversion.OpportunityRequest opp = c.opportunity();
    if (opp != null && (opp.name() == null || opp.name().isBlank())) {
      throw new ValidationException(List.of(new FieldError("opportunity.name", "is required")));
    }
    LeadEntity snapshot = tx.readOnly(em -> readable(em, actor, policy, id));
    PipelineContext accountCreation =
        c.accountId() == null
            ? accounts.creation(
                actor,
                new AccountDraft(
                    accountName(snapshot),
                    null,
                    null,
                    snapshot.owner,
                    LifecycleStage.PROSPECT,
                    Map.of()))
            : null;
    return tx.inTransaction(
        em -> {
          LeadEntity l = forChange(em, actor, id, expectedVersion);
          if (l.status == LeadStatus.CONVERTED || l.status == LeadStatus.DISQUALIFIED) {
            throw new ConflictException(
                "lead " + id + " is " + l.status + ": only an open lead is converted");
          }
          Map<String, Object> before = image(l);
          Instant now = now();
          UUID accountId;
          boolean accountCreated = false;
          if (c.accountId() != null) {
            accountId =
                UUID.fromString(
                    Visibility.writable(
                            em, actor, policy, JpaAccountService.find(em, c.accountId()))
                        .id);
          } else {
            Account a = accounts.create(em, actor, accountCreation);
            accountId = a.id();
            accountCreated = true;
          }
          UUID contactId;
          boolean contactCreated = false;
          if (c.contactId() != null) {
            long linked =
                em.createQuery(
                        "select count(r) from PartyRelationshipEntity r where r.fromPartyId = :p"
                            + " and r.toPartyId = :o and r.type = :t and r.thruDate is null",
                        Long.class)
                    .setParameter("p", c.contactId().toString())
                    .setParameter("o", accountId.toString())
                    .setParameter("t", PartyRelationshipEntity.Type.CONTACT_OF)
                    .getSingleResult();
            if (linked == 0) {
              throw new ValidationException(
                  List.of(new FieldError("contactId", "is not a contact of the account")));
            }
            contactId = c.contactId();
          } else {
            // Checked here, after the account exists: a contact the lead cannot make undoes it.
            ContactDraft cd =
                AccountRules.validContact(
                    new ContactDraft(l.firstName, l.lastName, l.email, l.phone, l.title));
            Contact contact = accounts.addContact(em, actor, accountId, cd);
            contactId = contact.id();
            contactCreated = true;
          }
          copyConsent(em, actor, l, contactId, now);
          UUID opportunityId =
              opp == null
                  ? null
                  : opportunitiesFor(actor)
                      .create(
                          em,
                          actor,
                          accountId,
                          contactId,
                          opp,
                          l.owner,
                          UUID.fromString(l.id),
                          l.source);
          l.status = LeadStatus.CONVERTED;
          l.accountId = accountId.toString();
          l.contactId = contactId.toString();
          l.opportunityId = opportunityId == null ? null : opportunityId.toString();
          l.convertedAt = now;
          l.updatedAt = now;
          AssignmentEngine.closed(em, RecordKind.LEAD, l.id);
          em.flush();
          AuditLog.record(em, actor, AuditAction.UPDATE, LEAD, l.id, before, image(l), now);
          Outbox.append(em, LEAD, l.id, "lead.converted", eventData(l, actor), now);
          return new Conversion.Result(
              toLead(l), accountId, accountCreated, contactId, contactCreated, opportunityId);
        });
  }

  /**
   * Copies the lead's consent into the contact's consent register (decisions.md §30): decided when
   * the lead gave it, from its form, with the text version (and the text while it is still the
   * form's) as evidence. A newer decision of the register for that purpose and channel stands.
   */
  private static void copyConsent(
      EntityManager em, Actor actor, LeadEntity l, UUID contactId, Instant now) {
    if (l.consentPurpose == null) {
      return;
    }
    PersonEntity person = em.find(PersonEntity.class, contactId.toString());
    if (person == null) {
      return;
    }
    String purpose = l.consentPurpose.toLowerCase(Locale.ROOT).replace('.', '_');
    if (!CONSENT_PURPOSE.matcher(purpose).matches()) {
      purpose = ("lead-" + purpose);
      purpose = purpose.substring(0, Math.min(40, purpose.length()));
    }
    ConsentChannel channel =
        l.email == null && l.phone != null ? ConsentChannel.PHONE : ConsentChannel.EMAIL;
    Instant given = l.consentAt == null ? l.createdAt : l.consentAt;
    Optional<Instant> current = JpaPrivacyService.currentDecidedAt(em, person.id, purpose, channel);
    if (current.isPresent() && current.get().isAfter(given)) {
      return;
    }
    LeadFormEntity form =
        l.formKey == null
            ? null
            : em.createQuery(
                    "select f from LeadFormEntity f where f.key = :k", LeadFormEntity.class)
                .setParameter("k", l.formKey)
                .getResultStream()
                .findFirst()
                .orElse(null);
    String source =
        form != null
            ? "web-to-lead form " + form.name
            : "lead " + (l.source == null ? "api" : l.source);
    StringBuilder evidence = new StringBuilder("lead ").append(l.id);
    if (l.formKey != null) {
      evidence.append("; form ").append(l.formKey);
    }
    evidence.append("; text version ").append(l.consentTextVersion);
    if (form != null
        && form.consentText != null
        && Objects.equals(form.consentTextVersion, l.consentTextVersion)) {
      evidence.append("; text: \"").append(form.consentText).append('"');
    }
    evidence.append("; given at ").append(given);
    if (l.consentIp != null) {
      evidence.append(" from ").append(l.consentIp);
    }
    JpaPrivacyService.decide(
        em,
        actor,
        person,
        new ConsentDraft(
            purpose,
            channel,
            ConsentStatus.GRANTED,
            source.substring(0, Math.min(100, source.length())),
            evidence.substring(0, Math.min(1000, evidence.length()))),
        null,
        given,
        now);
  }

  private LeadOpportunities opportunitiesFor(Actor actor) {
    require(actor, Resource.OPPORTUNITY, Action.CREATE);
    return opportunities;
  }

  private static String accountName(LeadEntity l) {
    if (l.company != null) {
      return l.company;
    }
    return name(l);
  }

  // --- web forms

  @Override
  public List<LeadForm> forms(Actor actor) {
    require(actor, Resource.LEAD_FORM, Action.READ);
    return tx.readOnly(
        em ->
            em
                .createQuery("select f from LeadFormEntity f order by f.name", LeadFormEntity.class)
                .getResultList()
                .stream()
                .map(JpaLeadService::toForm)
                .toList());
  }

  @Override
  public LeadForm form(Actor actor, UUID id) {
    require(actor, Resource.LEAD_FORM, Action.READ);
    return tx.readOnly(em -> toForm(findForm(em, id)));
  }

  @Override
  public LeadForm createForm(Actor actor, LeadFormDraft draft) {
    require(actor, Resource.LEAD_FORM, Action.CREATE);
    LeadFormDraft d = validForm(draft);
    return tx.inTransaction(
        em -> {
          LeadFormEntity f = new LeadFormEntity();
          f.id = UUID.randomUUID().toString();
          applyForm(f, d);
          if (f.key == null) {
            byte[] b = new byte[18];
            RANDOM.nextBytes(b);
            f.key = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
          }
          keyFree(em, f.key, null);
          em.persist(f);
          em.flush();
          LeadForm out = toForm(f);
          AuditLog.record(em, actor, AuditAction.CREATE, FORM, f.id, null, formImage(out), now());
          return out;
        });
  }

  @Override
  public LeadForm updateForm(Actor actor, UUID id, long expectedVersion, LeadFormDraft draft) {
    require(actor, Resource.LEAD_FORM, Action.UPDATE);
    LeadFormDraft d = validForm(draft);
    return tx.inTransaction(
        em -> {
          LeadFormEntity f = findForm(em, id);
          if (f.version != expectedVersion) {
            throw new StaleVersionException("lead form", id, expectedVersion, f.version);
          }
          Map<String, Object> before = formImage(toForm(f));
          String key = f.key;
          applyForm(f, d);
          if (f.key == null) {
            f.key = key;
          }
          keyFree(em, f.key, f.id);
          em.flush();
          LeadForm out = toForm(f);
          AuditLog.record(em, actor, AuditAction.UPDATE, FORM, f.id, before, formImage(out), now());
          return out;
        });
  }

  @Override
  public void deleteForm(Actor actor, UUID id, long expectedVersion) {
    require(actor, Resource.LEAD_FORM, Action.DELETE);
    tx.inTransaction(
        em -> {
          LeadFormEntity f = findForm(em, id);
          if (f.version != expectedVersion) {
            throw new StaleVersionException("lead form", id, expectedVersion, f.version);
          }
          Map<String, Object> before = formImage(toForm(f));
          em.remove(f);
          em.flush();
          AuditLog.record(em, actor, AuditAction.DELETE, FORM, f.id, before, null, now());
          return null;
        });
  }

  @Override
  public LeadForm publicForm(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new NotFoundException("lead form", key);
    }
    return tx.readOnly(em -> toForm(enabledForm(em, key)));
  }

  @Override
  public Submission submit(String key, Map<String, String> fields, String ip) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new NotFoundException("lead form", key);
    }
    LeadForm form = tx.readOnly(em -> toForm(enabledForm(em, key)));
    Map<String, String> in = fields == null ? Map.of() : fields;
    if (form.honeypotField() != null) {
      String trap = in.get(form.honeypotField());
      if (trap != null && !trap.isBlank()) {
        long n = discarded.incrementAndGet();
        LOG.info("web-to-lead form {}: honeypot filled, submission dropped ({} so far)", key, n);
        return new Submission(null, true, form.redirectUrl());
      }
    }
    List<FieldError> errors = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : in.entrySet()) {
      String k = e.getKey();
      if (k.equals(form.honeypotField()) || k.equals("consent")) {
        continue;
      }
      if (!form.allowedFields().contains(k)) {
        errors.add(new FieldError(k, "is not a field of this form"));
      } else {
        values.put(k, e.getValue());
      }
    }
    Integer employees = null;
    if (values.get("employees") != null && !values.get("employees").isBlank()) {
      try {
        employees = Integer.valueOf(values.get("employees").strip());
      } catch (NumberFormatException e) {
        errors.add(new FieldError("employees", "must be a whole number"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Instant now = now();
    String consentBox = in.get("consent");
    LeadConsent consent =
        form.consentPurpose() != null
                && consentBox != null
                && Set.of("true", "on", "yes", "1")
                    .contains(consentBox.strip().toLowerCase(Locale.ROOT))
            ? new LeadConsent(form.consentPurpose(), form.consentTextVersion(), now, ip(ip))
            : null;
    LeadDraft d =
        valid(
            new LeadDraft(
                values.get("firstName"),
                values.get("lastName"),
                values.get("company"),
                values.get("title"),
                values.get("email"),
                values.get("phone"),
                values.get("country"),
                values.get("region"),
                values.get("postcode"),
                values.get("industry"),
                employees,
                form.source(),
                form.campaign(),
                null,
                consent));
    LeadEntity l = tx.inTransaction(em -> capture(em, WEB, d, key, "form"));
    return new Submission(UUID.fromString(l.id), false, form.redirectUrl());
  }

  @Override
  public long discardedSubmissions() {
    return discarded.get();
  }

  private static String ip(String ip) {
    if (ip == null || ip.isBlank()) {
      return null;
    }
    String s = ip.strip();
    return s.length() > 45 ? s.substring(0, 45) : s;
  }

  private static LeadFormEntity enabledForm(EntityManager em, String key) {
    List<LeadFormEntity> f =
        em.createQuery(
                "select f from LeadFormEntity f where f.key = :k and f.enabled = true",
                LeadFormEntity.class)
            .setParameter("k", key)
            .getResultList();
    if (f.isEmpty()) {
      throw new NotFoundException("lead form", key);
    }
    return f.get(0);
  }

  private static LeadFormDraft validForm(LeadFormDraft d) {
    if (d == null) {
      throw new ValidationException(List.of(new FieldError("form", "is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    String key = blank(d.key());
    if (key != null && !KEY.matcher(key).matches()) {
      errors.add(new FieldError("key", "6 to 64 letters, digits, - or _"));
    }
    String name = blank(d.name());
    if (name == null || name.length() > 100) {
      errors.add(new FieldError("name", "is required, at most 100 characters"));
    }
    if (d.allowedFields().isEmpty()) {
      errors.add(new FieldError("allowedFields", "name one or more lead fields"));
    }
    for (String f : d.allowedFields()) {
      if (!FIELDS.contains(f) || f.equals("source") || f.equals("campaign")) {
        errors.add(
            new FieldError(
                "allowedFields", "'" + f + "' is not one of " + String.join(", ", FIELDS)));
      }
    }
    String purpose = blank(d.consentPurpose());
    if (purpose != null && !WORD.matcher(purpose).matches()) {
      errors.add(new FieldError("consentPurpose", "a short word such as marketing"));
    }
    if (purpose != null
        && (blank(d.consentText()) == null || blank(d.consentTextVersion()) == null)) {
      errors.add(new FieldError("consentTextVersion", "consent needs its text and its version"));
    }
    String redirect = blank(d.redirectUrl());
    if (redirect != null
        && (!(redirect.startsWith("https://") || redirect.startsWith("http://"))
            || redirect.length() > 500)) {
      errors.add(new FieldError("redirectUrl", "an http(s) URL of at most 500 characters"));
    }
    if (d.ratePerMinute() < 1 || d.ratePerMinute() > 10_000) {
      errors.add(new FieldError("ratePerMinute", "must be between 1 and 10000"));
    }
    String honeypot = blank(d.honeypotField());
    if (honeypot != null
        && (!FIELD_NAME.matcher(honeypot).matches() || FIELDS.contains(honeypot))) {
      errors.add(new FieldError("honeypotField", "a field name that is not a lead field"));
    }
    String source = blank(d.source()) == null ? "web" : d.source().strip().toLowerCase(Locale.ROOT);
    if (!WORD.matcher(source).matches()) {
      errors.add(new FieldError("source", "a short word such as web"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new LeadFormDraft(
        key,
        name,
        d.enabled(),
        List.copyOf(new LinkedHashSet<>(d.allowedFields())),
        purpose,
        blank(d.consentText()),
        blank(d.consentTextVersion()),
        redirect,
        d.ratePerMinute(),
        honeypot,
        source,
        blank(d.campaign()));
  }

  private static void applyForm(LeadFormEntity f, LeadFormDraft d) {
    f.key = d.key();
    f.name = d.name();
    f.enabled = d.enabled();
    f.allowedFields = String.join(",", d.allowedFields());
    f.consentPurpose = d.consentPurpose();
    f.consentText = d.consentText();
    f.consentTextVersion = d.consentTextVersion();
    f.redirectUrl = d.redirectUrl();
    f.ratePerMinute = d.ratePerMinute();
    f.honeypotField = d.honeypotField();
    f.source = d.source();
    f.campaign = d.campaign();
  }

  private static void keyFree(EntityManager em, String key, String self) {
    List<String> same =
        em.createQuery("select f.id from LeadFormEntity f where f.key = :k", String.class)
            .setParameter("k", key)
            .getResultList();
    if (same.stream().anyMatch(id -> !id.equals(self))) {
      throw new ConflictException("a lead form with key " + key + " exists already");
    }
  }

  private static LeadFormEntity findForm(EntityManager em, UUID id) {
    LeadFormEntity f = em.find(LeadFormEntity.class, id.toString());
    if (f == null) {
      throw new NotFoundException("lead form", id);
    }
    return f;
  }

  private static LeadForm toForm(LeadFormEntity f) {
    return new LeadForm(
        UUID.fromString(f.id),
        f.key,
        f.name,
        f.enabled,
        List.of(f.allowedFields.split(",")),
        f.consentPurpose,
        f.consentText,
        f.consentTextVersion,
        f.redirectUrl,
        f.ratePerMinute,
        f.honeypotField,
        f.source,
        f.campaign,
        f.version);
  }

  private static Map<String, Object> formImage(LeadForm f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", f.key());
    m.put("name", f.name());
    m.put("enabled", f.enabled());
    m.put("allowedFields", String.join(",", f.allowedFields()));
    m.put("consentPurpose", f.consentPurpose());
    m.put("consentTextVersion", f.consentTextVersion());
    m.put("redirectUrl", f.redirectUrl());
    m.put("ratePerMinute", f.ratePerMinute());
    m.put("honeypotField", f.honeypotField());
    m.put("source", f.source());
    m.put("campaign", f.campaign());
    return m;
  }

  // --- validation and mapping

  static LeadDraft valid(LeadDraft d) {
    if (d == null) {
      throw new ValidationException(List.of(new FieldError("lead", "is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    String first = text(errors, "firstName", d.firstName(), 100);
    String last = text(errors, "lastName", d.lastName(), 100);
    String company = text(errors, "company", d.company(), 200);
    String title = text(errors, "title", d.title(), 100);
    String email = text(errors, "email", d.email(), 254);
    String phone = text(errors, "phone", d.phone(), 50);
    String country = text(errors, "country", d.country(), 2);
    String region = text(errors, "region", d.region(), 100);
    String postcode = text(errors, "postcode", d.postcode(), 20);
    String industry = text(errors, "industry", d.industry(), 100);
    String source = text(errors, "source", d.source(), 40);
    String campaign = text(errors, "campaign", d.campaign(), 100);
    String owner = blank(d.owner());
    if (last == null && company == null) {
      errors.add(new FieldError("lastName", "a lead needs a last name or a company"));
    }
    if (email == null && phone == null) {
      errors.add(new FieldError("email", "a lead needs an e-mail or a phone"));
    }
    if (email != null && Normalise.email(email) == null) {
      errors.add(new FieldError("email", "is not an e-mail address"));
    }
    if (country != null) {
      country = country.toUpperCase(Locale.ROOT);
      if (!COUNTRY.matcher(country).matches()) {
        errors.add(new FieldError("country", "an ISO 3166 code of two letters, e.g. DE"));
      }
    }
    if (d.employees() != null && (d.employees() < 0 || d.employees() > 10_000_000)) {
      errors.add(new FieldError("employees", "must be between 0 and 10000000"));
    }
    if (source != null) {
      source = source.toLowerCase(Locale.ROOT);
      if (!WORD.matcher(source).matches()) {
        errors.add(new FieldError("source", "a short word such as web, import, api, event"));
      }
    }
    if (owner != null && !USER_NAME.matcher(owner).matches()) {
      errors.add(new FieldError("owner", "is not a user name"));
    }
    LeadConsent consent = d.consent();
    if (consent != null) {
      if (blank(consent.purpose()) == null || !WORD.matcher(consent.purpose().strip()).matches()) {
        errors.add(new FieldError("consent.purpose", "a short word such as marketing"));
      }
      if (blank(consent.textVersion()) == null || consent.textVersion().strip().length() > 50) {
        errors.add(new FieldError("consent.textVersion", "is required, at most 50 characters"));
      }
      if (consent.ip() != null && consent.ip().length() > 45) {
        errors.add(new FieldError("consent.ip", "is not an IP address"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new LeadDraft(
        first,
        last,
        company,
        title,
        email,
        phone,
        country,
        region,
        postcode,
        industry,
        d.employees(),
        source == null ? "api" : source,
        campaign,
        owner,
        consent);
  }

  private static String text(List<FieldError> errors, String field, String value, int max) {
    String v = blank(value);
    if (v != null && v.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
    }
    return v;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private void apply(LeadEntity l, LeadDraft d) {
    l.firstName = d.firstName();
    l.lastName = d.lastName();
    l.company = d.company();
    l.title = d.title();
    l.email = d.email();
    l.emailKey = d.email() == null ? null : Normalise.email(d.email());
    l.nameKey = nameKey(d);
    l.phone = d.phone();
    l.country = d.country();
    l.region = d.region();
    l.postcode = d.postcode();
    l.industry = d.industry();
    l.employees = d.employees();
    l.source = d.source();
    l.campaign = d.campaign();
    if (d.consent() != null) {
      l.consentPurpose = d.consent().purpose().strip();
      l.consentTextVersion = d.consent().textVersion().strip();
      l.consentAt =
          (d.consent().givenAt() == null ? now() : d.consent().givenAt())
              .truncatedTo(ChronoUnit.MICROS);
      l.consentIp = d.consent().ip();
    }
  }

  private static String nameKey(LeadDraft d) {
    if (d.lastName() == null || d.company() == null) {
      return null;
    }
    String person =
        Normalise.sortedWords(
            Normalise.name(
                (d.firstName() == null ? "" : d.firstName() + " ") + d.lastName(),
                org.loopcrm.crm.core.internal.dedupe.RecordKind.CONTACT));
    String company =
        Normalise.name(d.company(), org.loopcrm.crm.core.internal.dedupe.RecordKind.ACCOUNT);
    String key = person + "|" + company;
    return key.length() > 320 ? key.substring(0, 320) : key;
  }

  /** What assignment and scoring rules test. */
  static Map<String, String> attributes(LeadEntity l) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("firstName", l.firstName);
    m.put("lastName", l.lastName);
    m.put("company", l.company);
    m.put("title", l.title);
    m.put("email", l.email);
    m.put("phone", l.phone);
    m.put("country", l.country);
    m.put("region", l.region);
    m.put("postcode", l.postcode);
    m.put("industry", l.industry);
    m.put("employees", l.employees == null ? null : l.employees.toString());
    m.put("size", l.employees == null ? null : l.employees.toString());
    m.put("source", l.source);
    m.put("campaign", l.campaign);
    return m;
  }

  static LeadEntity find(EntityManager em, UUID id) {
    LeadEntity l = em.find(LeadEntity.class, id.toString());
    if (l == null) {
      throw new NotFoundException("lead", id);
    }
    return l;
  }

  /**
   * What the actor may do with the lead: its owner's circle writes, shares give what they say
   * (decisions.md §30).
   */
  static RecordAccess access(EntityManager em, Actor actor, AccessPolicy policy, LeadEntity l) {
    return Visibility.owned(em, Visibility.circle(em, actor), policy, LEAD, l.id, l.owner);
  }

  /** The lead if the actor may read it; not found otherwise. */
  static LeadEntity readable(EntityManager em, Actor actor, AccessPolicy policy, UUID id) {
    LeadEntity l = find(em, id);
    if (access(em, actor, policy, l) == RecordAccess.NONE) {
      throw new NotFoundException("lead", id);
    }
    return l;
  }

  /** The lead if the actor may change it; not found or access denied otherwise. */
  static LeadEntity writable(EntityManager em, Actor actor, AccessPolicy policy, UUID id) {
    LeadEntity l = find(em, id);
    RecordAccess a = access(em, actor, policy, l);
    if (a == RecordAccess.NONE) {
      throw new NotFoundException("lead", id);
    }
    if (a != RecordAccess.WRITE) {
      throw new AccessDeniedException(
          "user " + actor.user() + " may read lead " + id + " but not change it");
    }
    return l;
  }

  private LeadEntity forChange(EntityManager em, Actor actor, UUID id, long expectedVersion) {
    LeadEntity l = writable(em, actor, policy, id);
    if (l.version != expectedVersion) {
      throw new StaleVersionException("lead", id, expectedVersion, l.version);
    }
    return l;
  }

  private static String name(LeadEntity l) {
    String n =
        ((l.firstName == null ? "" : l.firstName + " ") + (l.lastName == null ? "" : l.lastName))
            .strip();
    if (n.isEmpty()) {
      return l.company;
    }
    return l.company == null ? n : n + " (" + l.company + ")";
  }

  private static String personName(PersonEntity p) {
    return ((p.firstName == null ? "" : p.firstName + " ") + (p.lastName == null ? "" : p.lastName))
        .strip();
  }

  private static String duplicatesJson(List<PossibleDuplicate> ds) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (PossibleDuplicate d : ds) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", d.kind());
      m.put("id", d.id().toString());
      m.put("name", d.name());
      m.put("reason", d.reason());
      items.add(m);
    }
    return Json.write(Map.of("items", items));
  }

  private static List<PossibleDuplicate> duplicatesOf(LeadEntity l) {
    List<PossibleDuplicate> out = new ArrayList<>();
    Object items = Json.readObject(l.duplicates).get("items");
    if (items instanceof List<?> list) {
      for (Object o : list) {
        Map<?, ?> m = (Map<?, ?>) o;
        out.add(
            new PossibleDuplicate(
                (String) m.get("kind"),
                UUID.fromString((String) m.get("id")),
                (String) m.get("name"),
                (String) m.get("reason")));
      }
    }
    return out;
  }

  static Lead toLead(LeadEntity l) {
    LeadConsent consent =
        l.consentPurpose == null
            ? null
            : new LeadConsent(l.consentPurpose, l.consentTextVersion, l.consentAt, l.consentIp);
    return new Lead(
        UUID.fromString(l.id),
        l.status,
        l.disqualifiedReason,
        new LeadDraft(
            l.firstName,
            l.lastName,
            l.company,
            l.title,
            l.email,
            l.phone,
            l.country,
            l.region,
            l.postcode,
            l.industry,
            l.employees,
            l.source,
            l.campaign,
            l.owner,
            consent),
        l.score,
        duplicatesOf(l),
        l.formKey,
        uuid(l.accountId),
        uuid(l.contactId),
        uuid(l.opportunityId),
        l.convertedAt,
        l.version,
        l.createdAt,
        l.updatedAt);
  }

  private static UUID uuid(String s) {
    return s == null ? null : UUID.fromString(s);
  }

  private static LeadActivity toActivity(LeadActivityEntity a) {
    return new LeadActivity(
        UUID.fromString(a.id),
        UUID.fromString(a.leadId),
        a.kind,
        a.note,
        a.occurredAt,
        a.createdBy);
  }

  private static Map<String, Object> image(LeadEntity l) {
    Map<String, Object> m = new LinkedHashMap<>(attributes(l));
    m.remove("size");
    m.put("status", l.status);
    m.put("disqualifiedReason", l.disqualifiedReason);
    m.put("owner", l.owner);
    m.put("consentPurpose", l.consentPurpose);
    m.put("consentTextVersion", l.consentTextVersion);
    m.put("consentAt", l.consentAt);
    m.put("score", l.score);
    m.put("accountId", l.accountId);
    m.put("contactId", l.contactId);
    m.put("opportunityId", l.opportunityId);
    return m;
  }

  /** The event payload: ids, status, owner, score and who; no personal data. */
  private static Map<String, Object> eventData(LeadEntity l, Actor actor) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("leadId", l.id);
    m.put("status", l.status.name());
    m.put("owner", l.owner);
    m.put("score", l.score);
    m.put("source", l.source);
    m.put("accountId", l.accountId);
    m.put("contactId", l.contactId);
    m.put("opportunityId", l.opportunityId);
    m.put("by", actor.user());
    return m;
  }

  private static String encodeCursor(String s) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("leads|" + s).getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decodeCursor(String cursor) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = s.split("\\|");
      if (parts.length == 3 && parts[0].equals("leads")) {
        Instant.parse(parts[1]);
        UUID.fromString(parts[2]);
        return new String[] {parts[1], parts[2]};
      }
    } catch (RuntimeException e) {
      // reported below
    }
    throw new ValidationException(
        List.of(new FieldError("cursor", "is not a cursor of this list")));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
