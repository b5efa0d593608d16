package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.erp.ErpLiveService;
import org.loopcrm.crm.api.erp.port.ErpUnavailableException;
import org.loopcrm.crm.api.erp.port.Product;
import org.loopcrm.crm.api.sales.Competitor;
import org.loopcrm.crm.api.sales.ForecastCategory;
import org.loopcrm.crm.api.sales.GateCheck;
import org.loopcrm.crm.api.sales.LineDraft;
import org.loopcrm.crm.api.sales.Opportunity;
import org.loopcrm.crm.api.sales.OpportunityDraft;
import org.loopcrm.crm.api.sales.OpportunityEvent;
import org.loopcrm.crm.api.sales.OpportunityLine;
import org.loopcrm.crm.api.sales.OpportunityQuery;
import org.loopcrm.crm.api.sales.OpportunityService;
import org.loopcrm.crm.api.sales.OpportunityType;
import org.loopcrm.crm.api.sales.Pipeline;
import org.loopcrm.crm.api.sales.Stage;
import org.loopcrm.crm.api.sales.StageChange;
import org.loopcrm.crm.api.sales.StageKind;
import org.loopcrm.crm.core.internal.security.Permissions;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Opportunities over JPA (decisions.md §31). Each operation is one transaction: the change, its
 * stage-history row, its audit entry and its outbox event commit together. An opportunity follows
 * its account's visibility. ERP list prices are read before the transaction opens, never inside it.
 */
@Component(service = OpportunityService.class)
public final class JpaOpportunityService implements OpportunityService {
  static final String RECORD = "opportunity";
  static final String CREATED = "opportunity.created";
  static final String UPDATED = "opportunity.updated";
  static final String STAGE_CHANGED = "opportunity.stage-changed";
  static final String WON = "opportunity.won";
  static final String LOST = "opportunity.lost";
  static final String REOPENED = "opportunity.reopened";
  private static final int MAX_LIMIT = 200;
  private static final int MAX_LINES = 200;
  private static final int MAX_COMPETITORS = 20;

  private final Transactions tx;
  private final Clock clock;
  private final AccessPolicy policy;
  private final SalesPolicy sales;
  private final ErpLiveService erp;

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaOpportunityService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference AccessPolicy policy,
      @Reference SalesPolicy sales,
      @Reference ErpLiveService erp) {
    this(emf, Clock.systemUTC(), policy, sales, erp);
  }

  JpaOpportunityService(
      EntityManagerFactory emf,
      Clock clock,
      AccessPolicy policy,
      SalesPolicy sales,
      ErpLiveService erp) {
    this.tx = new Transactions(emf);
    this.clock = clock;
    this.policy = policy;
    this.sales = sales;
    this.erp = erp;
  }

  @Override
  public Opportunity create(Actor actor, OpportunityDraft draft) {
    require(actor, Resource.OPPORTUNITY, Action.CREATE);
    check(draft, true);
    return tx.inTransaction(em -> toOpportunity(create(em, actor, draft)));
  }

  /**
   * Creates an opportunity inside the caller's transaction (lead conversion uses this). The caller
   * has checked the actor's role; the draft is checked here.
   */
  OpportunityEntity create(EntityManager em, Actor actor, OpportunityDraft d) {
    check(d, true);
    OrganizationEntity account =
        Visibility.writable(em, actor, policy, JpaAccountService.find(em, d.accountId()));
    if (account.status == AccountStatus.ARCHIVED) {
      throw new ConflictException("account " + account.id + " is archived: restore it first");
    }
    if (d.contactId() != null) {
      requireContact(em, account.id, d.contactId());
    }
    PipelineEntity pe = JpaPipelineService.find(em, d.pipeline());
    if (!pe.active) {
      throw new ConflictException("pipeline " + pe.code + " is not active");
    }
    Pipeline pipeline = JpaPipelineService.toPipeline(pe);
    Stage first = pipeline.stages().get(0);
    Stage stage = first;
    if (d.stage() != null) {
      stage =
          pipeline.stage(d.stage()).orElseThrow(() -> unknownStage(pipeline, d.stage(), "stage"));
      if (stage.kind() != StageKind.OPEN) {
        throw new ValidationException(
            List.of(
                new FieldError(
                    "stage",
                    "must be an open stage: an opportunity is won or lost after creation")));
      }
    }
    Instant now = now();
    OpportunityEntity o = new OpportunityEntity();
    o.id = UUID.randomUUID().toString();
    o.accountId = account.id;
    o.type = d.type() == null ? OpportunityType.STANDARD : d.type();
    o.pipeline = pipeline.code();
    o.currency = d.currency() == null ? sales.defaultCurrency() : d.currency();
    o.owner = d.owner() == null ? actor.user() : d.owner();
    o.createdAt = now;
    o.createdBy = actor.user();
    o.competitors = "[]";
    applyDraft(o, d);
    enter(o, stage, d.probability(), d.forecastCategory());
    requireStage(pipeline, o, null, stage);
    o.updatedAt = now;
    em.persist(o);
    em.flush();
    if (d.owner() == null) {
      OpportunityAssignment.assign(em, actor, o, account, now);
    }
    history(em, o, actor, null, null, now);
    AuditLog.record(em, actor, AuditAction.CREATE, RECORD, o.id, null, image(o), now);
    Outbox.append(em, RECORD, o.id, CREATED, eventData(o, null), now);
    EngineeringHooks.opportunityCreated(em, actor, o, now);
    return o;
  }

  @Override
  public Opportunity get(Actor actor, UUID id) {
    require(actor, Resource.OPPORTUNITY, Action.READ);
    return tx.readOnly(em -> toOpportunity(readable(em, actor, id)));
  }

  @Override
  public Page<Opportunity> list(Actor actor, OpportunityQuery query, int limit, String cursor) {
    require(actor, Resource.OPPORTUNITY, Action.READ);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException(
          List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
    }
    OpportunityQuery q = query == null ? OpportunityQuery.ALL : query;
    String[] after = cursor == null ? null : decode(cursor);
    return tx.readOnly(
        em -> {
          StringBuilder jpql =
              new StringBuilder(
                  "select p from OpportunityEntity p, OrganizationEntity o where o.id ="
                      + " p.accountId");
          Map<String, Object> params = new LinkedHashMap<>();
          Visibility.Circle circle = Visibility.circle(em, actor);
          String visible = Visibility.listCondition(circle, policy);
          if (visible != null) {
            jpql.append(" and ").append(visible);
            Visibility.bind(circle, params);
          }
          filter(
              jpql, params, "p.accountId", q.accountId() == null ? null : q.accountId().toString());
          filter(jpql, params, "p.owner", q.owner());
          filter(jpql, params, "p.pipeline", q.pipeline());
          filter(jpql, params, "p.stage", q.stage());
          filter(jpql, params, "p.status", q.status());
          if (q.closeFrom() != null) {
            jpql.append(" and p.closeDate >= :closeFrom");
            params.put("closeFrom", q.closeFrom());
          }
          if (q.closeTo() != null) {
            jpql.append(" and p.closeDate <= :closeTo");
            params.put("closeTo", q.closeTo());
          }
          if (after != null) {
            jpql.append(
                " and (p.closeDate > :afterDate or (p.closeDate = :afterDate and p.id > :afterId))");
            params.put("afterDate", LocalDate.parse(after[0]));
            params.put("afterId", after[1]);
          }
          jpql.append(" order by p.closeDate, p.id");
          TypedQuery<OpportunityEntity> tq =
              em.createQuery(jpql.toString(), OpportunityEntity.class);
          params.forEach(tq::setParameter);
          List<OpportunityEntity> rows = tq.setMaxResults(limit + 1).getResultList();
          boolean more = rows.size() > limit;
          List<OpportunityEntity> page = more ? rows.subList(0, limit) : rows;
          Optional<String> next =
              more ? Optional.of(encode(page.get(page.size() - 1))) : Optional.empty();
          return new Page<>(page.stream().map(JpaOpportunityService::toOpportunity).toList(), next);
        });
  }

  @Override
  public Opportunity update(Actor actor, UUID id, long expectedVersion, OpportunityDraft draft) {
    require(actor, Resource.OPPORTUNITY, Action.UPDATE);
    check(draft, false);
    return tx.inTransaction(
        em -> {
          OpportunityEntity o = writable(em, actor, id, expectedVersion);
          requireOpen(o, "changed");
          List<FieldError> errors = new ArrayList<>();
          if (draft.accountId() != null && !draft.accountId().toString().equals(o.accountId)) {
            errors.add(new FieldError("accountId", "cannot change"));
          }
          if (draft.type() != null && draft.type() != o.type) {
            errors.add(new FieldError("type", "cannot change"));
          }
          if (draft.pipeline() != null && !draft.pipeline().equals(o.pipeline)) {
            errors.add(new FieldError("pipeline", "cannot change"));
          }
          if (draft.currency() != null
              && !draft.currency().equals(o.currency)
              && !o.lines.isEmpty()) {
            errors.add(new FieldError("currency", "cannot change while there are lines"));
          }
          if (!errors.isEmpty()) {
            throw new ValidationException(errors);
          }
          if (draft.contactId() != null) {
            requireContact(em, o.accountId, draft.contactId());
          }
          Map<String, Object> before = image(o);
          Instant now = now();
          applyDraft(o, draft);
          if (draft.currency() != null) {
            o.currency = draft.currency();
          }
          if (draft.owner() != null) {
            o.owner = draft.owner();
          }
          Pipeline pipeline = pipeline(em, o);
          Stage stage = pipeline.stage(o.stage).orElseThrow();
          if (draft.probability() != null) {
            o.probability = draft.probability();
          }
          if (draft.forecastCategory() != null) {
            o.forecastCategory = draft.forecastCategory();
          }
          requireStage(pipeline, o, stage, stage);
          o.updatedAt = now;
          em.flush();
          AuditLog.record(em, actor, AuditAction.UPDATE, RECORD, o.id, before, image(o), now);
          Outbox.append(em, RECORD, o.id, UPDATED, eventData(o, null), now);
          return toOpportunity(o);
        });
  }

  /**
   * Wins an open opportunity inside the caller's transaction (accepting a quote does); a won one is
   * left as it is. The caller has checked the actor's access.
   *
   * @throws ConflictException if the opportunity is lost
   */
  void winInTransaction(EntityManager em, Actor actor, String opportunityId, String reason) {
    OpportunityEntity o = find(em, UUID.fromString(opportunityId));
    if (o.status == StageKind.WON) {
      return;
    }
    requireOpen(o, "won");
    Pipeline pipeline = pipeline(em, o);
    Stage target = closing(pipeline, null, StageKind.WON);
    Instant now = now();
    o.closeReason = reason;
    o.lostTo = null;
    o.closedAt = now;
    o.closeDate = LocalDate.ofInstant(now, clock.getZone());
    change(em, actor, o, pipeline, target, reason, WON);
  }

  @Override
  public Opportunity moveTo(Actor actor, UUID id, long expectedVersion, String stage) {
    require(actor, Resource.OPPORTUNITY, Action.UPDATE);
    requireText(stage, "stage");
    return tx.inTransaction(
        em -> {
          OpportunityEntity o = writable(em, actor, id, expectedVersion);
          requireOpen(o, "moved");
          Pipeline pipeline = pipeline(em, o);
          Stage target =
              pipeline.stage(stage).orElseThrow(() -> unknownStage(pipeline, stage, "stage"));
          if (target.kind() != StageKind.OPEN) {
            throw new ConflictException(
                "stage "
                    + stage
                    + " is a "
                    + target.kind()
                    + " stage: "
                    + (target.kind() == StageKind.WON ? "win" : "lose")
                    + " the opportunity instead");
          }
          if (target.code().equals(o.stage)) {
            return toOpportunity(o);
          }
          return change(em, actor, o, pipeline, target, null, STAGE_CHANGED);
        });
  }

  @Override
  public Opportunity win(Actor actor, UUID id, long expectedVersion, String stage, String reason) {
    require(actor, Resource.OPPORTUNITY, Action.UPDATE);
    checkReason(reason, false);
    return tx.inTransaction(
        em -> {
          OpportunityEntity o = writable(em, actor, id, expectedVersion);
          requireOpen(o, "won");
          Pipeline pipeline = pipeline(em, o);
          Stage target = closing(pipeline, stage, StageKind.WON);
          Instant now = now();
          o.closeReason = blankToNull(reason);
          o.lostTo = null;
          o.closedAt = now;
          o.closeDate = LocalDate.ofInstant(now, clock.getZone());
          return change(em, actor, o, pipeline, target, o.closeReason, WON);
        });
  }

  @Override
  public Opportunity lose(
      Actor actor, UUID id, long expectedVersion, String stage, String reason, String lostTo) {
    require(actor, Resource.OPPORTUNITY, Action.UPDATE);
    checkReason(reason, true);
    if (lostTo != null && lostTo.length() > 200) {
      throw new ValidationException(
          List.of(new FieldError("lostTo", "must be at most 200 characters")));
    }
    return tx.inTransaction(
        em -> {
          OpportunityEntity o = writable(em, actor, id, expectedVersion);
          requireOpen(o, "lost");
          Pipeline pipeline = pipeline(em, o);
          Stage target = closing(pipeline, stage, StageKind.LOST);
          Instant now = now();
          o.closeReason = reason.strip();
          o.lostTo = blankToNull(lostTo);
          o.closedAt = now;
          o.closeDate = LocalDate.ofInstant(now, clock.getZone());
          return change(em, actor, o, pipeline, target, o.closeReason, LOST);
        });
  }

  @Override
  public Opportunity reopen(
      Actor actor, UUID id, long expectedVersion, String stage, String reason) {
    require(actor, Resource.OPPORTUNITY_REOPEN, Action.UPDATE);
    requireText(stage, "stage");
    checkReason(reason, true);
    return tx.inTransaction(
        em -> {
          OpportunityEntity o = writable(em, actor, id, expectedVersion);
          if (o.status == StageKind.OPEN) {
            throw new ConflictException("opportunity " + o.id + " is open: nothing to reopen");
          }
          Pipeline pipeline = pipeline(em, o);
          Stage target =
              pipeline.stage(stage).orElseThrow(() -> unknownStage(pipeline, stage, "stage"));
          if (target.kind() != StageKind.OPEN) {
            throw new ValidationException(
                List.of(new FieldError("stage", "must be an open stage to reopen on")));
          }
          o.closeReason = null;
          o.lostTo = null;
          o.closedAt = null;
          if (o.closeDate.isBefore(LocalDate.ofInstant(now(), clock.getZone()))) {
            o.closeDate = LocalDate.ofInstant(now(), clock.getZone());
          }
          return change(em, actor, o, pipeline, target, reason.strip(), REOPENED);
        });
  }

  @Override
  public Opportunity addLine(Actor actor, UUID id, long expectedVersion, LineDraft line) {
    require(actor, Resource.OPPORTUNITY, Action.UPDATE);
    checkLine(line);
    // The ERP is asked outside the transaction: a slow ERP must not hold row locks. A line with
    // its price needs it only for a description, so it does without one while the ERP is away.
    String code = line.productCode().strip();
    Product product =
        line.unitPrice() == null
            ? erp.product(actor, null, code)
            : line.description() == null ? productIfReachable(actor, code) : null;
    return tx.inTransaction(
        em -> {
          OpportunityEntity o = writable(em, actor, id, expectedVersion);
          requireOpen(o, "changed");
          if (o.lines.size() >= MAX_LINES) {
            throw new ConflictException(
                "opportunity " + o.id + " has " + MAX_LINES + " lines, the most it may have");
          }
          BigDecimal price = line.unitPrice();
          if (price == null) {
            if (product.listPrice() == null) {
              throw new ValidationException(
                  List.of(
                      new FieldError(
                          "unitPrice",
                          "is required: the ERP has no list price for " + product.code())));
            }
            if (product.currency() != null && !product.currency().equals(o.currency)) {
              throw new ValidationException(
                  List.of(
                      new FieldError(
                          "unitPrice",
                          "is required: the ERP's list price is in "
                              + product.currency()
                              + ", the opportunity in "
                              + o.currency)));
            }
            price = product.listPrice();
          }
          Map<String, Object> before = image(o);
          Instant now = now();
          OpportunityLineEntity l = new OpportunityLineEntity();
          l.id = UUID.randomUUID().toString();
          l.opportunity = o;
          l.position = o.lines.isEmpty() ? 1 : o.lines.get(o.lines.size() - 1).position + 1;
          l.productCode = line.productCode().strip();
          l.description =
              line.description() != null
                  ? line.description().strip()
                  : product == null ? null : truncate(product.name());
          l.quantity = line.quantity();
          l.unitPrice = price;
          l.discountPercent =
              line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
          l.total = PricedLines.total(l.quantity, l.unitPrice, l.discountPercent);
          l.configurationId =
              line.configurationId() == null ? null : line.configurationId().toString();
          o.lines.add(l);
          o.amount = sum(o.lines);
          o.updatedAt = now;
          em.flush();
          AuditLog.record(em, actor, AuditAction.UPDATE, RECORD, o.id, before, image(o), now);
          Outbox.append(em, RECORD, o.id, UPDATED, eventData(o, null), now);
          return toOpportunity(o);
        });
  }

  /** The ERP's product for its description, or null while no ERP answers. */
  private Product productIfReachable(Actor actor, String code) {
    try {
      return erp.product(actor, null, code);
    } catch (ErpUnavailableException e) {
      return null;
    }
  }

  @Override
  public Opportunity removeLine(Actor actor, UUID id, long expectedVersion, UUID lineId) {
    require(actor, Resource.OPPORTUNITY, Action.UPDATE);
    Objects.requireNonNull(lineId, "lineId");
    return tx.inTransaction(
        em -> {
          OpportunityEntity o = writable(em, actor, id, expectedVersion);
          requireOpen(o, "changed");
          OpportunityLineEntity l =
              o.lines.stream()
                  .filter(x -> x.id.equals(lineId.toString()))
                  .findFirst()
                  .orElseThrow(() -> new NotFoundException("opportunity line", lineId));
          Map<String, Object> before = image(o);
          Instant now = now();
          o.lines.remove(l);
          o.amount = o.lines.isEmpty() ? o.amount : sum(o.lines);
          Pipeline pipeline = pipeline(em, o);
          Stage stage = pipeline.stage(o.stage).orElseThrow();
          requireStage(pipeline, o, stage, stage);
          o.updatedAt = now;
          em.flush();
          AuditLog.record(em, actor, AuditAction.UPDATE, RECORD, o.id, before, image(o), now);
          Outbox.append(em, RECORD, o.id, UPDATED, eventData(o, null), now);
          return toOpportunity(o);
        });
  }

  @Override
  public List<StageChange> history(Actor actor, UUID id) {
    require(actor, Resource.OPPORTUNITY, Action.READ);
    return tx.readOnly(
        em -> {
          OpportunityEntity o = readable(em, actor, id);
          return em
              .createQuery(
                  "select s from OpportunityStageEntity s where s.opportunityId = :o"
                      + " order by s.sequence",
                  OpportunityStageEntity.class)
              .setParameter("o", o.id)
              .getResultList()
              .stream()
              .map(
                  s ->
                      new StageChange(
                          s.at,
                          s.by,
                          s.fromStage,
                          s.toStage,
                          s.probability,
                          s.forecastCategory,
                          s.amount,
                          s.reason))
              .toList();
        });
  }

  @Override
  public List<OpportunityEvent> timeline(Actor actor, UUID id) {
    require(actor, Resource.OPPORTUNITY, Action.READ);
    return tx.readOnly(
        em -> {
          OpportunityEntity o = readable(em, actor, id);
          List<OpportunityEvent> events = new ArrayList<>();
          for (OpportunityStageEntity s :
              em.createQuery(
                      "select s from OpportunityStageEntity s where s.opportunityId = :o"
                          + " order by s.sequence",
                      OpportunityStageEntity.class)
                  .setParameter("o", o.id)
                  .getResultList()) {
            events.add(
                new OpportunityEvent(
                    s.at,
                    "stage",
                    s.fromStage == null
                        ? "created in " + s.toStage
                        : s.fromStage + " → " + s.toStage,
                    s.probability
                        + "%, "
                        + s.forecastCategory
                        + (s.reason == null ? "" : ": " + s.reason),
                    s.by,
                    o.id));
          }
          for (QuoteEntity q :
              em.createQuery(
                      "select q from QuoteEntity q where q.opportunityId = :o", QuoteEntity.class)
                  .setParameter("o", o.id)
                  .getResultList()) {
            String label = "quote " + JpaQuoteService.label(q);
            events.add(
                new OpportunityEvent(
                    q.createdAt,
                    "quote",
                    label + " made",
                    q.total.toPlainString() + " " + q.currency,
                    q.createdBy,
                    q.id));
            if (q.decidedAt != null) {
              events.add(
                  new OpportunityEvent(
                      q.decidedAt,
                      "quote",
                      label + " " + q.status.name().toLowerCase(java.util.Locale.ROOT),
                      q.decisionReason,
                      q.decidedBy,
                      q.id));
            }
          }
          List<ErpCommandEntity> commands =
              em.createQuery(
                      "select c from ErpCommandEntity c where c.opportunityId = :o",
                      ErpCommandEntity.class)
                  .setParameter("o", o.id)
                  .getResultList();
          for (ErpCommandEntity c : commands) {
            events.add(
                new OpportunityEvent(
                    c.requestedAt,
                    "erp-command",
                    c.kind + " asked of the ERP",
                    c.key,
                    c.requestedBy,
                    c.commandId));
            if (c.completedAt != null) {
              events.add(
                  new OpportunityEvent(
                      c.completedAt,
                      "erp-command",
                      c.kind
                          + (c.status == org.loopcrm.crm.api.erp.ErpCommand.Status.DONE
                              ? " made: "
                                  + (c.documentNumber == null ? c.documentRef : c.documentNumber)
                              : " refused"),
                      c.failure,
                      c.erpSystem,
                      c.commandId));
            }
          }
          if (!commands.isEmpty()) {
            List<String> refs = commands.stream().map(c -> c.commandId).toList();
            List<ErpDocumentEntity> docs =
                em.createQuery(
                        "select d from ErpDocumentEntity d where d.partyId = :p and d.crmRef in :refs",
                        ErpDocumentEntity.class)
                    .setParameter("p", o.accountId)
                    .setParameter("refs", refs)
                    .getResultList();
            for (ErpDocumentEntity d : docs) {
              for (ErpDocumentChangeEntity ch :
                  em.createQuery(
                          "select c from ErpDocumentChangeEntity c where c.partyId = :p and"
                              + " c.erpSystem = :s and c.kind = :k and c.documentRef = :r"
                              + " order by c.sequence",
                          ErpDocumentChangeEntity.class)
                      .setParameter("p", d.partyId)
                      .setParameter("s", d.erpSystem)
                      .setParameter("k", d.kind)
                      .setParameter("r", d.documentRef)
                      .getResultList()) {
                events.add(
                    new OpportunityEvent(
                        ch.changedAt,
                        "erp-document",
                        ch.kind
                            + " "
                            + (ch.number == null ? ch.documentRef : ch.number)
                            + " "
                            + ch.state,
                        ch.amount == null
                            ? null
                            : ch.amount.stripTrailingZeros().toPlainString() + " " + ch.currency,
                        ch.erpSystem,
                        ch.kind + ":" + ch.documentRef));
              }
            }
          }
          events.sort(java.util.Comparator.comparing(OpportunityEvent::at));
          return events;
        });
  }

  // ---------------------------------------------------------------------------------------------

  private Opportunity change(
      EntityManager em,
      Actor actor,
      OpportunityEntity o,
      Pipeline pipeline,
      Stage target,
      String reason,
      String event) {
    Stage from = pipeline.stage(o.stage).orElse(null);
    Map<String, Object> before = image(o);
    String fromCode = o.stage;
    StageKind fromKind = o.status;
    Instant now = now();
    requireStage(pipeline, o, from, target);
    enter(o, target, null, null);
    o.updatedAt = now;
    OpportunityAssignment.closedUnlessOpen(em, o);
    em.flush();
    history(em, o, actor, fromCode, reason, now);
    AuditLog.record(em, actor, AuditAction.UPDATE, RECORD, o.id, before, image(o), now);
    Outbox.append(em, RECORD, o.id, event, eventData(o, fromCode), now);
    EngineeringHooks.stageEntered(em, actor, o, fromKind, now);
    return toOpportunity(o);
  }

  /** Takes on the stage, its probability and forecast category unless they are overridden. */
  private static void enter(
      OpportunityEntity o, Stage s, Integer probability, ForecastCategory category) {
    o.stage = s.code();
    o.status = s.kind();
    o.probability = probability == null ? s.probability() : probability;
    o.forecastCategory = category == null ? s.forecastCategory() : category;
  }

  /**
   * The requirements of the target stage and, moving forward, of every open stage passed on the
   * way: a deal cannot jump over the gates.
   */
  void requireStage(Pipeline pipeline, OpportunityEntity o, Stage from, Stage target) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
    int start = from == null ? 0 : pipeline.indexOf(from.code()) + 1;
    int end = pipeline.indexOf(target.code());
    List<FieldError> errors = new ArrayList<>();
    List<Stage> checked = new ArrayList<>();
    // Winning or losing closes from wherever the deal stands: only the closing stage's own checks.
    for (int i = Math.min(start, end); target.kind() == StageKind.OPEN && i < end; i++) {
      Stage s = pipeline.stages().get(i);
      if (s.kind() == StageKind.OPEN) {
        checked.add(s);
      }
    }
    checked.add(target);
    for (Stage s : checked) {
      for (String f : s.requiredFields()) {
        if (!present(o, f)) {
          String message = "is required by stage " + s.code();
          if (errors.stream().noneMatch(e -> e.field().equals(f))) {
            errors.add(new FieldError(f, message));
          }
        }
      }
      for (GateCheck g : s.gates().stream().sorted().toList()) {
        String why = gate(o, g, today);
        if (why != null && errors.stream().noneMatch(e -> e.field().equals(gateField(g)))) {
          errors.add(new FieldError(gateField(g), why + " (gate of stage " + s.code() + ")"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private static boolean present(OpportunityEntity o, String field) {
    return switch (field) {
      case "contactId" -> o.contactId != null;
      case "amount" -> o.amount != null && o.amount.signum() > 0;
      case "closeDate" -> o.closeDate != null;
      case "description" -> o.description != null;
      case "nextStep" -> o.nextStep != null;
      case "source" -> o.source != null;
      case "lines" -> !o.lines.isEmpty();
      case "competitors" -> !"[]".equals(o.competitors);
      default -> false;
    };
  }

  private static String gate(OpportunityEntity o, GateCheck g, LocalDate today) {
    return switch (g) {
      case HAS_LINES -> o.lines.isEmpty() ? "needs at least one line" : null;
      case HAS_CONTACT -> o.contactId == null ? "needs a contact" : null;
      case HAS_COMPETITOR -> "[]".equals(o.competitors) ? "needs a competitor" : null;
      case CLOSE_DATE_NOT_PAST ->
          o.closeDate != null && o.closeDate.isBefore(today)
              ? "the close date " + o.closeDate + " is past"
              : null;
      case POSITIVE_AMOUNT ->
          o.amount == null || o.amount.signum() <= 0 ? "needs an amount greater than 0" : null;
    };
  }

  private static String gateField(GateCheck g) {
    return switch (g) {
      case HAS_LINES -> "lines";
      case HAS_CONTACT -> "contactId";
      case HAS_COMPETITOR -> "competitors";
      case CLOSE_DATE_NOT_PAST -> "closeDate";
      case POSITIVE_AMOUNT -> "amount";
    };
  }

  private static Stage closing(Pipeline pipeline, String stage, StageKind kind) {
    if (stage == null) {
      return pipeline.stages().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }
    Stage s = pipeline.stage(stage).orElseThrow(() -> unknownStage(pipeline, stage, "stage"));
    if (s.kind() != kind) {
      throw new ValidationException(
          List.of(new FieldError("stage", "must be a " + kind + " stage of " + pipeline.code())));
    }
    return s;
  }

  private static ValidationException unknownStage(Pipeline p, String stage, String field) {
    return new ValidationException(
        List.of(
            new FieldError(
                field,
                "pipeline "
                    + p.code()
                    + " has no stage "
                    + stage
                    + "; its stages are "
                    + String.join(", ", p.stages().stream().map(Stage::code).toList()))));
  }

  private void applyDraft(OpportunityEntity o, OpportunityDraft d) {
    o.contactId = d.contactId() == null ? null : d.contactId().toString();
    o.name = d.name().strip();
    if (o.lines.isEmpty()) {
      o.amount = d.amount() == null ? BigDecimal.ZERO.setScale(2) : scale2(d.amount());
    }
    o.closeDate = d.closeDate();
    o.source = blankToNull(d.source());
    if (d.leadId() != null) {
      o.leadId = d.leadId().toString();
    }
    o.description = blankToNull(d.description());
    o.nextStep = blankToNull(d.nextStep());
    if (d.competitors() != null) {
      o.competitors = SalesJson.writeCompetitors(d.competitors());
    }
  }

  private static void check(OpportunityDraft d, boolean creating) {
    if (d == null) {
      throw new ValidationException(List.of(new FieldError("", "an opportunity is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    if (creating && d.accountId() == null) {
      errors.add(new FieldError("accountId", "is required"));
    }
    if (d.name() == null || d.name().isBlank()) {
      errors.add(new FieldError("name", "is required"));
    } else if (d.name().length() > 200) {
      errors.add(new FieldError("name", "must be at most 200 characters"));
    }
    if (d.closeDate() == null) {
      errors.add(new FieldError("closeDate", "is required"));
    } else if (d.closeDate().getYear() < 2000 || d.closeDate().getYear() > 2999) {
      errors.add(new FieldError("closeDate", "must be a date between 2000 and 2999"));
    }
    if (d.probability() != null && (d.probability() < 0 || d.probability() > 100)) {
      errors.add(new FieldError("probability", "must be between 0 and 100"));
    }
    if (d.forecastCategory() == ForecastCategory.CLOSED) {
      errors.add(new FieldError("forecastCategory", "CLOSED comes from winning, not from input"));
    }
    if (d.amount() != null && (d.amount().signum() < 0 || d.amount().scale() > 2)) {
      errors.add(new FieldError("amount", "must be 0 or more, with at most 2 decimals"));
    }
    if (d.amount() != null && d.amount().precision() - d.amount().scale() > 17) {
      errors.add(new FieldError("amount", "is too large"));
    }
    if (d.currency() != null && !SalesPolicy.CURRENCY.matcher(d.currency()).matches()) {
      errors.add(new FieldError("currency", "must be an ISO 4217 code such as EUR"));
    }
    if (d.owner() != null && !Permissions.USER_NAME.matcher(d.owner()).matches()) {
      errors.add(new FieldError("owner", "is no valid user name"));
    }
    checkLength(errors, "source", d.source(), 100);
    checkLength(errors, "description", d.description(), 4000);
    checkLength(errors, "nextStep", d.nextStep(), 500);
    if (d.pipeline() != null && !JpaPipelineService.CODE.matcher(d.pipeline()).matches()) {
      errors.add(new FieldError("pipeline", "is no pipeline code"));
    }
    if (d.competitors() != null) {
      if (d.competitors().size() > MAX_COMPETITORS) {
        errors.add(new FieldError("competitors", "at most " + MAX_COMPETITORS));
      }
      for (int i = 0; i < d.competitors().size(); i++) {
        Competitor c = d.competitors().get(i);
        if (c == null || c.name() == null || c.name().isBlank() || c.name().length() > 200) {
          errors.add(
              new FieldError("competitors[" + i + "].name", "is required, at most 200 characters"));
        }
        if (c != null) {
          checkLength(errors, "competitors[" + i + "].note", c.note(), 1000);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private static void checkLine(LineDraft l) {
    if (l == null) {
      throw new ValidationException(List.of(new FieldError("", "a line is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    PricedLines.check(
        errors,
        "",
        l.productCode(),
        l.description(),
        l.quantity(),
        l.unitPrice(),
        false,
        l.discountPercent());
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private static void checkReason(String reason, boolean required) {
    if (reason == null || reason.isBlank()) {
      if (required) {
        throw new ValidationException(List.of(new FieldError("reason", "is required")));
      }
    } else if (reason.length() > 500) {
      throw new ValidationException(
          List.of(new FieldError("reason", "must be at most 500 characters")));
    }
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new ValidationException(List.of(new FieldError(field, "is required")));
    }
  }

  private static void checkLength(List<FieldError> errors, String field, String v, int max) {
    if (v != null && v.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
    }
  }

  private static void requireOpen(OpportunityEntity o, String what) {
    if (o.status != StageKind.OPEN) {
      throw new ConflictException(
          "opportunity "
              + o.id
              + " is "
              + o.status
              + " and cannot be "
              + what
              + ": reopen it first");
    }
  }

  private static void requireContact(EntityManager em, String accountId, UUID contactId) {
    try {
      JpaActivityService.requireContact(em, accountId, contactId);
    } catch (NotFoundException e) {
      throw new ValidationException(
          List.of(new FieldError("contactId", "is not a contact of the account")));
    }
  }

  static OpportunityEntity find(EntityManager em, UUID id) {
    OpportunityEntity o = em.find(OpportunityEntity.class, id.toString());
    if (o == null) {
      throw new NotFoundException("opportunity", id);
    }
    return o;
  }

  private OpportunityEntity readable(EntityManager em, Actor actor, UUID id) {
    OpportunityEntity o = find(em, id);
    Visibility.readableThrough(em, actor, policy, o.accountId, "opportunity", id);
    return o;
  }

  private OpportunityEntity writable(EntityManager em, Actor actor, UUID id, long expected) {
    OpportunityEntity o = readable(em, actor, id);
    Visibility.writable(em, actor, policy, em.find(OrganizationEntity.class, o.accountId));
    if (o.version != expected) {
      throw new StaleVersionException(RECORD, id, expected, o.version);
    }
    return o;
  }

  private static Pipeline pipeline(EntityManager em, OpportunityEntity o) {
    return JpaPipelineService.toPipeline(JpaPipelineService.find(em, o.pipeline));
  }

  private static void filter(
      StringBuilder jpql, Map<String, Object> params, String path, Object value) {
    if (value != null) {
      String name = "f" + params.size();
      jpql.append(" and ").append(path).append(" = :").append(name);
      params.put(name, value);
    }
  }

  private static String encode(OpportunityEntity o) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("o1|" + o.closeDate + "|" + o.id).getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decode(String cursor) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
      if (parts.length != 3 || !parts[0].equals("o1")) {
        throw new IllegalArgumentException();
      }
      LocalDate.parse(parts[1]);
      UUID.fromString(parts[2]);
      return new String[] {parts[1], parts[2]};
    } catch (RuntimeException e) {
      throw new ValidationException(
          List.of(new FieldError("cursor", "is not a cursor of this listing")));
    }
  }

  private static void history(
      EntityManager em, OpportunityEntity o, Actor actor, String from, String reason, Instant now) {
    OpportunityStageEntity s = new OpportunityStageEntity();
    s.opportunityId = o.id;
    s.at = now;
    s.by = actor.user();
    s.fromStage = from;
    s.toStage = o.stage;
    s.probability = o.probability;
    s.forecastCategory = o.forecastCategory;
    s.amount = o.amount;
    s.reason = reason;
    em.persist(s);
  }

  private static BigDecimal sum(List<OpportunityLineEntity> lines) {
    return lines.stream().map(l -> l.total).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
  }

  private static BigDecimal scale2(BigDecimal v) {
    return v.setScale(2, RoundingMode.UNNECESSARY);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 500 ? s : s.substring(0, 500);
  }

  static Map<String, Object> eventData(OpportunityEntity o, String fromStage) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("opportunityId", o.id);
    m.put("accountId", o.accountId);
    m.put("name", o.name);
    m.put("type", o.type.name());
    m.put("pipeline", o.pipeline);
    if (fromStage != null) {
      m.put("fromStage", fromStage);
    }
    m.put("stage", o.stage);
    m.put("status", o.status.name());
    m.put("probability", o.probability);
    m.put("forecastCategory", o.forecastCategory.name());
    m.put("amount", o.amount);
    m.put("currency", o.currency);
    m.put("closeDate", o.closeDate.toString());
    m.put("owner", o.owner);
    return m;
  }

  private static Map<String, Object> image(OpportunityEntity o) {
    Map<String, Object> m = eventData(o, null);
    m.put("contactId", o.contactId);
    m.put("source", o.source);
    m.put("description", o.description);
    m.put("nextStep", o.nextStep);
    m.put("competitors", o.competitors);
    m.put("closeReason", o.closeReason);
    m.put("lostTo", o.lostTo);
    List<Object> lines = new ArrayList<>();
    for (OpportunityLineEntity l : o.lines) {
      lines.add(
          l.productCode
              + " x "
              + l.quantity.stripTrailingZeros().toPlainString()
              + " = "
              + l.total);
    }
    m.put("lines", lines);
    return m;
  }

  static Opportunity toOpportunity(OpportunityEntity o) {
    return new Opportunity(
        UUID.fromString(o.id),
        UUID.fromString(o.accountId),
        o.contactId == null ? null : UUID.fromString(o.contactId),
        o.name,
        o.type,
        o.pipeline,
        o.stage,
        o.status,
        o.probability,
        o.forecastCategory,
        o.amount,
        o.currency,
        o.closeDate,
        o.owner,
        o.source,
        o.leadId == null ? null : UUID.fromString(o.leadId),
        o.description,
        o.nextStep,
        o.lines.stream()
            .map(
                l ->
                    new OpportunityLine(
                        UUID.fromString(l.id),
                        l.productCode,
                        l.description,
                        l.quantity,
                        l.unitPrice,
                        l.discountPercent,
                        l.total,
                        l.configurationId == null ? null : UUID.fromString(l.configurationId)))
            .toList(),
        SalesJson.readCompetitors(o.competitors),
        o.closeReason,
        o.lostTo,
        o.closedAt,
        o.version,
        o.createdAt,
        o.updatedAt);
  }
}
