package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.CrmException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.erp.CreditCheck;
import org.loopcrm.crm.api.erp.ErpCommand;
import org.loopcrm.crm.api.erp.ErpCommandRequest;
import org.loopcrm.crm.api.erp.ErpLiveService;
import org.loopcrm.crm.api.erp.port.Availability;
import org.loopcrm.crm.api.erp.port.SaleLine;
import org.loopcrm.crm.api.erp.port.SaleLineChange;
import org.loopcrm.crm.api.quote.LineAvailability;
import org.loopcrm.crm.api.quote.LineQuantity;
import org.loopcrm.crm.api.quote.Quote;
import org.loopcrm.crm.api.quote.QuoteDraft;
import org.loopcrm.crm.api.quote.QuoteLine;
import org.loopcrm.crm.api.quote.QuoteLineDraft;
import org.loopcrm.crm.api.quote.QuoteService;
import org.loopcrm.crm.api.quote.QuoteStatus;
import org.loopcrm.crm.api.sales.StageKind;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Quotes over JPA (decisions.md §33). Every transition is one transaction with its audit entry and
 * its outbox event; accepting also wins the opportunity and places the ERP sale command, keyed by
 * the quote's number and revision, in that same transaction. The ERP is asked (availability,
 * credit) before a transaction opens, never inside one.
 */
@Component(service = QuoteService.class)
public final class JpaQuoteService implements QuoteService {
  static final String RECORD = "quote";
  private static final int MAX_LINES = 200;

  private final Transactions tx;
  private final Clock clock;
  private final AccessPolicy policy;
  private final SalesPolicy sales;
  private final ErpLiveService erp;
  private final JpaOpportunityService opportunities;

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaQuoteService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference AccessPolicy policy,
      @Reference SalesPolicy sales,
      @Reference ErpLiveService erp) {
    this(emf, Clock.systemUTC(), policy, sales, erp);
  }

  JpaQuoteService(
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
    this.opportunities = new JpaOpportunityService(emf, clock, policy, sales, erp);
  }

  @Override
  public Quote create(Actor actor, UUID opportunityId, QuoteDraft draft) {
    require(actor, Resource.QUOTE, Action.CREATE);
    QuoteDraft d = draft == null ? new QuoteDraft(null, null, null, null, null) : draft;
    checkDraft(d);
    return tx.inTransaction(em -> toQuote(em, create(em, actor, opportunityId, d)));
  }

  /**
   * Creates a first quote inside the caller's transaction (quoting an engineering estimate does).
   * The caller has checked the actor's role; the draft is checked here.
   */
  QuoteEntity create(EntityManager em, Actor actor, UUID opportunityId, QuoteDraft d) {
    checkDraft(d);
    OpportunityEntity o = writableOpportunity(em, actor, opportunityId);
    if (o.status != StageKind.OPEN) {
      throw new ConflictException(
          "opportunity " + o.id + " is " + o.status + ": quotes are made for open ones");
    }
    Instant now = now();
    QuoteNumberEntity n = new QuoteNumberEntity();
    n.createdAt = now;
    em.persist(n);
    em.flush();
    QuoteEntity q = new QuoteEntity();
    q.id = UUID.randomUUID().toString();
    q.number = String.format("Q-%06d", n.sequence);
    q.revision = 1;
    q.opportunityId = o.id;
    q.accountId = o.accountId;
    q.currency = o.currency;
    q.status = QuoteStatus.DRAFT;
    q.createdBy = actor.user();
    q.createdAt = now;
    apply(em, q, d, o);
    q.updatedAt = now;
    em.persist(q);
    em.flush();
    AuditLog.record(em, actor, AuditAction.CREATE, RECORD, q.id, null, image(q), now);
    Outbox.append(em, RECORD, q.id, "quote.created", eventData(q), now);
    return q;
  }

  @Override
  public Quote get(Actor actor, UUID id) {
    require(actor, Resource.QUOTE, Action.READ);
    return tx.readOnly(em -> toQuote(em, readable(em, actor, id)));
  }

  @Override
  public List<Quote> ofOpportunity(Actor actor, UUID opportunityId) {
    require(actor, Resource.QUOTE, Action.READ);
    return tx.readOnly(
        em -> {
          OpportunityEntity o = JpaOpportunityService.find(em, opportunityId);
          Visibility.readableThrough(em, actor, policy, o.accountId, "opportunity", opportunityId);
          return em
              .createQuery(
                  "select q from QuoteEntity q where q.opportunityId = :o"
                      + " order by q.number desc, q.revision desc",
                  QuoteEntity.class)
              .setParameter("o", o.id)
              .getResultList()
              .stream()
              .map(q -> toQuote(em, q))
              .toList();
        });
  }

  @Override
  public Quote update(Actor actor, UUID id, long expectedVersion, QuoteDraft draft) {
    require(actor, Resource.QUOTE, Action.UPDATE);
    if (draft == null) {
      throw new ValidationException(List.of(new FieldError("", "a quote is required")));
    }
    checkDraft(draft);
    return transition(
        actor,
        id,
        expectedVersion,
        "quote.updated",
        (em, q) -> {
          requireStatus(q, "changed (revise it instead)", QuoteStatus.DRAFT);
          OpportunityEntity o = JpaOpportunityService.find(em, UUID.fromString(q.opportunityId));
          q.lines.clear();
          em.flush();
          apply(em, q, draft, o);
        });
  }

  @Override
  public Quote revise(Actor actor, UUID id, long expectedVersion) {
    require(actor, Resource.QUOTE, Action.CREATE);
    return tx.inTransaction(
        em -> {
          QuoteEntity q = writable(em, actor, id, expectedVersion);
          if (q.status == QuoteStatus.ACCEPTED || q.status == QuoteStatus.SUPERSEDED) {
            throw new ConflictException(
                "quote "
                    + label(q)
                    + " is "
                    + q.status
                    + ": only the newest open or rejected"
                    + " revision is revised");
          }
          OpportunityEntity o = JpaOpportunityService.find(em, UUID.fromString(q.opportunityId));
          if (o.status != StageKind.OPEN) {
            throw new ConflictException("opportunity " + o.id + " is " + o.status);
          }
          Instant now = now();
          int next =
              em.createQuery(
                          "select max(x.revision) from QuoteEntity x where x.number = :n",
                          Integer.class)
                      .setParameter("n", q.number)
                      .getSingleResult()
                  + 1;
          supersede(em, actor, q.number, null, now);
          QuoteEntity r = new QuoteEntity();
          r.id = UUID.randomUUID().toString();
          r.number = q.number;
          r.revision = next;
          r.opportunityId = q.opportunityId;
          r.accountId = q.accountId;
          r.contactId = q.contactId;
          r.currency = q.currency;
          r.status = QuoteStatus.DRAFT;
          r.validUntil =
              q.validUntil.isBefore(today())
                  ? today().plusDays(sales.validityDays())
                  : q.validUntil;
          r.deliveryDate = q.deliveryDate;
          r.terms = q.terms;
          r.createdBy = actor.user();
          r.createdAt = now;
          r.updatedAt = now;
          for (QuoteLineEntity l : q.lines) {
            r.lines.add(
                line(
                    r,
                    l.position,
                    new QuoteLineDraft(
                        l.productCode,
                        l.description,
                        l.quantity,
                        l.unitPrice,
                        l.discountPercent,
                        l.configurationId == null ? null : UUID.fromString(l.configurationId))));
          }
          totals(r);
          em.persist(r);
          em.flush();
          AuditLog.record(em, actor, AuditAction.CREATE, RECORD, r.id, null, image(r), now);
          Outbox.append(em, RECORD, r.id, "quote.created", eventData(r), now);
          return toQuote(em, r);
        });
  }

  @Override
  public Quote submit(Actor actor, UUID id, long expectedVersion) {
    require(actor, Resource.QUOTE, Action.UPDATE);
    return transition(
        actor,
        id,
        expectedVersion,
        "quote.submitted",
        (em, q) -> {
          requireStatus(q, "submitted", QuoteStatus.DRAFT);
          requireValid(q);
          if (q.lines.isEmpty()) {
            throw new ValidationException(
                List.of(new FieldError("lines", "a quote needs at least one line")));
          }
          String reason = approvalReason(q);
          q.approvalReason = reason;
          q.approvedBy = null;
          q.status = reason == null ? QuoteStatus.APPROVED : QuoteStatus.PENDING_APPROVAL;
        });
  }

  @Override
  public Quote approve(Actor actor, UUID id, long expectedVersion, String note) {
    require(actor, Resource.QUOTE_APPROVAL, Action.UPDATE);
    checkText("note", note, 500, false);
    return transition(
        actor,
        id,
        expectedVersion,
        "quote.approved",
        (em, q) -> {
          requireStatus(q, "approved", QuoteStatus.PENDING_APPROVAL);
          q.status = QuoteStatus.APPROVED;
          q.approvedBy = actor.user();
          q.approvalNote = blankToNull(note);
        });
  }

  @Override
  public Quote refuseApproval(Actor actor, UUID id, long expectedVersion, String note) {
    require(actor, Resource.QUOTE_APPROVAL, Action.UPDATE);
    checkText("note", note, 500, true);
    return transition(
        actor,
        id,
        expectedVersion,
        "quote.approval-refused",
        (em, q) -> {
          requireStatus(q, "refused approval", QuoteStatus.PENDING_APPROVAL);
          q.status = QuoteStatus.DRAFT;
          q.approvedBy = null;
          q.approvalNote = note.strip();
        });
  }

  @Override
  public Quote check(Actor actor, UUID id) {
    require(actor, Resource.QUOTE, Action.UPDATE);
    Quote before = tx.readOnly(em -> toQuote(em, writable(em, actor, id, null)));
    if (!before.status().open()) {
      throw new ConflictException(
          "quote " + before.number() + "/" + before.revision() + " is " + before.status());
    }
    // The ERP is asked with no transaction open.
    LocalDate day = before.deliveryDate() == null ? today() : before.deliveryDate();
    List<LineAvailability> answers = new ArrayList<>();
    for (QuoteLine l : before.lines()) {
      answers.add(availability(actor, l, day));
    }
    CreditCheck credit = null;
    String creditProblem = null;
    try {
      credit = erp.creditCheck(actor, null, before.accountId(), before.total());
      if (credit.status().currency() != null
          && !credit.status().currency().equals(before.currency())) {
        creditProblem =
            "the ERP keeps credit in "
                + credit.status().currency()
                + ", the quote is in "
                + before.currency();
        credit = null;
      }
    } catch (CrmException e) {
      creditProblem = truncate(e.getMessage());
    }
    CreditCheck c = credit;
    String problem = creditProblem;
    return tx.inTransaction(
        em -> {
          QuoteEntity q = writable(em, actor, id, before.version());
          Instant now = now();
          Map<String, Object> image = image(q);
          for (int i = 0; i < q.lines.size() && i < answers.size(); i++) {
            QuoteLineEntity l = q.lines.get(i);
            LineAvailability a = answers.get(i);
            l.atpOnHand = a.onHand();
            l.atpForecast = a.forecast();
            l.atpAvailable = a.problem() == null ? a.available() : null;
            l.atpUnit = a.unit();
            l.atpAsOf = a.asOf();
            l.atpProblem = a.problem();
          }
          q.creditLimit = c == null ? null : c.status().creditLimit();
          q.creditExposure = c == null ? null : c.status().receivable();
          q.creditAllowed = c == null ? null : c.allowed();
          q.creditProblem = problem;
          q.checkedAt = now;
          q.updatedAt = now;
          em.flush();
          AuditLog.record(em, actor, AuditAction.UPDATE, RECORD, q.id, image, image(q), now);
          return toQuote(em, q);
        });
  }

  private LineAvailability availability(Actor actor, QuoteLine l, LocalDate day) {
    try {
      Availability a = erp.availability(actor, null, l.productCode(), l.quantity(), day, null);
      boolean enough = a.forecast() != null && a.forecast().compareTo(l.quantity()) >= 0;
      return new LineAvailability(a.onHand(), a.forecast(), enough, a.unit(), a.asOf(), null);
    } catch (CrmException e) {
      return new LineAvailability(null, null, false, null, now(), truncate(e.getMessage()));
    }
  }

  @Override
  public Quote send(Actor actor, UUID id, long expectedVersion) {
    require(actor, Resource.QUOTE, Action.UPDATE);
    return transition(
        actor,
        id,
        expectedVersion,
        "quote.sent",
        (em, q) -> {
          requireStatus(
              q, "sent (submit it, and have it approved if it needs to be)", QuoteStatus.APPROVED);
          requireValid(q);
          q.status = QuoteStatus.SENT;
        });
  }

  @Override
  public Quote accept(Actor actor, UUID id, long expectedVersion) {
    require(actor, Resource.QUOTE, Action.UPDATE);
    return transition(
        actor,
        id,
        expectedVersion,
        "quote.accepted",
        (em, q) -> {
          requireStatus(q, "accepted", QuoteStatus.SENT, QuoteStatus.APPROVED);
          requireValid(q);
          Instant now = now();
          q.status = QuoteStatus.ACCEPTED;
          q.decidedAt = now;
          q.decidedBy = actor.user();
          supersede(em, actor, q.number, q.id, now);
          opportunities.winInTransaction(
              em, actor, q.opportunityId, "quote " + label(q) + " accepted");
          OrganizationEntity account = em.find(OrganizationEntity.class, q.accountId);
          ErpCommandEntity sale =
              JpaErpCommandService.place(
                  em,
                  actor,
                  account,
                  q.opportunityId,
                  "quote-" + q.number + "-" + q.revision,
                  null,
                  saleRequest(q),
                  now);
          q.saleCommandId = sale.commandId;
          // Configured lines: a production of the configured product with its BOM, per line.
          for (QuoteLineEntity l : q.lines) {
            if (l.configurationId == null) {
              continue;
            }
            ProductModelJson.StoredConfiguration c = configuration(em, l.configurationId, null);
            JpaErpCommandService.place(
                em,
                actor,
                account,
                q.opportunityId,
                "cto-" + q.id + "-" + l.position,
                null,
                new ErpCommandRequest.Production(
                    c.erpProductCode(),
                    l.quantity,
                    null,
                    c.bom(),
                    null,
                    label(q) + " line " + l.position),
                now);
          }
        });
  }

  @Override
  public Quote reject(Actor actor, UUID id, long expectedVersion, String reason) {
    require(actor, Resource.QUOTE, Action.UPDATE);
    checkText("reason", reason, 500, true);
    return transition(
        actor,
        id,
        expectedVersion,
        "quote.rejected",
        (em, q) -> {
          requireStatus(q, "rejected", QuoteStatus.SENT);
          q.status = QuoteStatus.REJECTED;
          q.decisionReason = reason.strip();
          q.decidedAt = now();
          q.decidedBy = actor.user();
        });
  }

  @Override
  public Quote cancelOrder(Actor actor, UUID id, long expectedVersion, String reason) {
    require(actor, Resource.QUOTE, Action.UPDATE);
    checkText("reason", reason, 500, true);
    return transition(
        actor,
        id,
        expectedVersion,
        "quote.order-cancelled",
        (em, q) -> {
          requireStatus(q, "cancelled (only an accepted quote has an order)", QuoteStatus.ACCEPTED);
          Instant now = now();
          OrganizationEntity account = em.find(OrganizationEntity.class, q.accountId);
          JpaErpCommandService.place(
              em,
              actor,
              account,
              q.opportunityId,
              "cancel-" + q.saleCommandId,
              null,
              new ErpCommandRequest.CancelSale(UUID.fromString(q.saleCommandId), reason.strip()),
              now);
          // The productions stop once the ERP has cancelled the sale (the command DONE, or the
          // sale reported cancelled): one it refuses to cancel still has to be made.
          q.status = QuoteStatus.ORDER_CANCELLED;
          q.decisionReason = reason.strip();
          q.decidedAt = now;
          q.decidedBy = actor.user();
        });
  }

  @Override
  public Quote reduceOrder(
      Actor actor, UUID id, long expectedVersion, List<LineQuantity> lines, String reason) {
    require(actor, Resource.QUOTE, Action.UPDATE);
    checkText("reason", reason, 500, true);
    List<FieldError> errors = new ArrayList<>();
    if (lines == null || lines.isEmpty()) {
      errors.add(new FieldError("lines", "must name at least one line and its new quantity"));
    } else {
      java.util.Set<Integer> seen = new java.util.HashSet<>();
      for (int i = 0; i < lines.size(); i++) {
        LineQuantity l = lines.get(i);
        String at = "lines[" + i + "].";
        if (l == null) {
          errors.add(new FieldError("lines[" + i + "]", "must not be null"));
          continue;
        }
        if (!seen.add(l.position())) {
          errors.add(new FieldError(at + "position", "names line " + l.position() + " twice"));
        }
        if (l.quantity() == null || l.quantity().signum() < 0) {
          errors.add(new FieldError(at + "quantity", "must be 0 (drop the line) or more"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return transition(
        actor,
        id,
        expectedVersion,
        "quote.order-reduced",
        (em, q) -> {
          requireStatus(q, "reduced (only an accepted quote has an order)", QuoteStatus.ACCEPTED);
          Map<Integer, QuoteLineEntity> byPosition = new LinkedHashMap<>();
          q.lines.forEach(l -> byPosition.put(l.position, l));
          List<FieldError> wrong = new ArrayList<>();
          Map<QuoteLineEntity, BigDecimal> changes = new LinkedHashMap<>();
          for (int i = 0; i < lines.size(); i++) {
            LineQuantity l = lines.get(i);
            QuoteLineEntity line = byPosition.get(l.position());
            if (line == null) {
              wrong.add(
                  new FieldError(
                      "lines[" + i + "].position",
                      "quote " + label(q) + " has no line " + l.position()));
              continue;
            }
            BigDecimal ordered = ordered(line);
            if (l.quantity().compareTo(ordered) > 0) {
              wrong.add(
                  new FieldError(
                      "lines[" + i + "].quantity",
                      "may only go down: "
                          + ordered.stripTrailingZeros().toPlainString()
                          + " are on order (a larger order is a new quote)"));
            } else if (l.quantity().compareTo(ordered) < 0) {
              changes.put(line, l.quantity());
            }
          }
          if (!wrong.isEmpty()) {
            throw new ValidationException(wrong);
          }
          if (changes.isEmpty()) {
            throw new ValidationException(
                List.of(
                    new FieldError("lines", "reduce nothing: every quantity is what is on order")));
          }
          boolean anyLeft =
              q.lines.stream()
                  .anyMatch(
                      l -> (changes.containsKey(l) ? changes.get(l) : ordered(l)).signum() > 0);
          if (!anyLeft) {
            throw new ConflictException(
                "this would leave nothing on order for quote "
                    + label(q)
                    + ": cancel the order instead (cancel-order)");
          }
          Instant now = now();
          OrganizationEntity account = em.find(OrganizationEntity.class, q.accountId);
          String changeKey = "change-" + q.saleCommandId + "-";
          long n =
              em.createQuery(
                          "select count(c) from ErpCommandEntity c where c.accountId = :a"
                              + " and c.key like :k",
                          Long.class)
                      .setParameter("a", q.accountId)
                      .setParameter("k", changeKey + "%")
                      .getSingleResult()
                  + 1;
          List<SaleLineChange> saleLines = new ArrayList<>();
          changes.forEach((l, quantity) -> saleLines.add(new SaleLineChange(l.position, quantity)));
          JpaErpCommandService.place(
              em,
              actor,
              account,
              q.opportunityId,
              changeKey + n,
              null,
              new ErpCommandRequest.ChangeSale(
                  UUID.fromString(q.saleCommandId), saleLines, reason.strip()),
              now);
          for (Map.Entry<QuoteLineEntity, BigDecimal> change : changes.entrySet()) {
            QuoteLineEntity l = change.getKey();
            l.orderedQuantity = change.getValue();
            if (l.configurationId == null) {
              continue;
            }
            // The configured line's production follows the line: the new quantity, zero stops it.
            List<ErpCommandEntity> production =
                em.createQuery(
                        "select c from ErpCommandEntity c where c.accountId = :a and c.key = :k",
                        ErpCommandEntity.class)
                    .setParameter("a", q.accountId)
                    .setParameter("k", "cto-" + q.id + "-" + l.position)
                    .getResultList();
            if (production.isEmpty() || production.get(0).status == ErpCommand.Status.FAILED) {
              continue;
            }
            ErpCommandEntity p = production.get(0);
            JpaErpCommandService.place(
                em,
                actor,
                account,
                q.opportunityId,
                "change-" + p.commandId + "-" + n,
                p.erpSystem,
                new ErpCommandRequest.ChangeProduction(
                    UUID.fromString(p.commandId), change.getValue(), reason.strip()),
                now);
          }
        });
  }

  /** What is on order for a line of an accepted quote. */
  private static BigDecimal ordered(QuoteLineEntity l) {
    return l.orderedQuantity != null ? l.orderedQuantity : l.quantity;
  }

  // ---------------------------------------------------------------------------------------------

  private interface Step {
    void apply(EntityManager em, QuoteEntity q);
  }

  private Quote transition(Actor actor, UUID id, long expectedVersion, String event, Step step) {
    return tx.inTransaction(
        em -> {
          QuoteEntity q = writable(em, actor, id, expectedVersion);
          Map<String, Object> before = image(q);
          step.apply(em, q);
          Instant now = now();
          totals(q);
          q.updatedAt = now;
          em.flush();
          AuditLog.record(em, actor, AuditAction.UPDATE, RECORD, q.id, before, image(q), now);
          Outbox.append(em, RECORD, q.id, event, eventData(q), now);
          return toQuote(em, q);
        });
  }

  /** The confirmed sale the accepted quote commands: net unit prices, the quote as reference. */
  static ErpCommandRequest.Sale saleRequest(QuoteEntity q) {
    List<SaleLine> lines = new ArrayList<>();
    for (QuoteLineEntity l : q.lines) {
      BigDecimal net = l.total.divide(l.quantity, 4, RoundingMode.HALF_UP);
      lines.add(new SaleLine(l.productCode, l.quantity, net, l.description));
    }
    return new ErpCommandRequest.Sale(label(q), q.currency, lines, true);
  }

  private void supersede(EntityManager em, Actor actor, String number, String except, Instant now) {
    List<QuoteEntity> open =
        em.createQuery(
                "select q from QuoteEntity q where q.number = :n and q.status in :open",
                QuoteEntity.class)
            .setParameter("n", number)
            .setParameter(
                "open",
                List.of(
                    QuoteStatus.DRAFT,
                    QuoteStatus.PENDING_APPROVAL,
                    QuoteStatus.APPROVED,
                    QuoteStatus.SENT))
            .getResultList();
    for (QuoteEntity o : open) {
      if (o.id.equals(except)) {
        continue;
      }
      Map<String, Object> before = image(o);
      o.status = QuoteStatus.SUPERSEDED;
      o.updatedAt = now;
      em.flush();
      AuditLog.record(em, actor, AuditAction.UPDATE, RECORD, o.id, before, image(o), now);
      Outbox.append(em, RECORD, o.id, "quote.superseded", eventData(o), now);
    }
  }

  private void apply(EntityManager em, QuoteEntity q, QuoteDraft d, OpportunityEntity o) {
    if (d.contactId() != null) {
      try {
        JpaActivityService.requireContact(em, q.accountId, d.contactId());
      } catch (NotFoundException e) {
        throw new ValidationException(
            List.of(new FieldError("contactId", "is not a contact of the account")));
      }
      q.contactId = d.contactId().toString();
    } else if (q.contactId == null) {
      q.contactId = o.contactId;
    }
    q.validUntil = d.validUntil() == null ? today().plusDays(sales.validityDays()) : d.validUntil();
    if (q.validUntil.isBefore(today())) {
      throw new ValidationException(
          List.of(new FieldError("validUntil", "must be today or later")));
    }
    q.deliveryDate = d.deliveryDate();
    q.terms = blankToNull(d.terms());
    List<QuoteLineDraft> lines = d.lines();
    if (lines.isEmpty()) {
      lines =
          o.lines.stream()
              .map(
                  l ->
                      new QuoteLineDraft(
                          l.productCode,
                          l.description,
                          l.quantity,
                          l.unitPrice,
                          l.discountPercent,
                          l.configurationId == null ? null : UUID.fromString(l.configurationId)))
              .toList();
    }
    if (lines.isEmpty()) {
      throw new ValidationException(
          List.of(
              new FieldError(
                  "lines", "a quote needs lines: give some, or add lines to the opportunity")));
    }
    int position = 1;
    for (QuoteLineDraft l : lines) {
      if (l.configurationId() != null) {
        ProductModelJson.StoredConfiguration c =
            configuration(em, l.configurationId().toString(), "lines[" + (position - 1) + "]");
        if (!c.erpProductCode().equals(l.productCode().strip())) {
          throw new ValidationException(
              List.of(
                  new FieldError(
                      "lines[" + (position - 1) + "].productCode",
                      "must be " + c.erpProductCode() + ", the configured product")));
        }
      }
      q.lines.add(line(q, position++, l));
    }
    totals(q);
  }

  /** A saved configuration (configure-to-order), or a field error naming the line. */
  private static ProductModelJson.StoredConfiguration configuration(
      EntityManager em, String id, String field) {
    ConfigurationEntity e = em.find(ConfigurationEntity.class, id);
    if (e == null) {
      if (field == null) {
        throw new ConflictException("configuration " + id + " does not exist any more");
      }
      throw new ValidationException(
          List.of(new FieldError(field + ".configurationId", "is no saved configuration")));
    }
    return ProductModelJson.readConfiguration(e.content);
  }

  private static QuoteLineEntity line(QuoteEntity q, int position, QuoteLineDraft d) {
    QuoteLineEntity l = new QuoteLineEntity();
    l.id = UUID.randomUUID().toString();
    l.quote = q;
    l.position = position;
    l.productCode = d.productCode().strip();
    l.description = blankToNull(d.description());
    l.quantity = d.quantity();
    l.unitPrice = d.unitPrice();
    l.discountPercent = d.discountPercent() == null ? BigDecimal.ZERO : d.discountPercent();
    l.total = PricedLines.total(l.quantity, l.unitPrice, l.discountPercent);
    l.configurationId = d.configurationId() == null ? null : d.configurationId().toString();
    return l;
  }

  private static void totals(QuoteEntity q) {
    BigDecimal subtotal = BigDecimal.ZERO;
    BigDecimal total = BigDecimal.ZERO;
    for (QuoteLineEntity l : q.lines) {
      subtotal = subtotal.add(l.quantity.multiply(l.unitPrice));
      total = total.add(l.total);
    }
    q.subtotal = subtotal.setScale(2, RoundingMode.HALF_UP);
    q.total = total.setScale(2, RoundingMode.HALF_UP);
    q.discount = q.subtotal.subtract(q.total);
  }

  private String approvalReason(QuoteEntity q) {
    List<String> over = new ArrayList<>();
    for (QuoteLineEntity l : q.lines) {
      if (l.discountPercent.compareTo(sales.approvalThreshold()) > 0) {
        over.add(
            "line "
                + l.position
                + " ("
                + l.productCode
                + ") is discounted "
                + l.discountPercent.stripTrailingZeros().toPlainString()
                + "%");
      }
    }
    return over.isEmpty()
        ? null
        : truncate(
            String.join("; ", over)
                + ", over the "
                + sales.approvalThreshold().stripTrailingZeros().toPlainString()
                + "% that needs approval");
  }

  private static void checkDraft(QuoteDraft d) {
    List<FieldError> errors = new ArrayList<>();
    if (d.lines().size() > MAX_LINES) {
      errors.add(new FieldError("lines", "at most " + MAX_LINES + " lines"));
    }
    if (d.terms() != null && d.terms().length() > 2000) {
      errors.add(new FieldError("terms", "must be at most 2000 characters"));
    }
    if (d.validUntil() != null && d.validUntil().getYear() > 2999) {
      errors.add(new FieldError("validUntil", "must be a date before 3000"));
    }
    if (d.deliveryDate() != null && d.deliveryDate().getYear() > 2999) {
      errors.add(new FieldError("deliveryDate", "must be a date before 3000"));
    }
    for (int i = 0; i < d.lines().size(); i++) {
      QuoteLineDraft l = d.lines().get(i);
      String at = "lines[" + i + "].";
      if (l == null) {
        errors.add(new FieldError("lines[" + i + "]", "is required"));
        continue;
      }
      PricedLines.check(
          errors,
          at,
          l.productCode(),
          l.description(),
          l.quantity(),
          l.unitPrice(),
          true,
          l.discountPercent());
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private static void checkText(String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw new ValidationException(List.of(new FieldError(field, "is required")));
      }
    } else if (value.length() > max) {
      throw new ValidationException(
          List.of(new FieldError(field, "must be at most " + max + " characters")));
    }
  }

  private static void requireStatus(QuoteEntity q, String what, QuoteStatus... allowed) {
    for (QuoteStatus s : allowed) {
      if (q.status == s) {
        return;
      }
    }
    throw new ConflictException("quote " + label(q) + " is " + q.status + " and cannot be " + what);
  }

  private void requireValid(QuoteEntity q) {
    if (q.validUntil.isBefore(today())) {
      throw new ConflictException(
          "quote " + label(q) + " expired on " + q.validUntil + ": revise it with a new date");
    }
  }

  private OpportunityEntity writableOpportunity(EntityManager em, Actor actor, UUID id) {
    OpportunityEntity o = JpaOpportunityService.find(em, id);
    Visibility.readableThrough(em, actor, policy, o.accountId, "opportunity", id);
    Visibility.writable(em, actor, policy, em.find(OrganizationEntity.class, o.accountId));
    return o;
  }

  private static QuoteEntity find(EntityManager em, UUID id) {
    QuoteEntity q = em.find(QuoteEntity.class, id.toString());
    if (q == null) {
      throw new NotFoundException("quote", id);
    }
    return q;
  }

  private QuoteEntity readable(EntityManager em, Actor actor, UUID id) {
    QuoteEntity q = find(em, id);
    Visibility.readableThrough(em, actor, policy, q.accountId, "quote", id);
    return q;
  }

  private QuoteEntity writable(EntityManager em, Actor actor, UUID id, Long expected) {
    QuoteEntity q = readable(em, actor, id);
    Visibility.writable(em, actor, policy, em.find(OrganizationEntity.class, q.accountId));
    if (expected != null && q.version != expected) {
      throw new StaleVersionException(RECORD, id, expected, q.version);
    }
    return q;
  }

  static String label(QuoteEntity q) {
    return q.number + "/" + q.revision;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), clock.getZone());
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

  private static Map<String, Object> eventData(QuoteEntity q) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("quoteId", q.id);
    m.put("number", q.number);
    m.put("revision", q.revision);
    m.put("opportunityId", q.opportunityId);
    m.put("accountId", q.accountId);
    m.put("status", q.status.name());
    m.put("total", q.total);
    m.put("currency", q.currency);
    m.put("saleCommandId", q.saleCommandId);
    return m;
  }

  private static Map<String, Object> image(QuoteEntity q) {
    Map<String, Object> m = eventData(q);
    m.put("contactId", q.contactId);
    m.put("validUntil", q.validUntil == null ? null : q.validUntil.toString());
    m.put("deliveryDate", q.deliveryDate == null ? null : q.deliveryDate.toString());
    m.put("terms", q.terms);
    m.put("approvalReason", q.approvalReason);
    m.put("approvedBy", q.approvedBy);
    m.put("approvalNote", q.approvalNote);
    m.put("decisionReason", q.decisionReason);
    List<Object> lines = new ArrayList<>();
    for (QuoteLineEntity l : q.lines) {
      lines.add(
          l.productCode
              + " x "
              + l.quantity.stripTrailingZeros().toPlainString()
              + " @ "
              + l.unitPrice.stripTrailingZeros().toPlainString()
              + " -"
              + l.discountPercent.stripTrailingZeros().toPlainString()
              + "% = "
              + l.total
              + (l.orderedQuantity == null
                  ? ""
                  : " (on order: " + l.orderedQuantity.stripTrailingZeros().toPlainString() + ")"));
    }
    m.put("lines", lines);
    return m;
  }

  static Quote toQuote(EntityManager em, QuoteEntity q) {
    ErpCommand.Status command = null;
    if (q.saleCommandId != null) {
      List<ErpCommandEntity> c =
          em.createQuery(
                  "select c from ErpCommandEntity c where c.commandId = :id",
                  ErpCommandEntity.class)
              .setParameter("id", q.saleCommandId)
              .getResultList();
      command = c.isEmpty() ? null : c.get(0).status;
    }
    return new Quote(
        UUID.fromString(q.id),
        q.number,
        q.revision,
        UUID.fromString(q.opportunityId),
        UUID.fromString(q.accountId),
        q.contactId == null ? null : UUID.fromString(q.contactId),
        q.status,
        q.currency,
        q.validUntil,
        q.deliveryDate,
        q.terms,
        q.lines.stream()
            .map(
                l ->
                    new QuoteLine(
                        l.position,
                        l.productCode,
                        l.description,
                        l.quantity,
                        l.unitPrice,
                        l.discountPercent,
                        l.total,
                        l.configurationId == null ? null : UUID.fromString(l.configurationId),
                        l.atpAsOf == null
                            ? null
                            : new LineAvailability(
                                l.atpOnHand,
                                l.atpForecast,
                                Boolean.TRUE.equals(l.atpAvailable),
                                l.atpUnit,
                                l.atpAsOf,
                                l.atpProblem),
                        switch (q.status) {
                          case ACCEPTED -> ordered(l);
                          case ORDER_CANCELLED -> BigDecimal.ZERO;
                          default -> null;
                        }))
            .toList(),
        q.subtotal,
        q.discount,
        q.total,
        q.approvalReason,
        q.approvedBy,
        q.approvalNote,
        q.creditAllowed == null
            ? null
            : new Quote.CreditSummary(q.creditLimit, q.creditExposure, q.creditAllowed),
        q.creditProblem,
        q.checkedAt,
        q.saleCommandId == null ? null : UUID.fromString(q.saleCommandId),
        command,
        q.decisionReason,
        q.decidedAt,
        q.version,
        q.createdBy,
        q.createdAt,
        q.updatedAt);
  }
}
