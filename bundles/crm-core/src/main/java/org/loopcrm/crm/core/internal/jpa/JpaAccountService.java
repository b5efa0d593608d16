package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.account.AccountRules.checkTransition;
import static org.loopcrm.crm.core.internal.account.AccountRules.validContact;
import static org.loopcrm.crm.core.internal.account.AccountRules.validNewAccount;
import static org.loopcrm.crm.core.internal.account.AccountRules.validUpdate;
import static org.loopcrm.crm.core.internal.security.Permissions.require;
import static org.loopcrm.crm.core.internal.security.Permissions.visible;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.account.AccountSort;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.account.ContactDraft;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.account.Receivables;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.customfield.FieldTarget;
import org.loopcrm.crm.api.lifecycle.TransitionCause;
import org.loopcrm.crm.api.merge.PartyMergedException;
import org.loopcrm.crm.api.plugin.Operation;
import org.loopcrm.crm.api.plugin.Stage;
import org.loopcrm.crm.core.internal.account.Cursor;
import org.loopcrm.crm.core.internal.plugin.PipelineContext;
import org.loopcrm.crm.core.internal.plugin.PluginPipeline;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Accounts and contacts on the JPA persistence unit {@code crm}. */
@Component(service = AccountService.class)
public final class JpaAccountService implements AccountService {
  static final String ACCOUNT = "account";
  private static final int MAX_LIMIT = 200;

  private final Transactions tx;
  private final Clock clock;
  private final PluginPipeline plugins;
  private final AccessPolicy policy;

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaAccountService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference PluginPipeline plugins,
      @Reference AccessPolicy policy) {
    this(emf, Clock.systemUTC(), plugins, policy);
  }

  JpaAccountService(EntityManagerFactory emf, Clock clock) {
    this(emf, clock, new PluginPipeline(), AccessPolicy.privateAccess());
  }

  JpaAccountService(EntityManagerFactory emf, Clock clock, PluginPipeline plugins) {
    this(emf, clock, plugins, AccessPolicy.privateAccess());
  }

  JpaAccountService(
      EntityManagerFactory emf, Clock clock, PluginPipeline plugins, AccessPolicy policy) {
    this.tx = new Transactions(emf);
    this.clock = clock;
    this.plugins = plugins;
    this.policy = policy;
  }

  @Override
  public Account create(Actor actor, AccountDraft draft) {
    require(actor, Resource.ACCOUNT, Action.CREATE);
    PipelineContext ctx =
        new PipelineContext(ACCOUNT, Operation.CREATE, actor, draft, null, setFields(draft));
    plugins.run(ctx, Stage.PRE_VALIDATION, null);
    validNewAccount(actor, ctx.target(AccountDraft.class));
    return tx.inTransaction(em -> create(em, actor, ctx));
  }

  /**
   * Creates an account in the caller's transaction (lead conversion creates an account, a contact
   * and an opportunity in one). The PRE_VALIDATION stage has run on {@code ctx}.
   */
  Account create(EntityManager em, Actor actor, PipelineContext ctx) {
    plugins.run(ctx, Stage.PRE_OPERATION, null);
    AccountDraft d = validNewAccount(actor, ctx.target(AccountDraft.class));
    checkErpRefFree(em, d.erpRef(), null);
    Instant now = now();
    OrganizationEntity o = new OrganizationEntity();
    o.id = UUID.randomUUID().toString();
    o.createdAt = now;
    o.updatedAt = now;
    o.status = AccountStatus.ACTIVE;
    o.receivablesOpen = BigDecimal.ZERO;
    apply(o, d);
    em.persist(o);
    em.flush();
    Map<String, Object> cf =
        CustomFields.merged(em, FieldTarget.ACCOUNT, Map.of(), d.customFields(), true);
    CustomFields.write(em, FieldTarget.ACCOUNT, o.id, cf);
    em.flush();
    plugins.run(ctx, Stage.POST_OPERATION, toAccount(o, cf));
    AuditLog.record(
        em,
        actor,
        AuditAction.CREATE,
        AuditLog.ACCOUNT,
        o.id,
        null,
        CustomFields.audited(image(o), cf),
        now);
    Lifecycle.record(em, o.id, null, o.stage, now, TransitionCause.CREATED, null, null, actor);
    Outbox.append(em, ACCOUNT, o.id, "account.created", snapshot(o, cf, actor), now);
    Outbox.appendAsyncJobs(em, plugins, ctx, o.id, now);
    return visible(actor, toAccount(o, cf));
  }

  /** The pipeline context of an account creation after its PRE_VALIDATION stage. */
  PipelineContext creation(Actor actor, AccountDraft draft) {
    require(actor, Resource.ACCOUNT, Action.CREATE);
    PipelineContext ctx =
        new PipelineContext(ACCOUNT, Operation.CREATE, actor, draft, null, setFields(draft));
    plugins.run(ctx, Stage.PRE_VALIDATION, null);
    validNewAccount(actor, ctx.target(AccountDraft.class));
    return ctx;
  }

  @Override
  public Account get(Actor actor, UUID id) {
    require(actor, Resource.ACCOUNT, Action.READ);
    return visible(actor, tx.readOnly(em -> withValues(em, readable(em, actor, id))));
  }

  @Override
  public Page<Account> list(Actor actor, AccountQuery q) {
    require(actor, Resource.ACCOUNT, Action.READ);
    AccountSort sort = q.sort() == null ? AccountSort.NAME_ASC : q.sort();
    if (q.limit() < 1 || q.limit() > MAX_LIMIT) {
      throw new ValidationException(
          List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
    }
    Cursor after = q.cursor() == null ? null : Cursor.decode(q.cursor(), sort);
    boolean byName = sort == AccountSort.NAME_ASC || sort == AccountSort.NAME_DESC;
    boolean desc = sort == AccountSort.NAME_DESC || sort == AccountSort.CREATED_DESC;
    String key = byName ? "o.sortName" : "o.createdAt";
    String cmp = desc ? "<" : ">";
    StringBuilder jpql =
        new StringBuilder("select o from OrganizationEntity o where o.mergedInto is null");
    Map<String, Object> params = new LinkedHashMap<>();
    if (!q.includeArchived()) {
      jpql.append(" and o.status = :active");
      params.put("active", AccountStatus.ACTIVE);
    }
    if (q.namePrefix() != null && !q.namePrefix().isBlank()) {
      jpql.append(" and o.sortName like :prefix escape '!'");
      params.put("prefix", likePrefix(q.namePrefix()));
    }
    if (q.owner() != null && !q.owner().isBlank()) {
      jpql.append(" and o.owner = :owner");
      params.put("owner", q.owner().strip());
    }
    if (after != null) {
      jpql.append(" and (")
          .append(key)
          .append(' ')
          .append(cmp)
          .append(" :afterKey or (")
          .append(key)
          .append(" = :afterKey and o.id ")
          .append(cmp)
          .append(" :afterId))");
      params.put("afterKey", byName ? after.key() : parseInstant(after.key()));
      params.put("afterId", after.id());
    }
    String dir = desc ? " desc" : " asc";
    String order = " order by " + key + dir + ", o.id" + dir;
    return tx.readOnly(
        em -> {
          Visibility.Circle circle = Visibility.circle(em, actor);
          String visible = Visibility.listCondition(circle, policy);
          if (visible != null) {
            jpql.append(" and ").append(visible);
            Visibility.bind(circle, params);
          }
          String cf =
              CustomFields.filterCondition(
                  em, FieldTarget.ACCOUNT, "o.id", q.customFieldFilters(), params);
          if (cf != null) {
            jpql.append(" and ").append(cf);
          }
          jpql.append(order);
          TypedQuery<OrganizationEntity> query =
              em.createQuery(jpql.toString(), OrganizationEntity.class);
          params.forEach(query::setParameter);
          List<OrganizationEntity> rows = query.setMaxResults(q.limit() + 1).getResultList();
          List<OrganizationEntity> shown = rows.subList(0, Math.min(rows.size(), q.limit()));
          Map<String, Map<String, Object>> values =
              CustomFields.values(em, shown.stream().map(r -> r.id).toList());
          List<Account> items = new ArrayList<>();
          for (OrganizationEntity row : shown) {
            items.add(visible(actor, toAccount(row, values.getOrDefault(row.id, Map.of()))));
          }
          Optional<String> next = Optional.empty();
          if (rows.size() > q.limit()) {
            OrganizationEntity last = rows.get(q.limit() - 1);
            String lastKey = byName ? last.sortName : last.createdAt.toString();
            next = Optional.of(new Cursor(sort, lastKey, last.id).encode());
          }
          return new Page<>(items, next);
        });
  }

  @Override
  public Account update(Actor actor, UUID id, long expectedVersion, AccountDraft draft) {
    require(actor, Resource.ACCOUNT, Action.UPDATE);
    Account current = tx.readOnly(em -> withValues(em, writable(em, actor, id)));
    PipelineContext ctx =
        new PipelineContext(
            ACCOUNT, Operation.UPDATE, actor, draft, current, changedFields(current, draft));
    plugins.run(ctx, Stage.PRE_VALIDATION, null);
    validUpdate(ctx.target(AccountDraft.class));
    return tx.inTransaction(
        em -> {
          OrganizationEntity o = findForChange(em, actor, id, expectedVersion);
          requireActive(o);
          plugins.run(ctx, Stage.PRE_OPERATION, null);
          AccountDraft d = validUpdate(ctx.target(AccountDraft.class));
          checkTransition(o.stage, d.stage());
          if (o.stage != d.stage() && Lifecycle.hasPurchases(em, o.id)) {
            throw new ConflictException(
                "account "
                    + o.id
                    + " has purchases: its stage follows the lifecycle rules (GET /lifecycle/rules)"
                    + " and stays "
                    + o.stage);
          }
          checkErpRefFree(em, d.erpRef(), o.id);
          LifecycleStage stageBefore = o.stage;
          Map<String, Object> cfBefore = CustomFields.values(em, o.id);
          Map<String, Object> cf =
              CustomFields.merged(em, FieldTarget.ACCOUNT, cfBefore, d.customFields(), false);
          Map<String, Object> before = CustomFields.audited(image(o), cfBefore);
          apply(o, d);
          CustomFields.write(em, FieldTarget.ACCOUNT, o.id, cf);
          o.updatedAt = now();
          Lifecycle.recordManual(em, o.id, stageBefore, o.stage, o.updatedAt, actor);
          em.flush();
          plugins.run(ctx, Stage.POST_OPERATION, toAccount(o, cf));
          AuditLog.record(
              em,
              actor,
              AuditAction.UPDATE,
              AuditLog.ACCOUNT,
              o.id,
              before,
              CustomFields.audited(image(o), cf),
              o.updatedAt);
          Outbox.append(em, ACCOUNT, o.id, "account.updated", snapshot(o, cf, actor), o.updatedAt);
          Outbox.appendAsyncJobs(em, plugins, ctx, o.id, o.updatedAt);
          return visible(actor, toAccount(o, cf));
        });
  }

  /** The fields a create sets. */
  static Set<String> setFields(AccountDraft d) {
    Set<String> fields = new HashSet<>();
    if (d != null) {
      if (d.name() != null) {
        fields.add("name");
      }
      if (d.erpRef() != null) {
        fields.add("erpRef");
      }
      if (d.taxId() != null) {
        fields.add("taxId");
      }
      if (d.owner() != null) {
        fields.add("owner");
      }
      if (d.stage() != null) {
        fields.add("stage");
      }
      if (d.customFields() != null) {
        d.customFields().keySet().forEach(k -> fields.add("customFields." + k));
      }
    }
    return fields;
  }

  /** The fields an update changes. */
  static Set<String> changedFields(Account current, AccountDraft d) {
    Set<String> fields = new HashSet<>();
    if (d != null) {
      if (!Objects.equals(current.name(), d.name())) {
        fields.add("name");
      }
      if (!Objects.equals(current.erpRef(), d.erpRef())) {
        fields.add("erpRef");
      }
      if (!Objects.equals(current.taxId(), d.taxId())) {
        fields.add("taxId");
      }
      if (!Objects.equals(current.owner(), d.owner())) {
        fields.add("owner");
      }
      if (current.stage() != d.stage()) {
        fields.add("stage");
      }
      if (d.customFields() != null) {
        d.customFields()
            .forEach(
                (k, v) -> {
                  if (!String.valueOf(current.customFields().get(k)).equals(String.valueOf(v))) {
                    fields.add("customFields." + k);
                  }
                });
      }
    }
    return fields;
  }

  @Override
  public Account archive(Actor actor, UUID id, long expectedVersion) {
    return changeStatus(
        actor,
        id,
        expectedVersion,
        AccountStatus.ARCHIVED,
        AuditAction.ARCHIVE,
        "account.archived");
  }

  @Override
  public Account restore(Actor actor, UUID id, long expectedVersion) {
    return changeStatus(
        actor, id, expectedVersion, AccountStatus.ACTIVE, AuditAction.RESTORE, "account.restored");
  }

  private Account changeStatus(
      Actor actor,
      UUID id,
      long expectedVersion,
      AccountStatus target,
      AuditAction action,
      String eventType) {
    require(actor, Resource.ACCOUNT, Action.ARCHIVE);
    Account current = tx.readOnly(em -> withValues(em, writable(em, actor, id)));
    PipelineContext ctx =
        new PipelineContext(
            ACCOUNT, Operation.STATE_CHANGE, actor, target, current, Set.of("status"));
    plugins.run(ctx, Stage.PRE_VALIDATION, null);
    return tx.inTransaction(
        em -> {
          OrganizationEntity o = findForChange(em, actor, id, expectedVersion);
          if (o.status == target) {
            throw new ConflictException("account " + id + " is " + target + " already");
          }
          plugins.run(ctx, Stage.PRE_OPERATION, null);
          Map<String, Object> before = image(o);
          o.status = target;
          o.updatedAt = now();
          em.flush();
          Map<String, Object> cf = CustomFields.values(em, o.id);
          plugins.run(ctx, Stage.POST_OPERATION, toAccount(o, cf));
          AuditLog.record(em, actor, action, AuditLog.ACCOUNT, o.id, before, image(o), o.updatedAt);
          Outbox.append(em, ACCOUNT, o.id, eventType, snapshot(o, cf, actor), o.updatedAt);
          Outbox.appendAsyncJobs(em, plugins, ctx, o.id, o.updatedAt);
          return visible(actor, toAccount(o, cf));
        });
  }

  @Override
  public void delete(Actor actor, UUID id, long expectedVersion) {
    require(actor, Resource.ACCOUNT, Action.DELETE);
    Account current = tx.readOnly(em -> withValues(em, writable(em, actor, id)));
    PipelineContext ctx =
        new PipelineContext(
            ACCOUNT,
            Operation.DELETE,
            actor,
            id,
            current,
            Set.of("name", "erpRef", "taxId", "owner", "stage"));
    plugins.run(ctx, Stage.PRE_VALIDATION, null);
    tx.inTransaction(
        em -> {
          OrganizationEntity o = findForChange(em, actor, id, expectedVersion);
          if (o.status != AccountStatus.ARCHIVED) {
            throw new ConflictException("account " + id + " must be archived before it is deleted");
          }
          plugins.run(ctx, Stage.PRE_OPERATION, null);
          Instant now = now();
          removeOrganisationLinks(em, o.id);
          for (PartyRelationshipEntity r : contactLinks(em, o.id)) {
            PersonEntity p = em.find(PersonEntity.class, r.fromPartyId);
            em.remove(r);
            if (p != null) {
              AuditLog.record(
                  em,
                  actor,
                  AuditAction.DELETE,
                  AuditLog.CONTACT,
                  p.id,
                  CustomFields.audited(image(p, r), CustomFields.values(em, p.id)),
                  null,
                  now);
              em.remove(p);
            }
          }
          Activities.deleteForAccount(em, actor, o.id, now);
          Lifecycle.deleteForAccount(em, o.id);
          AuditLog.record(
              em,
              actor,
              AuditAction.DELETE,
              AuditLog.ACCOUNT,
              o.id,
              CustomFields.audited(image(o), CustomFields.values(em, o.id)),
              null,
              now);
          Map<String, Object> data = new LinkedHashMap<>();
          data.put("id", o.id);
          data.put("erpRef", o.erpRef);
          data.put("by", actor.user());
          data.put("channel", actor.channel());
          em.remove(o);
          em.flush();
          plugins.run(ctx, Stage.POST_OPERATION, null);
          Outbox.append(em, ACCOUNT, o.id, "account.deleted", data, now);
          Outbox.appendAsyncJobs(em, plugins, ctx, o.id, now);
          return null;
        });
  }

  @Override
  public Contact addContact(Actor actor, UUID accountId, ContactDraft draft) {
    require(actor, Resource.CONTACT, Action.CREATE);
    ContactDraft d = validContact(draft);
    return tx.inTransaction(em -> addContact(em, actor, accountId, d));
  }

  /** Adds a contact in the caller's transaction; the draft is valid (see validContact). */
  Contact addContact(EntityManager em, Actor actor, UUID accountId, ContactDraft d) {
    require(actor, Resource.CONTACT, Action.CREATE);
    OrganizationEntity o = writable(em, actor, accountId);
    requireActive(o);
    Instant now = now();
    PersonEntity p = new PersonEntity();
    p.id = UUID.randomUUID().toString();
    p.createdAt = now;
    p.updatedAt = now;
    apply(p, d);
    em.persist(p);
    em.flush();
    Map<String, Object> cf =
        CustomFields.merged(em, FieldTarget.CONTACT, Map.of(), d.customFields(), true);
    CustomFields.write(em, FieldTarget.CONTACT, p.id, cf);
    PartyRelationshipEntity r = new PartyRelationshipEntity();
    r.id = UUID.randomUUID().toString();
    r.type = PartyRelationshipEntity.Type.CONTACT_OF;
    r.fromPartyId = p.id;
    r.toPartyId = o.id;
    r.title = d.title();
    r.fromDate = now;
    em.persist(r);
    AuditLog.record(
        em,
        actor,
        AuditAction.CREATE,
        AuditLog.CONTACT,
        p.id,
        null,
        CustomFields.audited(image(p, r), cf),
        now);
    Contact c = toContact(p, r, cf);
    Outbox.append(em, ACCOUNT, o.id, "contact.added", contactData(c, actor), now);
    return c;
  }

  @Override
  public List<Contact> contacts(Actor actor, UUID accountId) {
    require(actor, Resource.CONTACT, Action.READ);
    return tx.readOnly(
        em -> {
          readable(em, actor, accountId);
          List<Object[]> rows =
              em.createQuery(
                      "select p, r from PersonEntity p, PartyRelationshipEntity r"
                          + " where r.fromPartyId = p.id and r.toPartyId = :org"
                          + " and r.type = :type and r.thruDate is null"
                          + " order by p.lastName, p.firstName, p.id",
                      Object[].class)
                  .setParameter("org", accountId.toString())
                  .setParameter("type", PartyRelationshipEntity.Type.CONTACT_OF)
                  .getResultList();
          Map<String, Map<String, Object>> values =
              CustomFields.values(
                  em, rows.stream().map(row -> ((PersonEntity) row[0]).id).toList());
          List<Contact> out = new ArrayList<>(rows.size());
          for (Object[] row : rows) {
            PersonEntity p = (PersonEntity) row[0];
            out.add(
                toContact(
                    p, (PartyRelationshipEntity) row[1], values.getOrDefault(p.id, Map.of())));
          }
          return out;
        });
  }

  @Override
  public Contact contact(Actor actor, UUID accountId, UUID contactId) {
    require(actor, Resource.CONTACT, Action.READ);
    return tx.readOnly(
        em -> {
          readable(em, actor, accountId);
          PartyRelationshipEntity r = findLink(em, accountId, contactId);
          return toContact(
              em.find(PersonEntity.class, r.fromPartyId),
              r,
              CustomFields.values(em, r.fromPartyId));
        });
  }

  @Override
  public Contact updateContact(
      Actor actor, UUID accountId, UUID contactId, long expectedVersion, ContactDraft draft) {
    require(actor, Resource.CONTACT, Action.UPDATE);
    ContactDraft d = validContact(draft);
    return tx.inTransaction(
        em -> {
          requireActive(writable(em, actor, accountId));
          PartyRelationshipEntity r = findLink(em, accountId, contactId);
          PersonEntity p = em.find(PersonEntity.class, r.fromPartyId);
          checkVersion("contact", contactId, expectedVersion, p.version);
          if (p.erasedAt != null) {
            throw new ConflictException(
                "contact " + contactId + " was erased (GDPR): its data cannot be entered again");
          }
          Map<String, Object> cfBefore = CustomFields.values(em, p.id);
          Map<String, Object> cf =
              CustomFields.merged(em, FieldTarget.CONTACT, cfBefore, d.customFields(), false);
          Map<String, Object> before = CustomFields.audited(image(p, r), cfBefore);
          apply(p, d);
          r.title = d.title();
          CustomFields.write(em, FieldTarget.CONTACT, p.id, cf);
          p.updatedAt = now();
          em.flush();
          AuditLog.record(
              em,
              actor,
              AuditAction.UPDATE,
              AuditLog.CONTACT,
              p.id,
              before,
              CustomFields.audited(image(p, r), cf),
              p.updatedAt);
          Contact c = toContact(p, r, cf);
          Outbox.append(
              em,
              ACCOUNT,
              accountId.toString(),
              "contact.updated",
              contactData(c, actor),
              p.updatedAt);
          return c;
        });
  }

  @Override
  public void removeContact(Actor actor, UUID accountId, UUID contactId, long expectedVersion) {
    require(actor, Resource.CONTACT, Action.DELETE);
    tx.inTransaction(
        em -> {
          requireActive(writable(em, actor, accountId));
          PartyRelationshipEntity r = findLink(em, accountId, contactId);
          PersonEntity p = em.find(PersonEntity.class, r.fromPartyId);
          checkVersion("contact", contactId, expectedVersion, p.version);
          Map<String, Object> cf = CustomFields.values(em, p.id);
          Contact c = toContact(p, r, cf);
          Instant now = now();
          AuditLog.record(
              em,
              actor,
              AuditAction.DELETE,
              AuditLog.CONTACT,
              p.id,
              CustomFields.audited(image(p, r), cf),
              null,
              now);
          Activities.forgetContact(em, p.id);
          em.remove(r);
          em.remove(p);
          Outbox.append(
              em, ACCOUNT, accountId.toString(), "contact.removed", contactData(c, actor), now);
          return null;
        });
  }

  // --- helpers

  private Instant now() {
    // Microseconds: what both H2 and PostgreSQL store, so cursors compare exactly.
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  static OrganizationEntity find(EntityManager em, UUID id) {
    OrganizationEntity o = em.find(OrganizationEntity.class, id.toString());
    if (o == null) {
      throw new NotFoundException(ACCOUNT, id);
    }
    if (o.mergedInto != null) {
      throw new PartyMergedException(ACCOUNT, id, UUID.fromString(o.mergedInto));
    }
    return o;
  }

  private OrganizationEntity findForChange(EntityManager em, Actor actor, UUID id, long expected) {
    OrganizationEntity o = writable(em, actor, id);
    checkVersion(ACCOUNT, id, expected, o.version);
    return o;
  }

  private OrganizationEntity readable(EntityManager em, Actor actor, UUID id) {
    return Visibility.readable(em, actor, policy, find(em, id));
  }

  private OrganizationEntity writable(EntityManager em, Actor actor, UUID id) {
    return Visibility.writable(em, actor, policy, find(em, id));
  }

  private static void checkVersion(String kind, UUID id, long expected, long current) {
    if (expected != current) {
      throw new StaleVersionException(kind, id, expected, current);
    }
  }

  private static void requireActive(OrganizationEntity o) {
    if (o.status == AccountStatus.ARCHIVED) {
      throw new ConflictException("account " + o.id + " is archived: restore it first");
    }
  }

  static void checkErpRefFree(EntityManager em, String erpRef, String exceptId) {
    if (erpRef == null) {
      return;
    }
    List<String> ids =
        em.createQuery("select o.id from OrganizationEntity o where o.erpRef = :ref", String.class)
            .setParameter("ref", erpRef)
            .getResultList();
    if (!ids.isEmpty() && !ids.get(0).equals(exceptId)) {
      throw new ConflictException("ERP reference " + erpRef + " belongs to account " + ids.get(0));
    }
  }

  /**
   * Removes the account's parent and partner links (ended ones too) before it is deleted; refuses
   * while it still has subsidiaries, which would lose their parent silently.
   */
  private static void removeOrganisationLinks(EntityManager em, String orgId) {
    List<String> children =
        em.createQuery(
                "select r.fromPartyId from PartyRelationshipEntity r where r.toPartyId = :org"
                    + " and r.type = :type and r.thruDate is null",
                String.class)
            .setParameter("org", orgId)
            .setParameter("type", PartyRelationshipEntity.Type.SUBSIDIARY_OF)
            .getResultList();
    if (!children.isEmpty()) {
      throw new ConflictException(
          "account "
              + orgId
              + " is the parent of "
              + children.size()
              + " account(s): give them another parent or none first");
    }
    em.createQuery(
            "delete from PartyRelationshipEntity r where (r.fromPartyId = :org or r.toPartyId ="
                + " :org) and r.type <> :contact")
        .setParameter("org", orgId)
        .setParameter("contact", PartyRelationshipEntity.Type.CONTACT_OF)
        .executeUpdate();
  }

  private static List<PartyRelationshipEntity> contactLinks(EntityManager em, String orgId) {
    return em.createQuery(
            "select r from PartyRelationshipEntity r where r.toPartyId = :org and r.type = :type",
            PartyRelationshipEntity.class)
        .setParameter("org", orgId)
        .setParameter("type", PartyRelationshipEntity.Type.CONTACT_OF)
        .getResultList();
  }

  private static PartyRelationshipEntity findLink(
      EntityManager em, UUID accountId, UUID contactId) {
    List<PartyRelationshipEntity> links =
        em.createQuery(
                "select r from PartyRelationshipEntity r where r.toPartyId = :org"
                    + " and r.fromPartyId = :person and r.type = :type",
                PartyRelationshipEntity.class)
            .setParameter("org", accountId.toString())
            .setParameter("person", contactId.toString())
            .setParameter("type", PartyRelationshipEntity.Type.CONTACT_OF)
            .getResultList();
    if (links.isEmpty()) {
      find(em, accountId);
      PersonEntity merged = em.find(PersonEntity.class, contactId.toString());
      if (merged != null && merged.mergedInto != null) {
        throw new PartyMergedException("contact", contactId, UUID.fromString(merged.mergedInto));
      }
      throw new NotFoundException("contact", contactId);
    }
    return links.get(0);
  }

  static void apply(OrganizationEntity o, AccountDraft d) {
    o.name = d.name();
    o.sortName = d.name().toLowerCase(Locale.ROOT);
    o.erpRef = d.erpRef();
    o.taxId = d.taxId();
    o.owner = d.owner();
    o.stage = d.stage();
  }

  private static void apply(PersonEntity p, ContactDraft d) {
    p.firstName = d.firstName();
    p.lastName = d.lastName();
    p.email = d.email();
    p.phone = d.phone();
  }

  private static String likePrefix(String prefix) {
    String p = prefix.strip().toLowerCase(Locale.ROOT);
    return p.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }

  private static Instant parseInstant(String text) {
    try {
      return Instant.parse(text);
    } catch (RuntimeException e) {
      throw new ValidationException(
          List.of(new FieldError("cursor", "is not a cursor this API returned")));
    }
  }

  static Account toAccount(OrganizationEntity o) {
    return toAccount(o, null);
  }

  /** The account with its custom field values, read in the caller's transaction. */
  static Account withValues(EntityManager em, OrganizationEntity o) {
    return toAccount(o, CustomFields.values(em, o.id));
  }

  static Account toAccount(OrganizationEntity o, Map<String, Object> customFields) {
    return new Account(
        UUID.fromString(o.id),
        o.name,
        o.erpRef,
        o.taxId,
        o.owner,
        o.stage,
        o.status,
        new Receivables(
            o.receivablesOpen.stripTrailingZeros(),
            o.receivablesCurrency,
            o.invoiceCount,
            o.lastInvoice,
            o.receivablesUpdatedAt),
        o.version,
        o.createdAt,
        o.updatedAt,
        customFields);
  }

  private static Contact toContact(
      PersonEntity p, PartyRelationshipEntity r, Map<String, Object> customFields) {
    return new Contact(
        UUID.fromString(p.id),
        UUID.fromString(r.toPartyId),
        p.firstName,
        p.lastName,
        p.email,
        p.phone,
        r.title,
        p.version,
        p.createdAt,
        p.updatedAt,
        customFields);
  }

  /** The audited fields of an account, named as the API names them. */
  static Map<String, Object> image(OrganizationEntity o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", o.name);
    m.put("erpRef", o.erpRef);
    m.put("taxId", o.taxId);
    m.put("owner", o.owner);
    m.put("stage", o.stage);
    m.put("status", o.status);
    return m;
  }

  /** The audited fields of a contact, named as the API names them. */
  private static Map<String, Object> image(PersonEntity p, PartyRelationshipEntity r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("accountId", r.toPartyId);
    m.put("firstName", p.firstName);
    m.put("lastName", p.lastName);
    m.put("email", p.email);
    m.put("phone", p.phone);
    m.put("title", r.title);
    return m;
  }

  static Map<String, Object> snapshot(OrganizationEntity o, Actor actor) {
    return snapshot(o, null, actor);
  }

  /** The event payload of an account; with its custom field values when they are given. */
  static Map<String, Object> snapshot(
      OrganizationEntity o, Map<String, Object> customFields, Actor actor) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.id);
    m.put("name", o.name);
    m.put("erpRef", o.erpRef);
    m.put("taxId", o.taxId);
    m.put("owner", o.owner);
    m.put("stage", o.stage);
    m.put("status", o.status);
    if (customFields != null) {
      m.put("customFields", CustomFields.payload(customFields));
    }
    m.put("version", o.version);
    m.put("by", actor.user());
    m.put("channel", actor.channel());
    return m;
  }

  private static Map<String, Object> contactData(Contact c, Actor actor) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("accountId", c.accountId());
    m.put("firstName", c.firstName());
    m.put("lastName", c.lastName());
    m.put("email", c.email());
    m.put("phone", c.phone());
    m.put("title", c.title());
    m.put("customFields", CustomFields.payload(c.customFields()));
    m.put("version", c.version());
    m.put("by", actor.user());
    m.put("channel", actor.channel());
    return m;
  }
}
