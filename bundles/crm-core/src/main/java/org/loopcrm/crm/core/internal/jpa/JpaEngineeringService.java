package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.LockModeType;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.erp.ErpLiveService;
import org.loopcrm.crm.api.erp.port.BomLine;
import org.loopcrm.crm.api.eto.Attachment;
import org.loopcrm.crm.api.eto.AttachmentContent;
import org.loopcrm.crm.api.eto.Bom;
import org.loopcrm.crm.api.eto.BomStatus;
import org.loopcrm.crm.api.eto.CostCategory;
import org.loopcrm.crm.api.eto.CostLine;
import org.loopcrm.crm.api.eto.EngineeringRequest;
import org.loopcrm.crm.api.eto.EngineeringService;
import org.loopcrm.crm.api.eto.EngineeringStatus;
import org.loopcrm.crm.api.eto.EngineeringTask;
import org.loopcrm.crm.api.eto.Estimate;
import org.loopcrm.crm.api.eto.EstimateDraft;
import org.loopcrm.crm.api.eto.Feasibility;
import org.loopcrm.crm.api.eto.FeasibilityDecision;
import org.loopcrm.crm.api.eto.SpecificationDraft;
import org.loopcrm.crm.api.quote.Quote;
import org.loopcrm.crm.api.quote.QuoteDraft;
import org.loopcrm.crm.api.quote.QuoteLineDraft;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Engineering requests over JPA (decisions.md §34). Every change is one transaction with its audit
 * entry and outbox event; a change takes the request's row lock and raises its version first, so
 * two changes of one request (its BOMs, its attachments) never interleave. Quoting creates the
 * quote in the same transaction; releasing a BOM of a won request places the ERP production command
 * in it.
 */
@Component(service = EngineeringService.class)
public final class JpaEngineeringService implements EngineeringService {
  private static final String RECORD = EngineeringHooks.RECORD;
  private static final int MAX_LINES = 200;
  private static final int MAX_TASKS = 100;
  private static final int MAX_ATTACHMENTS = 100;
  private static final int MAX_SPECIFICATION = 20_000;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal MAX_MARGIN = BigDecimal.valueOf(1000);
  private static final Pattern CONTENT_TYPE =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*");

  private final Transactions tx;
  private final Clock clock;
  private final AccessPolicy policy;
  private final JpaQuoteService quotes;

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaEngineeringService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference AccessPolicy policy,
      @Reference SalesPolicy sales,
      @Reference ErpLiveService erp) {
    this(emf, Clock.systemUTC(), policy, sales, erp);
  }

  JpaEngineeringService(
      EntityManagerFactory emf,
      Clock clock,
      AccessPolicy policy,
      SalesPolicy sales,
      ErpLiveService erp) {
    this.tx = new Transactions(emf);
    this.clock = clock;
    this.policy = policy;
    this.quotes = new JpaQuoteService(emf, clock, policy, sales, erp);
  }

  @Override
  public EngineeringRequest get(Actor actor, UUID id) {
    require(actor, Resource.ENGINEERING_REQUEST, Action.READ);
    return tx.readOnly(em -> toRequest(em, readable(em, actor, id)));
  }

  @Override
  public EngineeringRequest ofOpportunity(Actor actor, UUID opportunityId) {
    require(actor, Resource.ENGINEERING_REQUEST, Action.READ);
    return tx.readOnly(
        em -> {
          OpportunityEntity o = JpaOpportunityService.find(em, opportunityId);
          Visibility.readableThrough(em, actor, policy, o.accountId, "opportunity", opportunityId);
          EngineeringRequestEntity r = EngineeringHooks.ofOpportunity(em, o.id);
          if (r == null) {
            throw new NotFoundException("engineering request of opportunity", opportunityId);
          }
          return toRequest(em, r);
        });
  }

  @Override
  public EngineeringRequest specify(
      Actor actor, UUID id, long expectedVersion, SpecificationDraft draft) {
    require(actor, Resource.ENGINEERING_REQUEST, Action.UPDATE);
    checkSpecification(draft);
    return change(
        actor,
        id,
        expectedVersion,
        "engineering-request.specified",
        (em, r, now) -> {
          requireOpen(r, "specified");
          String product = blankToNull(draft.productCode());
          BigDecimal quantity = draft.quantity();
          boolean offerChanged =
              !java.util.Objects.equals(product, r.productCode)
                  || quantity.compareTo(r.quantity) != 0;
          r.productCode = product;
          r.quantity = quantity;
          r.specification = blankToNull(draft.specification());
          if (offerChanged && r.status == EngineeringStatus.QUOTED) {
            // The quote offers another product or quantity now: a new one has to be made.
            r.status = EngineeringStatus.ESTIMATED;
          }
        });
  }

  @Override
  public Attachment attach(Actor actor, UUID id, String name, String contentType, byte[] content) {
    require(actor, Resource.ENGINEERING_REQUEST, Action.UPDATE);
    List<FieldError> errors = new ArrayList<>();
    if (name == null || name.isBlank()) {
      errors.add(new FieldError("filename", "is required"));
    } else if (name.length() > 255
        || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\')) {
      errors.add(
          new FieldError(
              "filename", "must be a file name of at most 255 characters, without / or \\"));
    }
    String type = contentType == null ? null : contentType.strip();
    if (type == null || type.length() > 200 || !CONTENT_TYPE.matcher(baseType(type)).matches()) {
      errors.add(new FieldError("contentType", "must be a media type such as application/pdf"));
    }
    if (content == null || content.length == 0) {
      errors.add(new FieldError("content", "is empty"));
    } else if (content.length > MAX_ATTACHMENT_BYTES) {
      errors.add(
          new FieldError("content", "is larger than " + MAX_ATTACHMENT_BYTES + " bytes, the most"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return tx.inTransaction(
        em -> {
          EngineeringRequestEntity r = writable(em, actor, id, null);
          if (r.status == EngineeringStatus.CANCELLED) {
            throw new ConflictException("engineering request " + r.id + " is CANCELLED");
          }
          long count =
              em.createQuery(
                      "select count(a) from EngineeringAttachmentEntity a where a.requestId = :r",
                      Long.class)
                  .setParameter("r", r.id)
                  .getSingleResult();
          if (count >= MAX_ATTACHMENTS) {
            throw new ConflictException(
                "engineering request "
                    + r.id
                    + " has "
                    + MAX_ATTACHMENTS
                    + " attachments, the most");
          }
          Instant now = now();
          EngineeringAttachmentEntity a = new EngineeringAttachmentEntity();
          a.id = UUID.randomUUID().toString();
          a.requestId = r.id;
          a.name = name.strip();
          a.contentType = type;
          a.size = content.length;
          a.sha256 = sha256(content);
          a.uploadedBy = actor.user();
          a.uploadedAt = now;
          em.persist(a);
          EngineeringAttachmentContentEntity c = new EngineeringAttachmentContentEntity();
          c.attachmentId = a.id;
          c.content = content.clone();
          em.persist(c);
          em.flush();
          AuditLog.record(
              em, actor, AuditAction.CREATE, RECORD + "-attachment", a.id, null, image(a), now);
          Map<String, Object> data = EngineeringHooks.eventData(r);
          data.put("attachmentId", a.id);
          data.put("name", a.name);
          Outbox.append(em, RECORD, r.id, "engineering-request.attached", data, now);
          return toAttachment(a);
        });
  }

  @Override
  public List<Attachment> attachments(Actor actor, UUID id) {
    require(actor, Resource.ENGINEERING_REQUEST, Action.READ);
    return tx.readOnly(
        em ->
            attachments(em, readable(em, actor, id).id).stream()
                .map(JpaEngineeringService::toAttachment)
                .toList());
  }

  @Override
  public AttachmentContent attachment(Actor actor, UUID id, UUID attachmentId) {
    require(actor, Resource.ENGINEERING_REQUEST, Action.READ);
    return tx.readOnly(
        em -> {
          EngineeringRequestEntity r = readable(em, actor, id);
          EngineeringAttachmentEntity a = attachment(em, r, attachmentId);
          EngineeringAttachmentContentEntity c =
              em.find(EngineeringAttachmentContentEntity.class, a.id);
          return new AttachmentContent(toAttachment(a), c.content);
        });
  }

  @Override
  public void detach(Actor actor, UUID id, UUID attachmentId) {
    require(actor, Resource.ENGINEERING_REQUEST, Action.UPDATE);
    tx.inTransaction(
        em -> {
          EngineeringRequestEntity r = writable(em, actor, id, null);
          requireOpen(r, "changed");
          EngineeringAttachmentEntity a = attachment(em, r, attachmentId);
          Instant now = now();
          em.remove(em.find(EngineeringAttachmentContentEntity.class, a.id));
          em.remove(a);
          em.flush();
          AuditLog.record(
              em, actor, AuditAction.DELETE, RECORD + "-attachment", a.id, image(a), null, now);
          Map<String, Object> data = EngineeringHooks.eventData(r);
          data.put("attachmentId", a.id);
          data.put("name", a.name);
          Outbox.append(em, RECORD, r.id, "engineering-request.detached", data, now);
          return null;
        });
  }

  @Override
  public EngineeringRequest decideFeasibility(
      Actor actor, UUID id, long expectedVersion, Feasibility verdict, String note) {
    require(actor, Resource.ENGINEERING_DECISION, Action.UPDATE);
    List<FieldError> errors = new ArrayList<>();
    if (verdict == null) {
      errors.add(
          new FieldError(
              "verdict", "is required: FEASIBLE, FEASIBLE_WITH_CHANGES or NOT_FEASIBLE"));
    }
    if (note == null || note.isBlank()) {
      if (verdict != null && verdict != Feasibility.FEASIBLE) {
        errors.add(new FieldError("note", "is required: say what has to change, or why not"));
      }
    } else if (note.length() > 2000) {
      errors.add(new FieldError("note", "must be at most 2000 characters"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return change(
        actor,
        id,
        expectedVersion,
        "engineering-request.feasibility-decided",
        (em, r, now) -> {
          requireOpen(r, "judged");
          r.feasibility = verdict;
          r.feasibilityNote = blankToNull(note);
          r.feasibilityBy = actor.user();
          r.feasibilityAt = now;
          if (r.status == EngineeringStatus.OPEN || verdict == Feasibility.NOT_FEASIBLE) {
            // Not feasible: whatever was estimated or quoted may not go further.
            r.status = EngineeringStatus.FEASIBILITY_DECIDED;
          }
        });
  }

  @Override
  public EngineeringRequest estimate(
      Actor actor, UUID id, long expectedVersion, EstimateDraft draft) {
    require(actor, Resource.ENGINEERING_REQUEST, Action.UPDATE);
    checkEstimate(draft);
    return change(
        actor,
        id,
        expectedVersion,
        "engineering-request.estimated",
        (em, r, now) -> {
          requireOpen(r, "estimated");
          requireFeasible(r, "estimated");
          r.costLines.clear();
          em.flush();
          int position = 1;
          for (CostLine l : draft.lines()) {
            EngineeringCostLineEntity e = new EngineeringCostLineEntity();
            e.id = UUID.randomUUID().toString();
            e.request = r;
            e.position = position++;
            e.category = l.category();
            e.description = l.description().strip();
            e.quantity = l.quantity();
            e.unitCost = l.unitCost();
            r.costLines.add(e);
          }
          r.marginPercent = draft.marginPercent();
          r.estimatedBy = actor.user();
          r.estimatedAt = now;
          r.status = EngineeringStatus.ESTIMATED;
        });
  }

  @Override
  public EngineeringRequest planTasks(
      Actor actor, UUID id, long expectedVersion, List<EngineeringTask> tasks) {
    require(actor, Resource.ENGINEERING_REQUEST, Action.UPDATE);
    checkTasks(tasks);
    return change(
        actor,
        id,
        expectedVersion,
        "engineering-request.tasks-planned",
        (em, r, now) -> {
          requireOpen(r, "planned (the ERP project is made on the win)");
          r.tasks.clear();
          em.flush();
          int position = 1;
          for (EngineeringTask t : tasks) {
            EngineeringTaskEntity e = new EngineeringTaskEntity();
            e.id = UUID.randomUUID().toString();
            e.request = r;
            e.position = position++;
            e.name = t.name().strip();
            e.effortHours = t.effortHours();
            r.tasks.add(e);
          }
        });
  }

  @Override
  public EngineeringRequest addBom(
      Actor actor, UUID id, long expectedVersion, List<BomLine> lines) {
    require(actor, Resource.ENGINEERING_REQUEST, Action.UPDATE);
    checkBom(lines);
    return change(
        actor,
        id,
        expectedVersion,
        "engineering-request.bom-added",
        (em, r, now) -> {
          if (r.status == EngineeringStatus.CANCELLED) {
            throw new ConflictException("engineering request " + r.id + " is CANCELLED");
          }
          int revision = 1;
          for (EngineeringBomEntity b : r.boms) {
            revision = Math.max(revision, b.revision + 1);
            if (b.status == BomStatus.DRAFT) {
              b.status = BomStatus.SUPERSEDED;
            }
          }
          EngineeringBomEntity b = new EngineeringBomEntity();
          b.id = UUID.randomUUID().toString();
          b.request = r;
          b.revision = revision;
          b.status = BomStatus.DRAFT;
          b.createdBy = actor.user();
          b.createdAt = now;
          int position = 1;
          for (BomLine l : lines) {
            EngineeringBomLineEntity e = new EngineeringBomLineEntity();
            e.id = UUID.randomUUID().toString();
            e.bom = b;
            e.position = position++;
            e.productCode = l.productCode().strip();
            e.quantity = l.quantity();
            b.lines.add(e);
          }
          r.boms.add(b);
        });
  }

  @Override
  public EngineeringRequest releaseBom(Actor actor, UUID id, long expectedVersion, int revision) {
    require(actor, Resource.ENGINEERING_DECISION, Action.UPDATE);
    return change(
        actor,
        id,
        expectedVersion,
        "engineering-request.bom-released",
        (em, r, now) -> {
          if (r.status == EngineeringStatus.CANCELLED) {
            throw new ConflictException("engineering request " + r.id + " is CANCELLED");
          }
          EngineeringBomEntity b =
              r.boms.stream()
                  .filter(x -> x.revision == revision)
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new NotFoundException(
                              "BOM revision", revision + " of engineering request " + r.id));
          if (b.status != BomStatus.DRAFT) {
            throw new ConflictException(
                "BOM revision "
                    + revision
                    + " is "
                    + b.status
                    + ": only a DRAFT is released"
                    + (b.status == BomStatus.RELEASED
                        ? " (a released revision never changes)"
                        : ""));
          }
          if (r.status == EngineeringStatus.WON && r.productCode == null) {
            throw new ConflictException(
                "engineering request " + r.id + " names no product to produce: specify it first");
          }
          EngineeringBomEntity old = EngineeringHooks.released(r);
          if (old != null) {
            old.status = BomStatus.SUPERSEDED;
          }
          b.status = BomStatus.RELEASED;
          b.releasedBy = actor.user();
          b.releasedAt = now;
          em.flush();
          if (r.status == EngineeringStatus.WON) {
            EngineeringHooks.production(em, actor, r, b, now);
          }
        });
  }

  @Override
  public Quote quote(Actor actor, UUID id, long expectedVersion) {
    require(actor, Resource.ENGINEERING_REQUEST, Action.UPDATE);
    require(actor, Resource.QUOTE, Action.CREATE);
    return tx.inTransaction(
        em -> {
          EngineeringRequestEntity r = writable(em, actor, id, expectedVersion);
          requireFeasible(r, "quoted");
          if (r.status != EngineeringStatus.ESTIMATED && r.status != EngineeringStatus.QUOTED) {
            throw new ConflictException(
                "engineering request " + r.id + " is " + r.status + ": only an estimate is quoted");
          }
          if (r.productCode == null) {
            throw new ValidationException(
                List.of(new FieldError("productCode", "is required to quote: specify it first")));
          }
          Instant now = now();
          Map<String, Object> before = EngineeringHooks.image(r);
          BigDecimal price = estimate(r).price();
          BigDecimal unitPrice = price.divide(r.quantity, 4, RoundingMode.HALF_UP);
          String description = "Engineered to order: " + r.productCode;
          QuoteEntity q =
              quotes.create(
                  em,
                  actor,
                  UUID.fromString(r.opportunityId),
                  new QuoteDraft(
                      null,
                      null,
                      null,
                      null,
                      List.of(
                          new QuoteLineDraft(
                              r.productCode, description, r.quantity, unitPrice, null, null))));
          r.quoteId = q.id;
          r.status = EngineeringStatus.QUOTED;
          r.updatedAt = now;
          em.flush();
          AuditLog.record(
              em, actor, AuditAction.UPDATE, RECORD, r.id, before, EngineeringHooks.image(r), now);
          Outbox.append(
              em, RECORD, r.id, "engineering-request.quoted", EngineeringHooks.eventData(r), now);
          return JpaQuoteService.toQuote(em, q);
        });
  }

  // ---------------------------------------------------------------------------------------------

  private interface Step {
    void apply(EntityManager em, EngineeringRequestEntity r, Instant now);
  }

  private EngineeringRequest change(
      Actor actor, UUID id, long expectedVersion, String event, Step step) {
    return tx.inTransaction(
        em -> {
          EngineeringRequestEntity r = writable(em, actor, id, expectedVersion);
          Map<String, Object> before = EngineeringHooks.image(r);
          Instant now = now();
          // Takes the row and raises the version now, whether or not a column of the request
          // itself changes (a BOM or a task list may be all that does).
          em.lock(r, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
          step.apply(em, r, now);
          r.updatedAt = now;
          em.flush();
          AuditLog.record(
              em, actor, AuditAction.UPDATE, RECORD, r.id, before, EngineeringHooks.image(r), now);
          Outbox.append(em, RECORD, r.id, event, EngineeringHooks.eventData(r), now);
          return toRequest(em, r);
        });
  }

  private static void requireOpen(EngineeringRequestEntity r, String what) {
    if (!r.status.open()) {
      throw new ConflictException(
          "engineering request " + r.id + " is " + r.status + " and cannot be " + what);
    }
  }

  private static void requireFeasible(EngineeringRequestEntity r, String what) {
    if (r.feasibility == null) {
      throw new ConflictException(
          "engineering request "
              + r.id
              + " has no feasibility decision yet: it cannot be "
              + what
              + " before engineering decides");
    }
    if (r.feasibility == Feasibility.NOT_FEASIBLE) {
      throw new ConflictException(
          "engineering request " + r.id + " is NOT_FEASIBLE: it cannot be " + what);
    }
  }

  private static void checkSpecification(SpecificationDraft d) {
    if (d == null) {
      throw new ValidationException(List.of(new FieldError("", "a specification is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    if (d.productCode() != null && d.productCode().strip().length() > 100) {
      errors.add(new FieldError("productCode", "must be at most 100 characters"));
    }
    if (!quantity(d.quantity())) {
      errors.add(new FieldError("quantity", "must be greater than 0, at most 4 decimals"));
    }
    if (d.specification() != null && d.specification().length() > MAX_SPECIFICATION) {
      errors.add(
          new FieldError("specification", "must be at most " + MAX_SPECIFICATION + " characters"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private static void checkEstimate(EstimateDraft d) {
    if (d == null) {
      throw new ValidationException(List.of(new FieldError("", "an estimate is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    if (d.lines().isEmpty()) {
      errors.add(new FieldError("lines", "an estimate needs at least one cost line"));
    } else if (d.lines().size() > MAX_LINES) {
      errors.add(new FieldError("lines", "at most " + MAX_LINES + " cost lines"));
    }
    for (int i = 0; i < d.lines().size(); i++) {
      CostLine l = d.lines().get(i);
      String at = "lines[" + i + "].";
      if (l == null) {
        errors.add(new FieldError("lines[" + i + "]", "is required"));
        continue;
      }
      if (l.category() == null) {
        errors.add(
            new FieldError(
                at + "category", "is required: MATERIAL, LABOUR, SUBCONTRACT, OVERHEAD"));
      }
      if (l.description() == null || l.description().isBlank() || l.description().length() > 500) {
        errors.add(new FieldError(at + "description", "is required, at most 500 characters"));
      }
      if (!quantity(l.quantity())) {
        errors.add(new FieldError(at + "quantity", "must be greater than 0, at most 4 decimals"));
      }
      if (l.unitCost() == null
          || l.unitCost().signum() < 0
          || l.unitCost().scale() > 4
          || l.unitCost().precision() - l.unitCost().scale() > 13) {
        errors.add(new FieldError(at + "unitCost", "is required: 0 or more, at most 4 decimals"));
      }
    }
    BigDecimal m = d.marginPercent();
    if (m == null || m.signum() < 0 || m.compareTo(MAX_MARGIN) > 0 || m.scale() > 2) {
      errors.add(new FieldError("marginPercent", "is required: 0 to 1000, at most 2 decimals"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private static void checkTasks(List<EngineeringTask> tasks) {
    if (tasks == null) {
      throw new ValidationException(
          List.of(new FieldError("tasks", "are required (may be empty)")));
    }
    List<FieldError> errors = new ArrayList<>();
    if (tasks.size() > MAX_TASKS) {
      errors.add(new FieldError("tasks", "at most " + MAX_TASKS + " tasks"));
    }
    for (int i = 0; i < tasks.size(); i++) {
      EngineeringTask t = tasks.get(i);
      String at = "tasks[" + i + "].";
      if (t == null) {
        errors.add(new FieldError("tasks[" + i + "]", "is required"));
        continue;
      }
      if (t.name() == null || t.name().isBlank() || t.name().length() > 200) {
        errors.add(new FieldError(at + "name", "is required, at most 200 characters"));
      }
      BigDecimal h = t.effortHours();
      if (h != null && (h.signum() < 0 || h.scale() > 2 || h.precision() - h.scale() > 7)) {
        errors.add(new FieldError(at + "effortHours", "must be 0 or more, at most 2 decimals"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private static void checkBom(List<BomLine> lines) {
    List<FieldError> errors = new ArrayList<>();
    if (lines == null || lines.isEmpty()) {
      throw new ValidationException(
          List.of(new FieldError("lines", "a BOM needs at least one component")));
    }
    if (lines.size() > MAX_LINES) {
      errors.add(new FieldError("lines", "at most " + MAX_LINES + " components"));
    }
    for (int i = 0; i < lines.size(); i++) {
      BomLine l = lines.get(i);
      String at = "lines[" + i + "].";
      if (l == null) {
        errors.add(new FieldError("lines[" + i + "]", "is required"));
        continue;
      }
      if (l.productCode() == null || l.productCode().isBlank() || l.productCode().length() > 100) {
        errors.add(new FieldError(at + "productCode", "is required, at most 100 characters"));
      }
      if (!quantity(l.quantity())) {
        errors.add(new FieldError(at + "quantity", "must be greater than 0, at most 4 decimals"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private static boolean quantity(BigDecimal q) {
    return q != null && q.signum() > 0 && q.scale() <= 4 && q.precision() - q.scale() <= 15;
  }

  private static String baseType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static List<EngineeringAttachmentEntity> attachments(EntityManager em, String requestId) {
    return em.createQuery(
            "select a from EngineeringAttachmentEntity a where a.requestId = :r"
                + " order by a.uploadedAt, a.id",
            EngineeringAttachmentEntity.class)
        .setParameter("r", requestId)
        .getResultList();
  }

  private static EngineeringAttachmentEntity attachment(
      EntityManager em, EngineeringRequestEntity r, UUID attachmentId) {
    EngineeringAttachmentEntity a =
        em.find(EngineeringAttachmentEntity.class, attachmentId.toString());
    if (a == null || !a.requestId.equals(r.id)) {
      throw new NotFoundException("attachment", attachmentId);
    }
    return a;
  }

  private static EngineeringRequestEntity find(EntityManager em, UUID id) {
    EngineeringRequestEntity r = em.find(EngineeringRequestEntity.class, id.toString());
    if (r == null) {
      throw new NotFoundException("engineering request", id);
    }
    return r;
  }

  private EngineeringRequestEntity readable(EntityManager em, Actor actor, UUID id) {
    EngineeringRequestEntity r = find(em, id);
    Visibility.readableThrough(em, actor, policy, r.accountId, "engineering request", id);
    return r;
  }

  private EngineeringRequestEntity writable(EntityManager em, Actor actor, UUID id, Long expected) {
    EngineeringRequestEntity r = readable(em, actor, id);
    Visibility.writable(em, actor, policy, em.find(OrganizationEntity.class, r.accountId));
    if (expected != null && r.version != expected) {
      throw new StaleVersionException(RECORD, id, expected, r.version);
    }
    return r;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Map<String, Object> image(EngineeringAttachmentEntity a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requestId", a.requestId);
    m.put("name", a.name);
    m.put("contentType", a.contentType);
    m.put("size", a.size);
    m.put("sha256", a.sha256);
    return m;
  }

  private static Attachment toAttachment(EngineeringAttachmentEntity a) {
    return new Attachment(
        UUID.fromString(a.id), a.name, a.contentType, a.size, a.sha256, a.uploadedBy, a.uploadedAt);
  }

  /** The estimate as figures: cost per category, the total, the price the margin makes. */
  static Estimate estimate(EngineeringRequestEntity r) {
    if (r.estimatedAt == null) {
      return null;
    }
    Map<CostCategory, BigDecimal> byCategory = new EnumMap<>(CostCategory.class);
    for (CostCategory c : CostCategory.values()) {
      byCategory.put(c, BigDecimal.ZERO.setScale(2));
    }
    List<CostLine> lines = new ArrayList<>();
    BigDecimal cost = BigDecimal.ZERO.setScale(2);
    for (EngineeringCostLineEntity l : r.costLines) {
      CostLine line = new CostLine(l.category, l.description, l.quantity, l.unitCost);
      lines.add(line);
      byCategory.merge(l.category, line.total(), BigDecimal::add);
      cost = cost.add(line.total());
    }
    BigDecimal price =
        cost.multiply(HUNDRED.add(r.marginPercent)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    return new Estimate(
        lines, byCategory, cost, r.marginPercent, price, r.estimatedBy, r.estimatedAt);
  }

  static EngineeringRequest toRequest(EntityManager em, EngineeringRequestEntity r) {
    ErpCommandEntity project = EngineeringHooks.commandById(em, r.projectCommandId);
    ErpCommandEntity production = EngineeringHooks.commandById(em, r.productionCommandId);
    return new EngineeringRequest(
        UUID.fromString(r.id),
        UUID.fromString(r.opportunityId),
        UUID.fromString(r.accountId),
        r.productCode,
        r.quantity,
        r.specification,
        r.status,
        r.feasibility == null
            ? null
            : new FeasibilityDecision(
                r.feasibility, r.feasibilityNote, r.feasibilityBy, r.feasibilityAt),
        estimate(r),
        r.tasks.stream().map(t -> new EngineeringTask(t.name, t.effortHours)).toList(),
        r.boms.stream()
            .map(
                b ->
                    new Bom(
                        b.revision,
                        b.status,
                        b.lines.stream().map(l -> new BomLine(l.productCode, l.quantity)).toList(),
                        b.createdBy,
                        b.createdAt,
                        b.releasedBy,
                        b.releasedAt))
            .toList(),
        attachments(em, r.id).stream().map(JpaEngineeringService::toAttachment).toList(),
        r.quoteId == null ? null : UUID.fromString(r.quoteId),
        project == null ? null : UUID.fromString(project.commandId),
        project == null ? null : project.status,
        production == null ? null : UUID.fromString(production.commandId),
        production == null ? null : production.status,
        r.version,
        r.createdBy,
        r.createdAt,
        r.updatedAt);
  }
}
