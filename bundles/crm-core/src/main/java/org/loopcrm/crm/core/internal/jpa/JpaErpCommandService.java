package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.erp.DocumentKind;
import org.loopcrm.crm.api.erp.ErpCommand;
import org.loopcrm.crm.api.erp.ErpCommandRequest;
import org.loopcrm.crm.api.erp.ErpCommandService;
import org.loopcrm.crm.api.erp.port.BomLine;
import org.loopcrm.crm.api.erp.port.DocumentRef;
import org.loopcrm.crm.api.erp.port.ProjectTask;
import org.loopcrm.crm.api.erp.port.SaleLine;
import org.loopcrm.crm.core.internal.activity.TimelineCursor;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Commands to the ERP over JPA: each is stored with its outbox event in one transaction
 * (decisions.md §27), and its outcome is what the connector reports.
 */
@Component(service = ErpCommandService.class)
public final class JpaErpCommandService implements ErpCommandService {
  static final String RECORD = "erp-command";
  static final String DONE_EVENT = "erp.command.done";
  static final String FAILED_EVENT = "erp.command.failed";
  private static final int MAX_LIMIT = 200;
  private static final int MAX_LINES = 500;
  private static final int MAX_FAILURE = 2000;
  private static final Pattern KEY = Pattern.compile("[\\p{Graph}]{1,100}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final String SRC = "erp";

  private final Transactions tx;
  private final Clock clock;
  private final AccessPolicy policy;

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaErpCommandService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference AccessPolicy policy) {
    this(emf, Clock.systemUTC(), policy);
  }

  JpaErpCommandService(EntityManagerFactory emf, Clock clock, AccessPolicy policy) {
    this.tx = new Transactions(emf);
    this.clock = clock;
    this.policy = policy;
  }

  @Override
  public ErpCommand request(
      Actor actor, UUID accountId, String key, String erpSystem, ErpCommandRequest request) {
    require(actor, Resource.ERP_COMMAND, Action.CREATE);
    String system = erpSystem == null || erpSystem.isBlank() ? null : erpSystem.trim();
    String theKey = key == null ? UUID.randomUUID().toString() : key;
    check(theKey, system, request);
    return tx.inTransaction(
        em -> {
          OrganizationEntity o =
              Visibility.writable(em, actor, policy, JpaAccountService.find(em, accountId));
          return toCommand(place(em, actor, o, theKey, system, request, now()));
        });
  }

  /**
   * Places a command inside the caller's transaction (accepting a quote does): the same key with
   * the same request finds the first command, with another request is a conflict. The caller has
   * checked the actor's access to the account.
   */
  static ErpCommandEntity place(
      EntityManager em,
      Actor actor,
      OrganizationEntity o,
      String key,
      String system,
      ErpCommandRequest request,
      Instant now) {
    return place(em, actor, o, null, key, system, request, now);
  }

  /** The same, for an opportunity: its timeline shows the command and what it made. */
  static ErpCommandEntity place(
      EntityManager em,
      Actor actor,
      OrganizationEntity o,
      String opportunityId,
      String key,
      String system,
      ErpCommandRequest request,
      Instant now) {
    check(key, system, request);
    String json = ErpCommandJson.write(request);
    List<ErpCommandEntity> same =
        em.createQuery(
                "select c from ErpCommandEntity c where c.accountId = :a and c.key = :k",
                ErpCommandEntity.class)
            .setParameter("a", o.id)
            .setParameter("k", key)
            .getResultList();
    if (!same.isEmpty()) {
      ErpCommandEntity c = same.get(0);
      if (!c.request.equals(json) || !Objects.equals(c.erpSystem, system)) {
        throw new ConflictException(
            "key " + key + " was used for another ERP command of this account");
      }
      return c;
    }
    if (o.status == AccountStatus.ARCHIVED) {
      throw new ConflictException("account " + o.id + " is archived: restore it first");
    }
    ErpCommandEntity c = new ErpCommandEntity();
    c.commandId = UUID.randomUUID().toString();
    c.accountId = o.id;
    c.opportunityId = opportunityId;
    c.erpSystem = system;
    c.key = key;
    c.kind = request.kind();
    c.request = json;
    c.status = ErpCommand.Status.PENDING;
    c.attempts = 1;
    c.requestedBy = actor.user();
    c.requestedAt = now;
    em.persist(c);
    em.flush();
    AuditLog.record(em, actor, AuditAction.CREATE, RECORD, c.commandId, null, image(c), now);
    Outbox.append(em, RECORD, c.commandId, REQUESTED, eventData(c), now);
    return c;
  }

  /**
   * Stops the productions requested for an opportunity whose order is cancelled: one {@link
   * ErpCommandRequest.ChangeProduction} to zero per production command, keyed by it, so the CRM's
   * cancellation and the ERP's report of it place each stop once.
   *
   * @return the stop commands (placed now or before)
   */
  static List<ErpCommandEntity> stopProductions(
      EntityManager em,
      Actor actor,
      OrganizationEntity account,
      String opportunityId,
      Instant now) {
    List<ErpCommandEntity> stops = new ArrayList<>();
    for (ErpCommandEntity c :
        em.createQuery(
                "select c from ErpCommandEntity c where c.opportunityId = :o and c.kind = :k"
                    + " and c.status <> :failed order by c.sequence",
                ErpCommandEntity.class)
            .setParameter("o", opportunityId)
            .setParameter("k", DocumentKind.PRODUCTION)
            .setParameter("failed", ErpCommand.Status.FAILED)
            .getResultList()) {
      if (!(ErpCommandJson.read(c.request) instanceof ErpCommandRequest.Production)) {
        continue;
      }
      stops.add(
          place(
              em,
              actor,
              account,
              opportunityId,
              "stop-" + c.commandId,
              c.erpSystem,
              new ErpCommandRequest.ChangeProduction(
                  UUID.fromString(c.commandId), BigDecimal.ZERO, "the order was cancelled"),
              now));
    }
    return stops;
  }

  @Override
  public ErpCommand command(Actor actor, UUID commandId) {
    require(actor, Resource.ERP_COMMAND, Action.READ);
    return tx.readOnly(em -> toCommand(readable(em, actor, commandId)));
  }

  @Override
  public Page<ErpCommand> commands(Actor actor, UUID accountId, int limit, String cursor) {
    require(actor, Resource.ERP_COMMAND, Action.READ);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException(
          List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
    }
    String scope = "erp-commands|" + accountId;
    TimelineCursor after = cursor == null ? null : TimelineCursor.decode(cursor, scope);
    return tx.readOnly(
        em -> {
          OrganizationEntity o =
              Visibility.readable(em, actor, policy, JpaAccountService.find(em, accountId));
          StringBuilder jpql =
              new StringBuilder("select c from ErpCommandEntity c where c.accountId = :a");
          Map<String, Object> params = new LinkedHashMap<>();
          params.put("a", o.id);
          return JpaErpAccountService.page(
              em,
              jpql,
              params,
              after,
              "c.requestedAt",
              "c.sequence",
              ErpCommandEntity.class,
              limit,
              JpaErpCommandService::toCommand,
              c -> new TimelineCursor(scope, c.requestedAt, SRC, c.sequence));
        });
  }

  @Override
  public ErpCommand retry(Actor actor, UUID commandId) {
    require(actor, Resource.ERP_COMMAND, Action.CREATE);
    return tx.inTransaction(
        em -> {
          ErpCommandEntity c = find(em, commandId);
          Visibility.writable(em, actor, policy, JpaAccountService.find(em, account(c)));
          if (c.status != ErpCommand.Status.FAILED) {
            throw new ConflictException(
                "ERP command " + commandId + " is " + c.status + ": only a FAILED one is retried");
          }
          Map<String, Object> before = image(c);
          Instant now = now();
          c.status = ErpCommand.Status.PENDING;
          c.failure = null;
          c.attempts++;
          em.flush();
          AuditLog.record(
              em, actor, AuditAction.UPDATE, RECORD, c.commandId, before, image(c), now);
          Outbox.append(em, RECORD, c.commandId, REQUESTED, eventData(c), now);
          return toCommand(c);
        });
  }

  @Override
  public ErpCommand completed(Actor actor, UUID commandId, DocumentRef document) {
    require(actor, Resource.ERP_COMMAND, Action.UPDATE);
    if (document == null || document.id() == null || document.id().isBlank()) {
      throw new ValidationException(List.of(new FieldError("document", "is required")));
    }
    return tx.inTransaction(
        em -> {
          ErpCommandEntity c = find(em, commandId);
          if (c.status == ErpCommand.Status.DONE) {
            if (document.id().equals(c.documentRef)) {
              return toCommand(c);
            }
            throw new ConflictException(
                "ERP command "
                    + commandId
                    + " is DONE with document "
                    + c.documentRef
                    + ", not "
                    + document.id());
          }
          Map<String, Object> before = image(c);
          Instant now = now();
          c.status = ErpCommand.Status.DONE;
          c.documentRef = document.id();
          c.documentNumber = truncate(document.number(), 64);
          c.documentState = truncate(document.state(), 40);
          c.failure = null;
          c.completedAt = now;
          if (c.erpSystem == null) {
            c.erpSystem = truncate(document.system(), 40);
          }
          em.flush();
          AuditLog.record(
              em, actor, AuditAction.UPDATE, RECORD, c.commandId, before, image(c), now);
          Outbox.append(em, JpaAccountService.ACCOUNT, c.accountId, DONE_EVENT, eventData(c), now);
          if (c.opportunityId != null
              && ErpCommandJson.read(c.request) instanceof ErpCommandRequest.CancelSale) {
            // The ERP cancelled the sale: its opportunity's productions stop with it (§35).
            stopProductions(
                em, actor, em.find(OrganizationEntity.class, c.accountId), c.opportunityId, now);
          }
          return toCommand(c);
        });
  }

  @Override
  public ErpCommand failed(Actor actor, UUID commandId, String reason) {
    require(actor, Resource.ERP_COMMAND, Action.UPDATE);
    String why = reason == null || reason.isBlank() ? "refused by the ERP" : reason;
    return tx.inTransaction(
        em -> {
          ErpCommandEntity c = find(em, commandId);
          if (c.status == ErpCommand.Status.DONE) {
            throw new ConflictException(
                "ERP command " + commandId + " is DONE with document " + c.documentRef);
          }
          Map<String, Object> before = image(c);
          Instant now = now();
          c.status = ErpCommand.Status.FAILED;
          c.failure = truncate(why, MAX_FAILURE);
          c.completedAt = now;
          em.flush();
          AuditLog.record(
              em, actor, AuditAction.UPDATE, RECORD, c.commandId, before, image(c), now);
          Outbox.append(
              em, JpaAccountService.ACCOUNT, c.accountId, FAILED_EVENT, eventData(c), now);
          return toCommand(c);
        });
  }

  // ---------------------------------------------------------------------------------------------

  private static void check(String key, String system, ErpCommandRequest request) {
    List<FieldError> errors = new ArrayList<>();
    if (!KEY.matcher(key).matches()) {
      errors.add(new FieldError("key", "must be 1 to 100 visible characters without spaces"));
    }
    if (system != null && system.length() > 40) {
      errors.add(new FieldError("erpSystem", "must be at most 40 characters"));
    }
    if (request == null) {
      errors.add(new FieldError("kind", "is required: SALE, PRODUCTION or PROJECT"));
    } else if (request instanceof ErpCommandRequest.CancelSale c) {
      checkText(errors, "reason", c.reason(), 500, false);
    } else if (request instanceof ErpCommandRequest.ChangeSale c) {
      checkText(errors, "reason", c.reason(), 500, false);
      if (c.lines().isEmpty() || c.lines().size() > MAX_LINES) {
        errors.add(new FieldError("lines", "must have 1 to " + MAX_LINES + " lines"));
      }
      for (int i = 0; i < c.lines().size(); i++) {
        if (c.lines().get(i).quantity().signum() < 0) {
          errors.add(new FieldError("lines[" + i + "].quantity", "must be 0 (drop it) or more"));
        }
      }
    } else if (request instanceof ErpCommandRequest.ChangeProduction c) {
      checkText(errors, "reason", c.reason(), 500, false);
      if (c.quantity().signum() < 0) {
        errors.add(new FieldError("quantity", "must be 0 (cancel) or more"));
      }
    } else if (request instanceof ErpCommandRequest.Sale s) {
      checkText(errors, "reference", s.reference(), 100, false);
      if (s.currency() != null && !CURRENCY.matcher(s.currency()).matches()) {
        errors.add(new FieldError("currency", "must be an ISO 4217 code such as EUR"));
      }
      if (s.lines().isEmpty() || s.lines().size() > MAX_LINES) {
        errors.add(new FieldError("lines", "must have 1 to " + MAX_LINES + " lines"));
      }
      for (int i = 0; i < s.lines().size(); i++) {
        SaleLine l = s.lines().get(i);
        String at = "lines[" + i + "].";
        checkText(errors, at + "product", l.productCode(), 100, true);
        checkPositive(errors, at + "quantity", l.quantity());
        if (l.unitPrice() != null && l.unitPrice().signum() < 0) {
          errors.add(new FieldError(at + "unitPrice", "must not be negative"));
        }
        checkText(errors, at + "description", l.description(), 500, false);
      }
    } else if (request instanceof ErpCommandRequest.Production p) {
      checkText(errors, "product", p.productCode(), 100, true);
      checkPositive(errors, "quantity", p.quantity());
      checkText(errors, "saleRef", p.saleRef(), 64, false);
      checkText(errors, "reference", p.reference(), 100, false);
      if (p.bom().size() > MAX_LINES) {
        errors.add(new FieldError("bom", "must have at most " + MAX_LINES + " lines"));
      }
      for (int i = 0; i < p.bom().size(); i++) {
        BomLine b = p.bom().get(i);
        checkText(errors, "bom[" + i + "].product", b.productCode(), 100, true);
        checkPositive(errors, "bom[" + i + "].quantity", b.quantity());
      }
      if (p.plannedStart() != null && p.plannedStart().isBefore(LocalDate.of(2000, 1, 1))) {
        errors.add(new FieldError("plannedStart", "must be a date of this century"));
      }
    } else if (request instanceof ErpCommandRequest.Project p) {
      checkText(errors, "name", p.name(), 200, true);
      checkText(errors, "reference", p.reference(), 100, false);
      if (p.tasks().size() > MAX_LINES) {
        errors.add(new FieldError("tasks", "must have at most " + MAX_LINES + " tasks"));
      }
      for (int i = 0; i < p.tasks().size(); i++) {
        ProjectTask t = p.tasks().get(i);
        checkText(errors, "tasks[" + i + "].name", t.name(), 200, true);
        if (t.effortHours() != null && t.effortHours().signum() < 0) {
          errors.add(new FieldError("tasks[" + i + "].effortHours", "must not be negative"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private static void checkText(
      List<FieldError> errors, String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(new FieldError(field, "is required"));
      }
    } else if (value.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
    }
  }

  private static void checkPositive(List<FieldError> errors, String field, BigDecimal value) {
    if (value == null || value.signum() <= 0) {
      errors.add(new FieldError(field, "must be a number greater than 0"));
    }
  }

  private static ErpCommandEntity find(EntityManager em, UUID commandId) {
    List<ErpCommandEntity> found =
        em.createQuery(
                "select c from ErpCommandEntity c where c.commandId = :id", ErpCommandEntity.class)
            .setParameter("id", commandId.toString())
            .getResultList();
    if (found.isEmpty()) {
      throw new NotFoundException("ERP command", commandId);
    }
    return found.get(0);
  }

  private ErpCommandEntity readable(EntityManager em, Actor actor, UUID commandId) {
    ErpCommandEntity c = find(em, commandId);
    Visibility.readableThrough(em, actor, policy, c.accountId, "ERP command", commandId);
    return c;
  }

  private static UUID account(ErpCommandEntity c) {
    return UUID.fromString(c.accountId);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static Map<String, Object> eventData(ErpCommandEntity c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("commandId", c.commandId);
    m.put("accountId", c.accountId);
    m.put("erpSystem", c.erpSystem);
    m.put("kind", c.kind.name());
    m.put("key", c.key);
    m.put("status", c.status.name());
    m.put("attempts", c.attempts);
    m.put("documentRef", c.documentRef);
    m.put("documentNumber", c.documentNumber);
    m.put("failure", c.failure);
    return m;
  }

  private static Map<String, Object> image(ErpCommandEntity c) {
    Map<String, Object> m = eventData(c);
    m.put("request", c.request);
    m.put("documentState", c.documentState);
    return m;
  }

  static ErpCommand toCommand(ErpCommandEntity c) {
    return new ErpCommand(
        UUID.fromString(c.commandId),
        UUID.fromString(c.accountId),
        c.erpSystem,
        c.key,
        ErpCommandJson.read(c.request),
        c.status,
        c.documentRef,
        c.documentNumber,
        c.documentState,
        c.failure,
        c.attempts,
        c.requestedBy,
        c.requestedAt,
        c.completedAt);
  }
}
