package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.require;
import static org.loopcrm.crm.core.internal.security.Permissions.visible;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
import org.loopcrm.crm.api.account.AccountSort;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.merge.PartyMergedException;
import org.loopcrm.crm.api.party.ContactMechanism;
import org.loopcrm.crm.api.party.ContactMechanismDraft;
import org.loopcrm.crm.api.party.ExternalRef;
import org.loopcrm.crm.api.party.ExternalRefDraft;
import org.loopcrm.crm.api.party.MechanismConsent;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.party.MechanismPurpose;
import org.loopcrm.crm.api.party.PartyFilter;
import org.loopcrm.crm.api.party.PartyKey;
import org.loopcrm.crm.api.party.PartyRole;
import org.loopcrm.crm.api.party.PartyRoleDraft;
import org.loopcrm.crm.api.party.PartyService;
import org.loopcrm.crm.api.party.PostalAddress;
import org.loopcrm.crm.api.privacy.ConsentChannel;
import org.loopcrm.crm.api.privacy.ConsentDraft;
import org.loopcrm.crm.core.internal.account.Cursor;
import org.loopcrm.crm.core.internal.party.PartyRules;
import org.loopcrm.crm.core.internal.privacy.PrivacyRules;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Contact mechanisms, roles, external references and tags of accounts and their contacts, on the
 * {@code crm} persistence unit. Every detail follows its account: reads need read access to the
 * account, writes write access (decisions.md §12). Mechanisms are audited as records of their own
 * ({@code contact-mechanism}); roles, references and tags as changes of their party's record.
 * Consent on a mechanism is a decision in the consent register that names the mechanism: there is
 * no second consent store (decisions.md §14).
 */
@Component(service = PartyService.class)
public final class JpaPartyService implements PartyService {
  private static final int MAX_LIMIT = 200;
  private static final String MECHANISM = "contact mechanism";

  private final Transactions tx;
  private final Clock clock;
  private final AccessPolicy policy;

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaPartyService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference AccessPolicy policy) {
    this(emf, Clock.systemUTC(), policy);
  }

  JpaPartyService(EntityManagerFactory emf, Clock clock, AccessPolicy policy) {
    this.tx = new Transactions(emf);
    this.clock = clock;
    this.policy = policy;
  }

  /** The party addressed, with its account, its audit record type and whether it is a person. */
  private record Party(OrganizationEntity account, PersonEntity person) {
    String id() {
      return person == null ? account.id : person.id;
    }

    String recordType() {
      return person == null ? AuditLog.ACCOUNT : AuditLog.CONTACT;
    }
  }

  // --- contact mechanisms

  @Override
  public List<ContactMechanism> mechanisms(Actor actor, PartyKey key) {
    require(actor, Resource.CONTACT_MECHANISM, Action.READ);
    return tx.readOnly(
        em -> {
          Party p = readable(em, actor, key);
          List<ContactMechanismEntity> rows =
              em.createQuery(
                      "select m from ContactMechanismEntity m where m.partyId = :p",
                      ContactMechanismEntity.class)
                  .setParameter("p", p.id())
                  .getResultList();
          Map<String, List<ConsentDecisionEntity>> consents = currentConsents(em, p);
          return rows.stream()
              .sorted(
                  Comparator.comparing((ContactMechanismEntity m) -> m.kind)
                      .thenComparing(m -> m.primaryKind == null)
                      .thenComparing(m -> m.createdAt)
                      .thenComparing(m -> m.id))
              .map(m -> toMechanism(m, p, consents))
              .toList();
        });
  }

  @Override
  public ContactMechanism mechanism(Actor actor, PartyKey key, UUID mechanismId) {
    require(actor, Resource.CONTACT_MECHANISM, Action.READ);
    return tx.readOnly(
        em -> {
          Party p = readable(em, actor, key);
          return toMechanism(findMechanism(em, p, mechanismId), p, currentConsents(em, p));
        });
  }

  @Override
  public ContactMechanism addMechanism(Actor actor, PartyKey key, ContactMechanismDraft draft) {
    require(actor, Resource.CONTACT_MECHANISM, Action.CREATE);
    ContactMechanismDraft d = PartyRules.valid(draft);
    return tx.inTransaction(
        em -> {
          Party p = writable(em, actor, key);
          ContactMechanismEntity m = new ContactMechanismEntity();
          m.id = UUID.randomUUID().toString();
          m.partyId = p.id();
          m.kind = d.kind();
          apply(m, d);
          checkPrimaryFree(em, m);
          Instant now = now();
          m.createdAt = now;
          m.updatedAt = now;
          em.persist(m);
          em.flush();
          AuditLog.record(
              em, actor, AuditAction.CREATE, AuditLog.CONTACT_MECHANISM, m.id, null, image(m), now);
          Outbox.append(
              em,
              JpaAccountService.ACCOUNT,
              p.account.id,
              "contact-mechanism.added",
              mechanismData(m, p, actor),
              now);
          return toMechanism(m, p, currentConsents(em, p));
        });
  }

  @Override
  public ContactMechanism updateMechanism(
      Actor actor,
      PartyKey key,
      UUID mechanismId,
      long expectedVersion,
      ContactMechanismDraft draft) {
    require(actor, Resource.CONTACT_MECHANISM, Action.UPDATE);
    ContactMechanismDraft d = PartyRules.valid(draft);
    return tx.inTransaction(
        em -> {
          Party p = writable(em, actor, key);
          ContactMechanismEntity m = findMechanism(em, p, mechanismId);
          checkVersion(mechanismId, expectedVersion, m.version);
          if (m.kind != d.kind()) {
            throw new ValidationException(
                List.of(new FieldError("kind", "cannot change: remove and add the mechanism")));
          }
          Map<String, Object> before = image(m);
          apply(m, d);
          checkPrimaryFree(em, m);
          Map<String, Object> after = image(m);
          if (!before.equals(after)) {
            m.updatedAt = now();
            em.flush();
            AuditLog.record(
                em,
                actor,
                AuditAction.UPDATE,
                AuditLog.CONTACT_MECHANISM,
                m.id,
                before,
                after,
                m.updatedAt);
            Outbox.append(
                em,
                JpaAccountService.ACCOUNT,
                p.account.id,
                "contact-mechanism.updated",
                mechanismData(m, p, actor),
                m.updatedAt);
          }
          return toMechanism(m, p, currentConsents(em, p));
        });
  }

  @Override
  public void removeMechanism(Actor actor, PartyKey key, UUID mechanismId, long expectedVersion) {
    require(actor, Resource.CONTACT_MECHANISM, Action.DELETE);
    tx.inTransaction(
        em -> {
          Party p = writable(em, actor, key);
          ContactMechanismEntity m = findMechanism(em, p, mechanismId);
          checkVersion(mechanismId, expectedVersion, m.version);
          Instant now = now();
          Map<String, Object> data = mechanismData(m, p, actor);
          AuditLog.record(
              em, actor, AuditAction.DELETE, AuditLog.CONTACT_MECHANISM, m.id, image(m), null, now);
          em.remove(m);
          Outbox.append(
              em, JpaAccountService.ACCOUNT, p.account.id, "contact-mechanism.removed", data, now);
          return null;
        });
  }

  @Override
  public ContactMechanism recordConsent(
      Actor actor, PartyKey key, UUID mechanismId, ConsentDraft draft) {
    require(actor, Resource.CONSENT, Action.CREATE);
    require(actor, Resource.CONTACT_MECHANISM, Action.READ);
    return tx.inTransaction(
        em -> {
          // Reading is enough to record consent, as in the register: a withdrawal is never
          // refused for want of write access (decisions.md §10).
          Party p = readable(em, actor, key);
          ContactMechanismEntity m = findMechanism(em, p, mechanismId);
          if (p.person == null) {
            throw new ValidationException(
                List.of(
                    new FieldError(
                        "mechanismId",
                        "belongs to an organization: consent is recorded for contacts (persons)")));
          }
          Set<ConsentChannel> channels = channels(m.kind);
          ConsentDraft given = draft;
          if (given != null && given.channel() == null && !channels.isEmpty()) {
            given =
                new ConsentDraft(
                    given.purpose(),
                    channels.iterator().next(),
                    given.status(),
                    given.source(),
                    given.evidence());
          }
          ConsentDraft d = PrivacyRules.valid(given);
          if (!channels.contains(d.channel())) {
            throw new ValidationException(
                List.of(
                    new FieldError(
                        "channel",
                        channels.isEmpty()
                            ? "a " + m.kind + " mechanism takes no consent"
                            : "must be one of " + channels + " for a " + m.kind + " mechanism")));
          }
          JpaPrivacyService.decide(em, actor, p.person, d, m.id, now());
          em.flush();
          return toMechanism(m, p, currentConsents(em, p));
        });
  }

  /** The consent channels a mechanism of this kind reaches the person through. */
  static Set<ConsentChannel> channels(MechanismKind kind) {
    return switch (kind) {
      case EMAIL -> EnumSet.of(ConsentChannel.EMAIL);
      case PHONE -> EnumSet.of(ConsentChannel.PHONE, ConsentChannel.SMS, ConsentChannel.MESSAGING);
      case POSTAL -> EnumSet.of(ConsentChannel.POST);
      case SOCIAL -> EnumSet.of(ConsentChannel.MESSAGING);
      case WEB -> EnumSet.noneOf(ConsentChannel.class);
    };
  }

  // --- roles

  @Override
  public List<PartyRole> roles(Actor actor, PartyKey key) {
    require(actor, Resource.PARTY_ROLE, Action.READ);
    return tx.readOnly(
        em -> {
          Party p = readable(em, actor, key);
          return rolesOf(em, p.id()).stream().map(r -> toRole(r, p)).toList();
        });
  }

  @Override
  public PartyRole addRole(Actor actor, PartyKey key, PartyRoleDraft draft) {
    require(actor, Resource.PARTY_ROLE, Action.CREATE);
    PartyRoleDraft d = PartyRules.valid(draft, today());
    return tx.inTransaction(
        em -> {
          Party p = writable(em, actor, key);
          for (PartyRoleEntity r : rolesOf(em, p.id())) {
            if (r.role == d.role()
                && overlaps(r.fromDate, r.thruDate, d.fromDate(), d.thruDate())) {
              throw new ConflictException(
                  "party "
                      + p.id()
                      + " is "
                      + d.role()
                      + " from "
                      + r.fromDate
                      + (r.thruDate == null ? "" : " thru " + r.thruDate)
                      + " already (role "
                      + r.id
                      + ")");
            }
          }
          Instant now = now();
          PartyRoleEntity r = new PartyRoleEntity();
          r.id = UUID.randomUUID().toString();
          r.partyId = p.id();
          r.role = d.role();
          r.fromDate = d.fromDate();
          r.thruDate = d.thruDate();
          r.createdAt = now;
          em.persist(r);
          AuditLog.record(
              em,
              actor,
              AuditAction.UPDATE,
              p.recordType(),
              p.id(),
              single(roleField(r), null),
              single(roleField(r), period(r)),
              now);
          Outbox.append(
              em,
              JpaAccountService.ACCOUNT,
              p.account.id,
              "party-role.added",
              roleData(r, p, actor),
              now);
          return toRole(r, p);
        });
  }

  @Override
  public void removeRole(Actor actor, PartyKey key, UUID roleId) {
    require(actor, Resource.PARTY_ROLE, Action.DELETE);
    tx.inTransaction(
        em -> {
          Party p = writable(em, actor, key);
          PartyRoleEntity r = em.find(PartyRoleEntity.class, roleId.toString());
          if (r == null || !r.partyId.equals(p.id())) {
            throw new NotFoundException("party role", roleId);
          }
          Instant now = now();
          AuditLog.record(
              em,
              actor,
              AuditAction.UPDATE,
              p.recordType(),
              p.id(),
              single(roleField(r), period(r)),
              single(roleField(r), null),
              now);
          Map<String, Object> data = roleData(r, p, actor);
          em.remove(r);
          Outbox.append(
              em, JpaAccountService.ACCOUNT, p.account.id, "party-role.removed", data, now);
          return null;
        });
  }

  // --- external references

  @Override
  public List<ExternalRef> externalRefs(Actor actor, PartyKey key) {
    require(actor, Resource.EXTERNAL_REF, Action.READ);
    return tx.readOnly(
        em -> {
          Party p = readable(em, actor, key);
          return em
              .createQuery(
                  "select r from ExternalRefEntity r where r.partyId = :p"
                      + " order by r.system, r.externalId",
                  ExternalRefEntity.class)
              .setParameter("p", p.id())
              .getResultList()
              .stream()
              .map(r -> toRef(r, p))
              .toList();
        });
  }

  @Override
  public ExternalRef addExternalRef(Actor actor, PartyKey key, ExternalRefDraft draft) {
    require(actor, Resource.EXTERNAL_REF, Action.CREATE);
    ExternalRefDraft d = PartyRules.valid(draft);
    return tx.inTransaction(
        em -> {
          Party p = writable(em, actor, key);
          if (findRef(em, d.system(), d.externalId()).isPresent()) {
            // Says neither which party holds it nor whether the caller could see it.
            throw new ConflictException(
                "external reference "
                    + d.system()
                    + " "
                    + d.externalId()
                    + " belongs to a party already");
          }
          Instant now = now();
          ExternalRefEntity r = new ExternalRefEntity();
          r.id = UUID.randomUUID().toString();
          r.partyId = p.id();
          r.system = d.system();
          r.externalId = d.externalId();
          r.createdAt = now;
          em.persist(r);
          em.flush();
          String field = "externalRef." + r.system;
          AuditLog.record(
              em,
              actor,
              AuditAction.UPDATE,
              p.recordType(),
              p.id(),
              single(field, null),
              single(field, r.externalId),
              now);
          Outbox.append(
              em,
              JpaAccountService.ACCOUNT,
              p.account.id,
              "external-ref.added",
              refData(r, p, actor),
              now);
          return toRef(r, p);
        });
  }

  @Override
  public void removeExternalRef(Actor actor, PartyKey key, UUID refId) {
    require(actor, Resource.EXTERNAL_REF, Action.DELETE);
    tx.inTransaction(
        em -> {
          Party p = writable(em, actor, key);
          ExternalRefEntity r = em.find(ExternalRefEntity.class, refId.toString());
          if (r == null || !r.partyId.equals(p.id())) {
            throw new NotFoundException("external reference", refId);
          }
          Instant now = now();
          String field = "externalRef." + r.system;
          AuditLog.record(
              em,
              actor,
              AuditAction.UPDATE,
              p.recordType(),
              p.id(),
              single(field, r.externalId),
              single(field, null),
              now);
          Map<String, Object> data = refData(r, p, actor);
          em.remove(r);
          Outbox.append(
              em, JpaAccountService.ACCOUNT, p.account.id, "external-ref.removed", data, now);
          return null;
        });
  }

  @Override
  public ExternalRef findByExternalRef(Actor actor, String system, String externalId) {
    require(actor, Resource.EXTERNAL_REF, Action.READ);
    List<FieldError> errors = new ArrayList<>();
    String s = PartyRules.system(system, errors);
    String id = PartyRules.externalId(externalId, errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return tx.readOnly(
        em -> {
          ExternalRefEntity r =
              findRef(em, s, id)
                  .orElseThrow(() -> new NotFoundException("external reference", s + " " + id));
          OrganizationEntity o = accountOf(em, r.partyId);
          if (o == null
              || Visibility.access(em, actor, policy, o)
                  == org.loopcrm.crm.api.access.RecordAccess.NONE) {
            throw new NotFoundException("external reference", s + " " + id);
          }
          PersonEntity person =
              r.partyId.equals(o.id) ? null : em.find(PersonEntity.class, r.partyId);
          return toRef(r, new Party(o, person));
        });
  }

  // --- tags

  @Override
  public List<String> tags(Actor actor, PartyKey key) {
    require(actor, Resource.TAG, Action.READ);
    return tx.readOnly(em -> tagsOf(em, readable(em, actor, key).id()));
  }

  @Override
  public List<String> addTag(Actor actor, PartyKey key, String tag) {
    require(actor, Resource.TAG, Action.CREATE);
    String t = PartyRules.tag(tag);
    return tx.inTransaction(
        em -> {
          Party p = writable(em, actor, key);
          List<String> before = tagsOf(em, p.id());
          if (before.contains(t)) {
            return before;
          }
          Instant now = now();
          PartyTagEntity e = new PartyTagEntity();
          e.id = UUID.randomUUID().toString();
          e.partyId = p.id();
          e.tag = t;
          e.createdAt = now;
          em.persist(e);
          return tagsChanged(em, actor, p, t, before, "tag.added", now);
        });
  }

  @Override
  public List<String> removeTag(Actor actor, PartyKey key, String tag) {
    require(actor, Resource.TAG, Action.DELETE);
    String t = PartyRules.tag(tag);
    return tx.inTransaction(
        em -> {
          Party p = writable(em, actor, key);
          List<PartyTagEntity> found =
              em.createQuery(
                      "select t from PartyTagEntity t where t.partyId = :p and t.tag = :tag",
                      PartyTagEntity.class)
                  .setParameter("p", p.id())
                  .setParameter("tag", t)
                  .getResultList();
          if (found.isEmpty()) {
            throw new NotFoundException("tag", t);
          }
          List<String> before = tagsOf(em, p.id());
          em.remove(found.get(0));
          return tagsChanged(em, actor, p, t, before, "tag.removed", now());
        });
  }

  /** Audits a tag change as a field change of the party and writes its event; the tags after. */
  private static List<String> tagsChanged(
      EntityManager em,
      Actor actor,
      Party p,
      String tag,
      List<String> before,
      String eventType,
      Instant now) {
    em.flush();
    List<String> after = tagsOf(em, p.id());
    AuditLog.record(
        em,
        actor,
        AuditAction.UPDATE,
        p.recordType(),
        p.id(),
        single("tags", String.join(",", before)),
        single("tags", String.join(",", after)),
        now);
    Outbox.append(
        em, JpaAccountService.ACCOUNT, p.account.id, eventType, tagData(tag, after, p, actor), now);
    return after;
  }

  // --- accounts by role and tag

  @Override
  public Page<Account> accounts(Actor actor, PartyFilter f) {
    require(actor, Resource.ACCOUNT, Action.READ);
    if (f == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    if (f.limit() < 1 || f.limit() > MAX_LIMIT) {
      throw new ValidationException(
          List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
    }
    if (f.role() == null && (f.tag() == null || f.tag().isBlank())) {
      throw new ValidationException(List.of(new FieldError("role", "give a role or a tag")));
    }
    String tag = f.tag() == null || f.tag().isBlank() ? null : PartyRules.tag(f.tag());
    LocalDate on = f.on() == null ? today() : f.on();
    Cursor after = f.cursor() == null ? null : Cursor.decode(f.cursor(), AccountSort.NAME_ASC);
    StringBuilder jpql =
        new StringBuilder("select o from OrganizationEntity o where o.status = :active");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("active", AccountStatus.ACTIVE);
    if (f.role() != null) {
      jpql.append(
          " and exists (select r.id from PartyRoleEntity r where r.partyId = o.id"
              + " and r.role = :role and r.fromDate <= :on"
              + " and (r.thruDate is null or r.thruDate >= :on))");
      params.put("role", f.role());
      params.put("on", on);
    }
    if (tag != null) {
      jpql.append(
          " and exists (select t.id from PartyTagEntity t where t.partyId = o.id"
              + " and t.tag = :tag)");
      params.put("tag", tag);
    }
    if (after != null) {
      jpql.append(" and (o.sortName > :afterKey or (o.sortName = :afterKey and o.id > :afterId))");
      params.put("afterKey", after.key());
      params.put("afterId", after.id());
    }
    return tx.readOnly(
        em -> {
          Visibility.Circle circle = Visibility.circle(em, actor);
          String condition = Visibility.listCondition(circle, policy);
          if (condition != null) {
            jpql.append(" and ").append(condition);
            Visibility.bind(circle, params);
          }
          jpql.append(" order by o.sortName asc, o.id asc");
          TypedQuery<OrganizationEntity> q =
              em.createQuery(jpql.toString(), OrganizationEntity.class);
          params.forEach(q::setParameter);
          List<OrganizationEntity> rows = q.setMaxResults(f.limit() + 1).getResultList();
          List<Account> items = new ArrayList<>();
          for (int i = 0; i < Math.min(rows.size(), f.limit()); i++) {
            items.add(visible(actor, JpaAccountService.toAccount(rows.get(i))));
          }
          Optional<String> next = Optional.empty();
          if (rows.size() > f.limit()) {
            OrganizationEntity last = rows.get(f.limit() - 1);
            next = Optional.of(new Cursor(AccountSort.NAME_ASC, last.sortName, last.id).encode());
          }
          return new Page<>(items, next);
        });
  }

  // --- helpers

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /**
   * The account a party is or belongs to: itself for an organization, the (first) account a person
   * is a contact of; null if there is none.
   */
  static OrganizationEntity accountOf(EntityManager em, String partyId) {
    OrganizationEntity o = em.find(OrganizationEntity.class, partyId);
    if (o != null) {
      return o;
    }
    List<String> accounts =
        em.createQuery(
                "select r.toPartyId from PartyRelationshipEntity r"
                    + " where r.fromPartyId = :person and r.type = :type order by r.fromDate",
                String.class)
            .setParameter("person", partyId)
            .setParameter("type", PartyRelationshipEntity.Type.CONTACT_OF)
            .getResultList();
    return accounts.isEmpty() ? null : em.find(OrganizationEntity.class, accounts.get(0));
  }

  private Party readable(EntityManager em, Actor actor, PartyKey key) {
    OrganizationEntity o = Visibility.readable(em, actor, policy, account(em, key));
    return new Party(o, person(em, key));
  }

  private Party writable(EntityManager em, Actor actor, PartyKey key) {
    OrganizationEntity o = Visibility.writable(em, actor, policy, account(em, key));
    if (o.status == AccountStatus.ARCHIVED) {
      throw new ConflictException("account " + o.id + " is archived: restore it first");
    }
    PersonEntity person = person(em, key);
    if (person != null && person.erasedAt != null) {
      throw new ConflictException(
          "contact " + person.id + " was erased (GDPR): its data cannot be entered again");
    }
    return new Party(o, person);
  }

  private static OrganizationEntity account(EntityManager em, PartyKey key) {
    if (key == null || key.accountId() == null) {
      throw new ValidationException(List.of(new FieldError("accountId", "is required")));
    }
    return JpaAccountService.find(em, key.accountId());
  }

  /** The contact of the key, if it names one; not found unless it is a contact of the account. */
  private static PersonEntity person(EntityManager em, PartyKey key) {
    if (key.contactId() == null) {
      return null;
    }
    Long links =
        em.createQuery(
                "select count(r) from PartyRelationshipEntity r where r.toPartyId = :org"
                    + " and r.fromPartyId = :person and r.type = :type",
                Long.class)
            .setParameter("org", key.accountId().toString())
            .setParameter("person", key.contactId().toString())
            .setParameter("type", PartyRelationshipEntity.Type.CONTACT_OF)
            .getSingleResult();
    PersonEntity p = links == 0 ? null : em.find(PersonEntity.class, key.contactId().toString());
    if (p == null) {
      PersonEntity merged = em.find(PersonEntity.class, key.contactId().toString());
      if (merged != null && merged.mergedInto != null) {
        throw new PartyMergedException(
            "contact", key.contactId(), UUID.fromString(merged.mergedInto));
      }
      throw new NotFoundException("contact", key.contactId());
    }
    return p;
  }

  private static ContactMechanismEntity findMechanism(EntityManager em, Party p, UUID id) {
    ContactMechanismEntity m = em.find(ContactMechanismEntity.class, id.toString());
    if (m == null || !m.partyId.equals(p.id())) {
      throw new NotFoundException(MECHANISM, id);
    }
    return m;
  }

  private static void checkVersion(UUID id, long expected, long current) {
    if (expected != current) {
      throw new StaleVersionException(MECHANISM, id, expected, current);
    }
  }

  /** One PRIMARY per kind per party: a second one is a conflict (the database enforces it too). */
  private static void checkPrimaryFree(EntityManager em, ContactMechanismEntity m) {
    if (m.primaryKind == null) {
      return;
    }
    List<String> others =
        em.createQuery(
                "select m.id from ContactMechanismEntity m where m.partyId = :p"
                    + " and m.primaryKind = :kind and m.id <> :id",
                String.class)
            .setParameter("p", m.partyId)
            .setParameter("kind", m.primaryKind)
            .setParameter("id", m.id)
            .getResultList();
    if (!others.isEmpty()) {
      throw new ConflictException(
          "the party has a PRIMARY "
              + m.kind
              + " already ("
              + others.get(0)
              + "): remove PRIMARY from it first");
    }
  }

  private static void apply(ContactMechanismEntity m, ContactMechanismDraft d) {
    m.value = d.value();
    m.network = d.network();
    PostalAddress a = d.address();
    m.street = a == null ? null : a.street();
    m.city = a == null ? null : a.city();
    m.postalCode = a == null ? null : a.postalCode();
    m.region = a == null ? null : a.region();
    m.country = a == null ? null : a.country();
    m.purposes = d.purposes().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    m.primaryKind = d.purposes().contains(MechanismPurpose.PRIMARY) ? m.kind : null;
    m.validFrom = d.validFrom();
    m.validThru = d.validThru();
  }

  private static Set<MechanismPurpose> purposes(ContactMechanismEntity m) {
    if (m.purposes == null || m.purposes.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(Arrays.stream(m.purposes.split(",")).map(MechanismPurpose::valueOf).toList());
  }

  /** The audited fields of a mechanism, named as the API names them. */
  private static Map<String, Object> image(ContactMechanismEntity m) {
    Map<String, Object> i = new LinkedHashMap<>();
    i.put("partyId", m.partyId);
    i.put("kind", m.kind);
    i.put("value", m.value);
    i.put("network", m.network);
    i.put("street", m.street);
    i.put("city", m.city);
    i.put("postalCode", m.postalCode);
    i.put("region", m.region);
    i.put("country", m.country);
    i.put("purposes", m.purposes.isEmpty() ? null : m.purposes);
    i.put("validFrom", m.validFrom);
    i.put("validThru", m.validThru);
    return i;
  }

  /**
   * The current decisions of a person per purpose and channel, keyed by channel; empty for an
   * organization.
   */
  private static Map<String, List<ConsentDecisionEntity>> currentConsents(
      EntityManager em, Party p) {
    Map<String, List<ConsentDecisionEntity>> byChannel = new LinkedHashMap<>();
    if (p.person == null) {
      return byChannel;
    }
    Map<String, ConsentDecisionEntity> latest = new LinkedHashMap<>();
    for (ConsentDecisionEntity c :
        em.createQuery(
                "select c from ConsentDecisionEntity c where c.subjectId = :id"
                    + " order by c.sequence desc",
                ConsentDecisionEntity.class)
            .setParameter("id", p.person.id)
            .getResultList()) {
      latest.putIfAbsent(c.purpose + "\u0000" + c.channel, c);
    }
    latest.values().stream()
        .sorted(
            Comparator.comparing((ConsentDecisionEntity c) -> c.purpose)
                .thenComparing(c -> c.channel))
        .forEach(c -> byChannel.computeIfAbsent(c.channel.name(), k -> new ArrayList<>()).add(c));
    return byChannel;
  }

  private static ContactMechanism toMechanism(
      ContactMechanismEntity m, Party p, Map<String, List<ConsentDecisionEntity>> consents) {
    List<MechanismConsent> mine = new ArrayList<>();
    for (ConsentChannel channel : channels(m.kind)) {
      for (ConsentDecisionEntity c : consents.getOrDefault(channel.name(), List.of())) {
        mine.add(
            new MechanismConsent(
                UUID.fromString(c.decisionId),
                c.purpose,
                c.channel,
                c.status,
                c.source,
                c.decidedAt,
                c.mechanismId == null ? null : UUID.fromString(c.mechanismId)));
      }
    }
    PostalAddress address =
        m.kind == MechanismKind.POSTAL
            ? new PostalAddress(m.street, m.city, m.postalCode, m.region, m.country)
            : null;
    return new ContactMechanism(
        UUID.fromString(m.id),
        UUID.fromString(m.partyId),
        UUID.fromString(p.account.id),
        m.kind,
        m.value,
        m.network,
        address,
        purposes(m),
        m.validFrom,
        m.validThru,
        List.copyOf(mine),
        m.version,
        m.createdAt,
        m.updatedAt);
  }

  /** Event data of a mechanism: ids and kind, no address (events are not erased, §10). */
  private static Map<String, Object> mechanismData(ContactMechanismEntity m, Party p, Actor actor) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", m.id);
    d.put("partyId", m.partyId);
    d.put("accountId", p.account.id);
    d.put("kind", m.kind);
    d.put("purposes", List.copyOf(purposes(m).stream().sorted().toList()));
    d.put("version", m.version);
    d.put("by", actor.user());
    d.put("channel", actor.channel());
    return d;
  }

  private static List<PartyRoleEntity> rolesOf(EntityManager em, String partyId) {
    return em.createQuery(
            "select r from PartyRoleEntity r where r.partyId = :p order by r.fromDate, r.id",
            PartyRoleEntity.class)
        .setParameter("p", partyId)
        .getResultList();
  }

  static boolean overlaps(LocalDate from1, LocalDate thru1, LocalDate from2, LocalDate thru2) {
    return (thru1 == null || !thru1.isBefore(from2)) && (thru2 == null || !thru2.isBefore(from1));
  }

  private static String roleField(PartyRoleEntity r) {
    return "role." + r.role;
  }

  private static String period(PartyRoleEntity r) {
    return r.fromDate + ".." + (r.thruDate == null ? "" : r.thruDate);
  }

  private static PartyRole toRole(PartyRoleEntity r, Party p) {
    return new PartyRole(
        UUID.fromString(r.id),
        UUID.fromString(r.partyId),
        UUID.fromString(p.account.id),
        r.role,
        r.fromDate,
        r.thruDate,
        r.createdAt);
  }

  private static Map<String, Object> roleData(PartyRoleEntity r, Party p, Actor actor) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", r.id);
    d.put("partyId", r.partyId);
    d.put("accountId", p.account.id);
    d.put("role", r.role);
    d.put("fromDate", r.fromDate.toString());
    d.put("thruDate", r.thruDate == null ? null : r.thruDate.toString());
    d.put("by", actor.user());
    d.put("channel", actor.channel());
    return d;
  }

  private static Optional<ExternalRefEntity> findRef(EntityManager em, String system, String id) {
    return em
        .createQuery(
            "select r from ExternalRefEntity r where r.system = :s and r.externalId = :id",
            ExternalRefEntity.class)
        .setParameter("s", system)
        .setParameter("id", id)
        .getResultList()
        .stream()
        .findFirst();
  }

  private static ExternalRef toRef(ExternalRefEntity r, Party p) {
    return new ExternalRef(
        UUID.fromString(r.id),
        UUID.fromString(r.partyId),
        UUID.fromString(p.account.id),
        !Objects.equals(r.partyId, p.account.id),
        r.system,
        r.externalId,
        r.createdAt);
  }

  private static Map<String, Object> refData(ExternalRefEntity r, Party p, Actor actor) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", r.id);
    d.put("partyId", r.partyId);
    d.put("accountId", p.account.id);
    d.put("system", r.system);
    d.put("externalId", r.externalId);
    d.put("by", actor.user());
    d.put("channel", actor.channel());
    return d;
  }

  private static List<String> tagsOf(EntityManager em, String partyId) {
    return em.createQuery(
            "select t.tag from PartyTagEntity t where t.partyId = :p order by t.tag", String.class)
        .setParameter("p", partyId)
        .getResultList();
  }

  private static Map<String, Object> tagData(String tag, List<String> tags, Party p, Actor actor) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("partyId", p.id());
    d.put("accountId", p.account.id);
    d.put("tag", tag);
    d.put("tags", tags);
    d.put("by", actor.user());
    d.put("channel", actor.channel());
    return d;
  }

  private static Map<String, Object> single(String field, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(field, value);
    return m;
  }
}
