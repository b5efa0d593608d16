package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.assignment.Assignment;
import org.loopcrm.crm.api.assignment.RecordKind;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.servicecase.CaseDraft;
import org.loopcrm.crm.api.servicecase.CaseEvent;
import org.loopcrm.crm.api.servicecase.CaseEventKind;
import org.loopcrm.crm.api.servicecase.CasePriority;
import org.loopcrm.crm.api.servicecase.CaseQuery;
import org.loopcrm.crm.api.servicecase.CaseService;
import org.loopcrm.crm.api.servicecase.CaseStatus;
import org.loopcrm.crm.api.servicecase.ServiceCase;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Service cases over JPA (decisions.md §36). Each operation is one transaction: the change, its
 * thread entry, its assignment, its audit entry and its outbox event commit together. A case is
 * visible to its owner's circle, to whoever sees its account, and to those it is shared with.
 */
@Component(service = CaseService.class)
public final class JpaCaseService implements CaseService {
  static final String RECORD = "case";
  static final String CREATED = "case.created";
  static final String UPDATED = "case.updated";
  static final String STATUS_CHANGED = "case.status-changed";
  static final String COMMENTED = "case.commented";
  private static final int MAX_LIMIT = 200;
  private static final int MAX_TEXT = 10_000;
  private static final int MAX_NOTE = 2_000;
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,49}");

  private final Transactions tx;
  private final Clock clock;
  private final AccessPolicy policy;

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaCaseService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference AccessPolicy policy) {
    this(emf, Clock.systemUTC(), policy);
  }

  JpaCaseService(EntityManagerFactory emf, Clock clock, AccessPolicy policy) {
    this.tx = new Transactions(emf);
    this.clock = clock;
    this.policy = policy;
  }

  @Override
  public ServiceCase create(Actor actor, CaseDraft draft) {
    require(actor, Resource.CASE, Action.CREATE);
    CaseDraft d = check(draft, true);
    return tx.inTransaction(
        em -> {
          OrganizationEntity account = JpaAccountService.find(em, d.accountId());
          Visibility.readable(em, actor, policy, account);
          if (account.status == AccountStatus.ARCHIVED) {
            throw new ConflictException(
                "account " + account.id + " is archived: restore it before opening a case");
          }
          if (d.contactId() != null) {
            JpaActivityService.requireContact(em, account.id, d.contactId());
          }
          Instant now = now();
          CaseNumberEntity n = new CaseNumberEntity();
          n.createdAt = now;
          em.persist(n);
          em.flush();
          CaseEntity c = new CaseEntity();
          c.id = UUID.randomUUID().toString();
          c.number = String.format("CASE-%06d", n.sequence);
          c.accountId = account.id;
          c.channel = d.channel();
          c.status = CaseStatus.NEW;
          c.owner = d.owner() == null ? actor.user() : d.owner();
          c.createdBy = actor.user();
          c.createdAt = now;
          c.updatedAt = now;
          apply(c, d);
          em.persist(c);
          em.flush();
          if (d.owner() == null) {
            Assignment a =
                AssignmentEngine.assign(
                    em, actor, RecordKind.CASE, c.id, attributes(em, c, account), now);
            if (a.owner() != null) {
              c.owner = a.owner();
              c.responseDueAt = a.responseDueAt();
            }
          }
          event(em, c, CaseEventKind.CREATED, null, CaseStatus.NEW, null, actor, now);
          em.flush();
          AuditLog.record(em, actor, AuditAction.CREATE, RECORD, c.id, null, image(c), now);
          Outbox.append(em, RECORD, c.id, CREATED, eventData(c), now);
          return toCase(c);
        });
  }

  @Override
  public ServiceCase get(Actor actor, UUID id) {
    require(actor, Resource.CASE, Action.READ);
    return tx.readOnly(em -> toCase(readable(em, actor, policy, id)));
  }

  @Override
  public Page<ServiceCase> list(Actor actor, CaseQuery query) {
    require(actor, Resource.CASE, Action.READ);
    if (query == null || query.limit() < 1 || query.limit() > MAX_LIMIT) {
      throw new ValidationException(
          List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
    }
    String[] after = query.cursor() == null ? null : decode(query.cursor());
    return tx.readOnly(
        em -> {
          StringBuilder jpql =
              new StringBuilder(
                  "select c from CaseEntity c, OrganizationEntity o where o.id = c.accountId");
          Map<String, Object> params = new LinkedHashMap<>();
          Visibility.Circle circle = Visibility.circle(em, actor);
          String byAccount = Visibility.listCondition(circle, policy);
          String byCase = Visibility.ownedListCondition(circle, policy, "c", RECORD);
          if (byAccount != null && byCase != null) {
            jpql.append(" and (").append(byCase).append(" or ").append(byAccount).append(')');
            Visibility.bind(circle, params);
          }
          if (query.status() != null) {
            jpql.append(" and c.status = :status");
            params.put("status", query.status());
          }
          if (query.owner() != null && !query.owner().isBlank()) {
            jpql.append(" and c.owner = :owner");
            params.put("owner", query.owner().strip());
          }
          if (query.accountId() != null) {
            jpql.append(" and c.accountId = :account");
            params.put("account", query.accountId().toString());
          }
          if (query.priority() != null) {
            jpql.append(" and c.priority = :priority");
            params.put("priority", query.priority());
          }
          if (after != null) {
            jpql.append(
                " and (c.createdAt < :afterAt or (c.createdAt = :afterAt and c.id < :afterId))");
            params.put("afterAt", Instant.parse(after[0]));
            params.put("afterId", after[1]);
          }
          jpql.append(" order by c.createdAt desc, c.id desc");
          TypedQuery<CaseEntity> q = em.createQuery(jpql.toString(), CaseEntity.class);
          params.forEach(q::setParameter);
          List<CaseEntity> rows = q.setMaxResults(query.limit() + 1).getResultList();
          boolean more = rows.size() > query.limit();
          List<CaseEntity> page = more ? rows.subList(0, query.limit()) : rows;
          Optional<String> next =
              more ? Optional.of(encode(page.get(page.size() - 1))) : Optional.empty();
          return new Page<>(page.stream().map(JpaCaseService::toCase).toList(), next);
        });
  }

  @Override
  public ServiceCase update(Actor actor, UUID id, long expectedVersion, CaseDraft draft) {
    require(actor, Resource.CASE, Action.UPDATE);
    CaseDraft d = check(draft, false);
    return tx.inTransaction(
        em -> {
          CaseEntity c = writable(em, actor, id, expectedVersion);
          if (c.status == CaseStatus.CLOSED) {
            throw new ConflictException("case " + c.number + " is CLOSED: it no longer changes");
          }
          if (d.accountId() != null && !d.accountId().toString().equals(c.accountId)) {
            throw new ValidationException(List.of(new FieldError("accountId", "cannot change")));
          }
          if (d.contactId() != null) {
            JpaActivityService.requireContact(em, c.accountId, d.contactId());
          }
          Map<String, Object> before = image(c);
          String owner = c.owner;
          if (d.channel() != null) {
            c.channel = d.channel();
          }
          apply(c, d);
          if (d.owner() != null && !d.owner().equals(owner)) {
            c.owner = d.owner();
            AssignmentEngine.ownerChanged(em, RecordKind.CASE, c.id, c.owner);
          }
          if (before.equals(image(c))) {
            return toCase(c);
          }
          Instant now = now();
          c.updatedAt = now;
          em.flush();
          AuditLog.record(em, actor, AuditAction.UPDATE, RECORD, c.id, before, image(c), now);
          Outbox.append(em, RECORD, c.id, UPDATED, eventData(c), now);
          return toCase(c);
        });
  }

  @Override
  public ServiceCase transition(
      Actor actor, UUID id, long expectedVersion, CaseStatus to, String note) {
    require(actor, Resource.CASE, Action.UPDATE);
    if (to == null) {
      throw new ValidationException(
          List.of(
              new FieldError(
                  "status", "is required: OPEN, WAITING_ON_CUSTOMER, RESOLVED or CLOSED")));
    }
    String why = note == null || note.isBlank() ? null : note.strip();
    if (why != null && why.length() > MAX_NOTE) {
      throw new ValidationException(
          List.of(new FieldError("note", "must be at most " + MAX_NOTE + " characters")));
    }
    return tx.inTransaction(
        em -> {
          CaseEntity c = writable(em, actor, id, expectedVersion);
          CaseStatus from = c.status;
          if (!from.canBecome(to)) {
            throw new ConflictException(
                "case " + c.number + " is " + from + ": it cannot become " + to);
          }
          Map<String, Object> before = image(c);
          Instant now = now();
          if (from == CaseStatus.NEW) {
            responded(em, c, now);
          }
          c.status = to;
          if (to == CaseStatus.RESOLVED) {
            c.resolvedAt = now;
            AssignmentEngine.closed(em, RecordKind.CASE, c.id);
          } else if (to == CaseStatus.CLOSED) {
            c.closedAt = now;
            AssignmentEngine.closed(em, RecordKind.CASE, c.id);
          }
          c.updatedAt = now;
          event(em, c, CaseEventKind.STATUS_CHANGED, from, to, why, actor, now);
          em.flush();
          AuditLog.record(em, actor, AuditAction.UPDATE, RECORD, c.id, before, image(c), now);
          Map<String, Object> data = eventData(c);
          data.put("from", from.name());
          Outbox.append(em, RECORD, c.id, STATUS_CHANGED, data, now);
          return toCase(c);
        });
  }

  @Override
  public CaseEvent comment(Actor actor, UUID id, CaseEventKind kind, String body) {
    require(actor, Resource.CASE, Action.UPDATE);
    List<FieldError> errors = new ArrayList<>();
    if (kind != CaseEventKind.REPLY && kind != CaseEventKind.NOTE) {
      errors.add(new FieldError("kind", "must be REPLY or NOTE"));
    }
    String text = body == null ? "" : body.strip();
    if (text.isEmpty() || text.length() > MAX_TEXT) {
      errors.add(new FieldError("body", "must be 1 to " + MAX_TEXT + " characters"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return tx.inTransaction(
        em -> {
          CaseEntity c = writable(em, actor, id, null);
          if (c.status == CaseStatus.CLOSED) {
            throw new ConflictException(
                "case " + c.number + " is CLOSED: it takes no more replies or notes");
          }
          Instant now = now();
          Map<String, Object> before = image(c);
          if (kind == CaseEventKind.REPLY) {
            // Every reply answers the current assignment (a case given to somebody else by the
            // sweep waits for its new owner's answer); the case keeps its first response.
            if (c.firstResponseAt == null) {
              c.updatedAt = now;
            }
            responded(em, c, now);
          }
          CaseEventEntity e = event(em, c, kind, null, null, text, actor, now);
          em.flush();
          Map<String, Object> after = image(c);
          after.put(kind == CaseEventKind.REPLY ? "reply" : "note", e.id);
          AuditLog.record(em, actor, AuditAction.UPDATE, RECORD, c.id, before, after, now);
          Map<String, Object> data = eventData(c);
          data.put("kind", kind.name());
          data.put("eventId", e.id);
          Outbox.append(em, RECORD, c.id, COMMENTED, data, now);
          return toEvent(e);
        });
  }

  @Override
  public List<CaseEvent> events(Actor actor, UUID id) {
    require(actor, Resource.CASE, Action.READ);
    return tx.readOnly(
        em -> {
          CaseEntity c = readable(em, actor, policy, id);
          return em
              .createQuery(
                  "select e from CaseEventEntity e where e.caseId = :c order by e.sequence",
                  CaseEventEntity.class)
              .setParameter("c", c.id)
              .getResultList()
              .stream()
              .map(JpaCaseService::toEvent)
              .toList();
        });
  }

  // --- access

  static CaseEntity find(EntityManager em, UUID id) {
    CaseEntity c = em.find(CaseEntity.class, id.toString());
    if (c == null) {
      throw new NotFoundException(RECORD, id);
    }
    return c;
  }

  /**
   * What the actor may do with the case: the best of its owner's circle and shares (the case's own)
   * and the actor's access to the account.
   */
  static RecordAccess access(EntityManager em, Actor actor, AccessPolicy policy, CaseEntity c) {
    Visibility.Circle circle = Visibility.circle(em, actor);
    RecordAccess own = Visibility.owned(em, circle, policy, RECORD, c.id, c.owner);
    if (own == RecordAccess.WRITE) {
      return own;
    }
    OrganizationEntity o = em.find(OrganizationEntity.class, c.accountId);
    RecordAccess byAccount =
        o == null ? RecordAccess.NONE : Visibility.access(em, circle, policy, o);
    return byAccount.includes(own) ? byAccount : own;
  }

  /** The case if the actor may read it; not found otherwise. */
  static CaseEntity readable(EntityManager em, Actor actor, AccessPolicy policy, UUID id) {
    CaseEntity c = find(em, id);
    if (access(em, actor, policy, c) == RecordAccess.NONE) {
      throw new NotFoundException(RECORD, id);
    }
    return c;
  }

  /** The case if the actor may change it; not found or access denied otherwise. */
  static CaseEntity writable(EntityManager em, Actor actor, AccessPolicy policy, UUID id) {
    CaseEntity c = find(em, id);
    RecordAccess a = access(em, actor, policy, c);
    if (a == RecordAccess.NONE) {
      throw new NotFoundException(RECORD, id);
    }
    if (a != RecordAccess.WRITE) {
      throw new AccessDeniedException(
          "user " + actor.user() + " may read case " + c.number + " but not change it");
    }
    return c;
  }

  private CaseEntity writable(EntityManager em, Actor actor, UUID id, Long expected) {
    CaseEntity c = writable(em, actor, policy, id);
    if (expected != null && c.version != expected) {
      throw new StaleVersionException(RECORD, id, expected, c.version);
    }
    return c;
  }

  // --- helpers

  /** The first response: the deadline of the assignment no longer escalates. */
  private static void responded(EntityManager em, CaseEntity c, Instant now) {
    if (c.firstResponseAt == null) {
      c.firstResponseAt = now;
    }
    AssignmentEngine.responded(em, RecordKind.CASE, c.id, now);
  }

  private static CaseEventEntity event(
      EntityManager em,
      CaseEntity c,
      CaseEventKind kind,
      CaseStatus from,
      CaseStatus to,
      String body,
      Actor actor,
      Instant now) {
    CaseEventEntity e = new CaseEventEntity();
    e.id = UUID.randomUUID().toString();
    e.caseId = c.id;
    e.accountId = c.accountId;
    e.kind = kind;
    e.timelineKind = timelineKind(kind, to);
    e.from = from;
    e.to = to;
    e.body = body;
    e.user = actor.user();
    e.at = now;
    em.persist(e);
    return e;
  }

  /** The kind on the account's timeline: case.created, case.open, …, case.reply, case.note. */
  static String timelineKind(CaseEventKind kind, CaseStatus to) {
    return switch (kind) {
      case CREATED -> "case.created";
      case STATUS_CHANGED -> "case." + to.name().toLowerCase(Locale.ROOT);
      case REPLY -> "case.reply";
      case NOTE -> "case.note";
    };
  }

  /** What CASE rules test (decisions.md §36). */
  static Map<String, String> attributes(EntityManager em, CaseEntity c, OrganizationEntity a) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("channel", c.channel.name());
    m.put("priority", c.priority.name());
    m.put("category", c.category);
    m.put("product", c.productCode);
    m.put("accountId", a.id);
    m.put("accountOwner", a.owner);
    m.put("accountName", a.name);
    List<ContactMechanismEntity> postal =
        em.createQuery(
                "select m from ContactMechanismEntity m where m.partyId = :p and m.kind = :k"
                    + " order by case when m.primaryKind is null then 1 else 0 end, m.createdAt",
                ContactMechanismEntity.class)
            .setParameter("p", a.id)
            .setParameter("k", MechanismKind.POSTAL)
            .setMaxResults(1)
            .getResultList();
    if (!postal.isEmpty()) {
      m.put("country", postal.get(0).country);
      m.put("region", postal.get(0).region);
      m.put("postcode", postal.get(0).postalCode);
    }
    return m;
  }

  private static CaseDraft check(CaseDraft d, boolean creating) {
    if (d == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    if (creating && d.accountId() == null) {
      errors.add(new FieldError("accountId", "is required"));
    }
    if (creating && d.channel() == null) {
      errors.add(new FieldError("channel", "is required: EMAIL, PHONE, WEB or PORTAL"));
    }
    String subject = d.subject() == null ? "" : d.subject().strip();
    if (subject.isEmpty() || subject.length() > 200) {
      errors.add(new FieldError("subject", "must be 1 to 200 characters"));
    }
    if (d.description() != null && d.description().length() > MAX_TEXT) {
      errors.add(new FieldError("description", "must be at most " + MAX_TEXT + " characters"));
    }
    if (d.category() != null
        && !d.category().isBlank()
        && !CODE.matcher(d.category().strip()).matches()) {
      errors.add(new FieldError("category", "must be a short code such as billing or returns"));
    }
    if (d.productCode() != null
        && !d.productCode().isBlank()
        && (d.productCode().strip().length() > 64 || d.productCode().strip().contains(" "))) {
      errors.add(new FieldError("productCode", "must be a product code without blanks"));
    }
    if (d.owner() != null
        && !org.loopcrm.crm.core.internal.security.Permissions.USER_NAME
            .matcher(d.owner())
            .matches()) {
      errors.add(new FieldError("owner", "must be a user name of at most 100 characters"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return d;
  }

  private static void apply(CaseEntity c, CaseDraft d) {
    c.subject = d.subject().strip();
    c.description = blankToNull(d.description());
    c.priority = d.priority() == null ? CasePriority.NORMAL : d.priority();
    c.category = blankToNull(d.category());
    if (c.category != null) {
      c.category = c.category.toLowerCase(Locale.ROOT);
    }
    c.productCode = blankToNull(d.productCode());
    if (d.contactId() != null) {
      c.contactId = d.contactId().toString();
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static String encode(CaseEntity c) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("c1|" + c.createdAt + "|" + c.id).getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decode(String cursor) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
      if (parts.length != 3 || !parts[0].equals("c1")) {
        throw new IllegalArgumentException();
      }
      Instant.parse(parts[1]);
      UUID.fromString(parts[2]);
      return new String[] {parts[1], parts[2]};
    } catch (RuntimeException e) {
      throw new ValidationException(
          List.of(new FieldError("cursor", "is not a cursor of this listing")));
    }
  }

  private static Map<String, Object> image(CaseEntity c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", c.number);
    m.put("accountId", c.accountId);
    m.put("contactId", c.contactId);
    m.put("subject", c.subject);
    m.put("description", c.description);
    m.put("channel", c.channel);
    m.put("priority", c.priority);
    m.put("category", c.category);
    m.put("productCode", c.productCode);
    m.put("status", c.status);
    m.put("owner", c.owner);
    m.put("responseDueAt", c.responseDueAt);
    m.put("firstResponseAt", c.firstResponseAt);
    return m;
  }

  private static Map<String, Object> eventData(CaseEntity c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("caseId", c.id);
    m.put("number", c.number);
    m.put("accountId", c.accountId);
    m.put("status", c.status.name());
    m.put("priority", c.priority.name());
    m.put("owner", c.owner);
    return m;
  }

  static ServiceCase toCase(CaseEntity c) {
    return new ServiceCase(
        UUID.fromString(c.id),
        c.number,
        UUID.fromString(c.accountId),
        c.contactId == null ? null : UUID.fromString(c.contactId),
        c.subject,
        c.description,
        c.channel,
        c.priority,
        c.category,
        c.productCode,
        c.status,
        c.owner,
        c.responseDueAt,
        c.firstResponseAt,
        c.resolvedAt,
        c.closedAt,
        c.version,
        c.createdBy,
        c.createdAt,
        c.updatedAt);
  }

  static CaseEvent toEvent(CaseEventEntity e) {
    return new CaseEvent(
        UUID.fromString(e.id),
        UUID.fromString(e.caseId),
        e.kind,
        e.from,
        e.to,
        e.body,
        e.user,
        e.at);
  }
}
