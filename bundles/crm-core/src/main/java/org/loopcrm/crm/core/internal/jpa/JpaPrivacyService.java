package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.audit.AuditEntry;
import org.loopcrm.crm.api.privacy.ConsentChannel;
import org.loopcrm.crm.api.privacy.ConsentDecision;
import org.loopcrm.crm.api.privacy.ConsentDraft;
import org.loopcrm.crm.api.privacy.ConsentStatus;
import org.loopcrm.crm.api.privacy.DataSubject;
import org.loopcrm.crm.api.privacy.ErasureRequest;
import org.loopcrm.crm.api.privacy.ErasureStatus;
import org.loopcrm.crm.api.privacy.ErasureSubject;
import org.loopcrm.crm.api.privacy.ErpFinancePort;
import org.loopcrm.crm.api.privacy.LegalHold;
import org.loopcrm.crm.api.privacy.LegalHoldKind;
import org.loopcrm.crm.api.privacy.PrivacyService;
import org.loopcrm.crm.api.privacy.SubjectAccount;
import org.loopcrm.crm.api.privacy.SubjectExport;
import org.loopcrm.crm.core.internal.privacy.PrivacyRules;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consent register, data-subject export and erasure on the {@code crm} persistence unit.
 *
 * <p>Erasure asks the {@link ErpFinancePort}s before its transaction (they may be remote and slow),
 * then, in one transaction, checks the CRM's own receivables of the subject's accounts again and
 * either records a refusal or anonymises the person, redacts the person's audit changes, consent
 * evidence and contact events, writes the {@code ERASE} audit entry, the request and the {@code
 * party.erased} event. The audit redaction is the one place the application changes audit rows
 * (docs/decisions.md §10).
 */
@Component(service = PrivacyService.class)
public final class JpaPrivacyService implements PrivacyService {
  static final String PERSON = "person";
  static final String SUBJECT = "data subject";
  static final String ERASURE = "erasure request";
  static final String CRM_SOURCE = "crm";
  private static final Logger LOG = LoggerFactory.getLogger(JpaPrivacyService.class);

  private final Transactions tx;
  private final Clock clock;
  private final AccessPolicy policy;
  private final List<Port> ports = new CopyOnWriteArrayList<>();

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaPrivacyService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference AccessPolicy policy) {
    this(emf, Clock.systemUTC(), policy);
  }

  JpaPrivacyService(EntityManagerFactory emf, Clock clock) {
    this(emf, clock, AccessPolicy.privateAccess());
  }

  JpaPrivacyService(EntityManagerFactory emf, Clock clock, AccessPolicy policy) {
    this.tx = new Transactions(emf);
    this.clock = clock;
    this.policy = policy;
  }

  /** An ERP finance port appeared; every erasure asks it from now on. */
  @Reference(
      service = ErpFinancePort.class,
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addPort(ErpFinancePort port, Map<String, Object> properties) {
    Object system = properties.get(ErpFinancePort.ERP_SYSTEM);
    ports.add(new Port(port, system == null ? port.getClass().getSimpleName() : system.toString()));
  }

  void removePort(ErpFinancePort port) {
    ports.removeIf(p -> p.port() == port);
  }

  // --- consent

  @Override
  public ConsentDecision recordConsent(Actor actor, UUID subjectId, ConsentDraft draft) {
    require(actor, Resource.CONSENT, Action.CREATE);
    ConsentDraft d = PrivacyRules.valid(draft);
    return tx.inTransaction(
        em -> {
          PersonEntity p = visiblePerson(em, actor, subjectId);
          if (p.erasedAt != null) {
            throw new ConflictException(
                "data subject " + subjectId + " was erased at " + p.erasedAt + ": no new consent");
          }
          return toDecision(decide(em, actor, p, d, null, now()));
        });
  }

  /**
   * Appends a decision to the register, with its audit entry on the contact and its event, in the
   * caller's transaction: the one way a decision is recorded, for the person as a whole or for one
   * of its contact mechanisms ({@code mechanismId}, decisions.md §14).
   */
  static ConsentDecisionEntity decide(
      EntityManager em,
      Actor actor,
      PersonEntity p,
      ConsentDraft d,
      String mechanismId,
      Instant now) {
    return decide(em, actor, p, d, mechanismId, now, now);
  }

  /**
   * The same for a decision made earlier than it is recorded ({@code decidedAt}, e.g. a lead's
   * consent copied at conversion, decisions.md §30); the audit entry and the event are of {@code
   * now}.
   */
  static ConsentDecisionEntity decide(
      EntityManager em,
      Actor actor,
      PersonEntity p,
      ConsentDraft d,
      String mechanismId,
      Instant decidedAt,
      Instant now) {
    if (p.erasedAt != null) {
      throw new ConflictException(
          "data subject " + p.id + " was erased at " + p.erasedAt + ": no new consent");
    }
    Optional<ConsentDecisionEntity> previous = latest(em, p.id, d.purpose(), d.channel());
    ConsentDecisionEntity c = new ConsentDecisionEntity();
    c.decisionId = UUID.randomUUID().toString();
    c.subjectId = p.id;
    c.purpose = d.purpose();
    c.channel = d.channel();
    c.status = d.status();
    c.source = d.source();
    c.evidence = d.evidence();
    c.user = actor.user();
    c.via = actor.channel();
    c.decidedAt = decidedAt;
    c.mechanismId = mechanismId;
    em.persist(c);
    // The contact's own history shows consent changes too (a repeated decision changes
    // nothing there; the consent history has it).
    String field = "consent." + d.purpose() + "." + d.channel();
    AuditLog.record(
        em,
        actor,
        AuditAction.UPDATE,
        AuditLog.CONTACT,
        p.id,
        single(field, previous.map(e -> e.status).orElse(null)),
        single(field, d.status()),
        now);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("subjectId", p.id);
    data.put("purpose", c.purpose);
    data.put("channel", c.channel);
    data.put("status", c.status);
    data.put("decisionId", c.decisionId);
    if (mechanismId != null) {
      data.put("mechanismId", mechanismId);
    }
    data.put("by", actor.user());
    data.put("via", actor.channel());
    Outbox.append(em, PERSON, p.id, "consent.changed", data, now);
    return c;
  }

  @Override
  public List<ConsentDecision> consents(Actor actor, UUID subjectId) {
    require(actor, Resource.CONSENT, Action.READ);
    return tx.readOnly(em -> current(history(em, visiblePerson(em, actor, subjectId).id)));
  }

  @Override
  public List<ConsentDecision> consentHistory(Actor actor, UUID subjectId) {
    require(actor, Resource.CONSENT, Action.READ);
    return tx.readOnly(em -> history(em, visiblePerson(em, actor, subjectId).id));
  }

  @Override
  public boolean hasConsent(Actor actor, UUID subjectId, String purpose, ConsentChannel channel) {
    require(actor, Resource.CONSENT, Action.READ);
    String p = PrivacyRules.validPurpose(purpose);
    return tx.readOnly(
        em ->
            latest(em, visiblePerson(em, actor, subjectId).id, p, channel)
                .map(c -> c.status == ConsentStatus.GRANTED)
                .orElse(false));
  }

  // --- export

  @Override
  public SubjectExport export(Actor actor, UUID subjectId) {
    require(actor, Resource.SUBJECT_EXPORT, Action.READ);
    return tx.inTransaction(
        em -> {
          PersonEntity p = findPerson(em, subjectId);
          Instant now = now();
          // The export is a disclosure: it is recorded before it is read, so it lists itself.
          AuditLog.record(em, actor, AuditAction.EXPORT, AuditLog.CONTACT, p.id, null, null, now);
          em.flush();
          List<ConsentDecision> history = history(em, p.id);
          return new SubjectExport(
              toSubject(p),
              accountsOf(em, p.id),
              current(history),
              history,
              auditOf(em, p.id),
              requestsOf(em, p.id),
              actor.user(),
              now);
        });
  }

  // --- erasure

  @Override
  public ErasureRequest requestErasure(Actor actor, UUID subjectId) {
    require(actor, Resource.ERASURE, Action.CREATE);
    ErasureSubject subject =
        tx.readOnly(
            em -> {
              PersonEntity p = findPerson(em, subjectId);
              requireNotErased(p);
              List<String> refs = new ArrayList<>();
              for (SubjectAccount a : accountsOf(em, p.id)) {
                if (a.erpRef() != null) {
                  refs.add(a.erpRef());
                }
              }
              return new ErasureSubject(subjectId, refs);
            });
    List<LegalHold> erpHolds = askPorts(subject);
    return tx.inTransaction(
        em -> {
          PersonEntity p = findPerson(em, subjectId);
          requireNotErased(p);
          List<LegalHold> holds = new ArrayList<>(crmHolds(em, p.id));
          holds.addAll(erpHolds);
          Instant now = now();
          ErasureRequestEntity r = new ErasureRequestEntity();
          r.requestId = UUID.randomUUID().toString();
          r.subjectId = p.id;
          r.user = actor.user();
          r.via = actor.channel();
          r.requestedAt = now;
          r.status = holds.isEmpty() ? ErasureStatus.COMPLETED : ErasureStatus.REFUSED;
          em.persist(r);
          em.flush();
          for (int i = 0; i < holds.size(); i++) {
            LegalHold h = holds.get(i);
            ErasureHoldEntity e = new ErasureHoldEntity();
            e.requestSeq = r.sequence;
            e.index = i;
            e.kind = h.kind();
            e.reason = cut(h.reason(), 1000);
            e.amount = h.amount();
            e.currency = h.currency();
            e.source = cut(h.source(), 60);
            em.persist(e);
          }
          if (r.status == ErasureStatus.COMPLETED) {
            erase(em, actor, p, r, now);
          } else {
            LOG.info(
                "Erasure request {} for data subject {} refused by {} legal hold(s)",
                r.requestId,
                p.id,
                holds.size());
          }
          return toRequest(r, holds);
        });
  }

  @Override
  public Page<ErasureRequest> erasureRequests(Actor actor, int limit, String cursor) {
    require(actor, Resource.ERASURE, Action.READ);
    PrivacyRules.validLimit(limit);
    Long after = cursor == null ? null : PrivacyRules.sequence(cursor);
    return tx.readOnly(
        em -> {
          TypedQuery<ErasureRequestEntity> q =
              em.createQuery(
                  "select r from ErasureRequestEntity r"
                      + (after == null ? "" : " where r.sequence < :after")
                      + " order by r.sequence desc",
                  ErasureRequestEntity.class);
          if (after != null) {
            q.setParameter("after", after);
          }
          List<ErasureRequestEntity> rows = q.setMaxResults(limit + 1).getResultList();
          List<ErasureRequestEntity> page = rows.subList(0, Math.min(rows.size(), limit));
          List<ErasureRequest> items = new ArrayList<>();
          for (ErasureRequestEntity r : page) {
            items.add(toRequest(r, holdsOf(em, r.sequence)));
          }
          Optional<String> next =
              rows.size() > limit
                  ? Optional.of(PrivacyRules.cursor(page.get(page.size() - 1).sequence))
                  : Optional.empty();
          return new Page<>(items, next);
        });
  }

  @Override
  public ErasureRequest erasureRequest(Actor actor, UUID id) {
    require(actor, Resource.ERASURE, Action.READ);
    return tx.readOnly(
        em -> {
          List<ErasureRequestEntity> found =
              em.createQuery(
                      "select r from ErasureRequestEntity r where r.requestId = :id",
                      ErasureRequestEntity.class)
                  .setParameter("id", id.toString())
                  .getResultList();
          if (found.isEmpty()) {
            throw new NotFoundException(ERASURE, id);
          }
          ErasureRequestEntity r = found.get(0);
          return toRequest(r, holdsOf(em, r.sequence));
        });
  }

  /** Asks every port; one that fails is a hold, so an unchecked subject is never erased. */
  private List<LegalHold> askPorts(ErasureSubject subject) {
    List<LegalHold> holds = new ArrayList<>();
    for (Port port : ports) {
      try {
        List<LegalHold> found = port.port().legalHolds(subject);
        if (found != null) {
          holds.addAll(found);
        }
      } catch (RuntimeException e) {
        LOG.warn(
            "ERP finance port {} failed for data subject {}", port.system(), subject.partyId(), e);
        holds.add(
            new LegalHold(
                LegalHoldKind.OTHER,
                "could not check legal holds: " + port.system() + ": " + e.getMessage(),
                null,
                null,
                port.system()));
      }
    }
    return holds;
  }

  /** The CRM's own finance facts: any account of the subject with an open balance holds it. */
  private static List<LegalHold> crmHolds(EntityManager em, String personId) {
    List<LegalHold> holds = new ArrayList<>();
    for (OrganizationEntity o : organizationsOf(em, personId)) {
      if (o.receivablesOpen != null && o.receivablesOpen.signum() != 0) {
        BigDecimal open = o.receivablesOpen.stripTrailingZeros();
        holds.add(
            new LegalHold(
                LegalHoldKind.OPEN_RECEIVABLES,
                "account "
                    + o.id
                    + (o.erpRef == null ? "" : " (ERP " + o.erpRef + ")")
                    + " has open receivables of "
                    + open.toPlainString()
                    + (o.receivablesCurrency == null ? "" : " " + o.receivablesCurrency),
                open,
                o.receivablesCurrency,
                CRM_SOURCE));
      }
    }
    return holds;
  }

  private void erase(
      EntityManager em, Actor actor, PersonEntity p, ErasureRequestEntity r, Instant now) {
    List<PartyRelationshipEntity> links = linksOf(em, p.id);
    Map<String, Object> before = new LinkedHashMap<>();
    Map<String, Object> after = new LinkedHashMap<>();
    mark(before, "firstName", p.firstName);
    mark(before, "lastName", p.lastName);
    mark(before, "email", p.email);
    mark(before, "phone", p.phone);
    boolean titled = links.stream().anyMatch(l -> l.title != null);
    mark(before, "title", titled ? "x" : null);
    p.firstName = null;
    p.lastName = PrivacyRules.ERASED_NAME;
    p.email = null;
    p.phone = null;
    p.erasedAt = now;
    p.updatedAt = now;
    after.put("lastName", p.lastName);
    for (PartyRelationshipEntity l : links) {
      l.title = null;
    }
    em.flush();
    int redacted = redactAudit(em, p.id);
    if (eraseMechanisms(em, p.id) > 0) {
      before.put("contactMechanisms", PrivacyRules.ERASED_VALUE);
    }
    if (CustomFields.erase(em, p.id) > 0) {
      before.put("customFields", PrivacyRules.ERASED_VALUE);
    }
    em.createQuery(
            "update ConsentDecisionEntity c set c.evidence = :erased"
                + " where c.subjectId = :id and c.evidence is not null")
        .setParameter("erased", PrivacyRules.ERASED_VALUE)
        .setParameter("id", p.id)
        .executeUpdate();
    int events = redactContactEvents(em, p.id);
    AuditLog.record(em, actor, AuditAction.ERASE, AuditLog.CONTACT, p.id, before, after, now);
    List<String> accountIds = new ArrayList<>();
    List<String> erpRefs = new ArrayList<>();
    for (OrganizationEntity o : organizationsOf(em, p.id)) {
      accountIds.add(o.id);
      if (o.erpRef != null) {
        erpRefs.add(o.erpRef);
      }
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("subjectId", p.id);
    data.put("subjectType", PERSON);
    data.put("requestId", r.requestId);
    data.put("accountIds", accountIds);
    data.put("erpRefs", erpRefs);
    data.put("erasedAt", now);
    data.put("by", actor.user());
    data.put("channel", actor.channel());
    Outbox.append(em, PERSON, p.id, "party.erased", data, now);
    LOG.info(
        "Erasure request {}: data subject {} erased ({} audit values, {} events redacted)",
        r.requestId,
        p.id,
        redacted,
        events);
  }

  /**
   * Replaces the personal values in the subject's earlier audit changes by {@code (erased)}. The
   * audit entities are immutable to Hibernate, so this is plain SQL: the one update of audit rows
   * the application makes.
   */
  private static int redactAudit(EntityManager em, String personId) {
    return em.createNativeQuery(
            "update crm_audit_change set"
                + " old_value = case when old_value is null then null else ?1 end,"
                + " new_value = case when new_value is null then null else ?1 end"
                + " where field in (?2, ?3, ?4, ?5, ?6) and entry_seq in (select e.seq from"
                + " crm_audit_entry e where e.record_type = ?7 and e.record_id = ?8)")
        .setParameter(1, PrivacyRules.ERASED_VALUE)
        .setParameter(2, PrivacyRules.PERSONAL_FIELDS.get(0))
        .setParameter(3, PrivacyRules.PERSONAL_FIELDS.get(1))
        .setParameter(4, PrivacyRules.PERSONAL_FIELDS.get(2))
        .setParameter(5, PrivacyRules.PERSONAL_FIELDS.get(3))
        .setParameter(6, PrivacyRules.PERSONAL_FIELDS.get(4))
        .setParameter(7, AuditLog.CONTACT)
        .setParameter(8, personId)
        .executeUpdate();
  }

  /**
   * Deletes the subject's contact mechanisms (addresses, numbers, handles are personal data) and
   * redacts their values in the mechanisms' audit history; returns how many there were.
   */
  private static int eraseMechanisms(EntityManager em, String personId) {
    List<String> ids =
        em.createQuery(
                "select m.id from ContactMechanismEntity m where m.partyId = :p", String.class)
            .setParameter("p", personId)
            .getResultList();
    if (ids.isEmpty()) {
      return 0;
    }
    em.createNativeQuery(
            "update crm_audit_change set"
                + " old_value = case when old_value is null then null else :erased end,"
                + " new_value = case when new_value is null then null else :erased end"
                + " where field not in ('kind', 'purposes', 'partyId', 'validFrom', 'validThru')"
                + " and entry_seq in (select e.seq from crm_audit_entry e"
                + " where e.record_type = :type and e.record_id in (:ids))")
        .setParameter("erased", PrivacyRules.ERASED_VALUE)
        .setParameter("type", AuditLog.CONTACT_MECHANISM)
        .setParameter("ids", ids)
        .executeUpdate();
    em.createQuery("delete from ContactMechanismEntity m where m.partyId = :p")
        .setParameter("p", personId)
        .executeUpdate();
    return ids.size();
  }

  /**
   * Replaces the payload of the subject's earlier contact events (which carried the contact's
   * fields) by the envelope with ids only; undelivered webhooks then send that.
   */
  private static int redactContactEvents(EntityManager em, String personId) {
    List<OutboxEventEntity> events =
        em.createQuery(
                "select e from OutboxEventEntity e where e.type like 'contact.%'"
                    + " and e.payload like :id",
                OutboxEventEntity.class)
            .setParameter("id", "%\"data\":{\"id\":\"" + personId + "\"%")
            .getResultList();
    for (OutboxEventEntity e : events) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("id", personId);
      data.put("erased", true);
      Map<String, Object> envelope = new LinkedHashMap<>();
      envelope.put("eventId", e.eventId);
      envelope.put("type", e.type);
      envelope.put("aggregateType", e.aggregateType);
      envelope.put("aggregateId", e.aggregateId);
      envelope.put("occurredAt", e.occurredAt);
      envelope.put("data", data);
      e.payload = org.loopcrm.crm.core.internal.json.Json.write(envelope);
    }
    return events.size();
  }

  // --- helpers

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static void requireNotErased(PersonEntity p) {
    if (p.erasedAt != null) {
      throw new ConflictException(
          "data subject " + p.id + " was erased already at " + p.erasedAt + ": nothing to erase");
    }
  }

  private static void mark(Map<String, Object> image, String field, String value) {
    image.put(field, value == null ? null : PrivacyRules.ERASED_VALUE);
  }

  private static Map<String, Object> single(String field, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(field, value);
    return m;
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  static PersonEntity findPerson(EntityManager em, UUID id) {
    List<PersonEntity> found =
        em.createQuery("select p from PersonEntity p where p.id = :id", PersonEntity.class)
            .setParameter("id", id.toString())
            .getResultList();
    if (found.isEmpty()) {
      throw new NotFoundException(SUBJECT, id);
    }
    return found.get(0);
  }

  /**
   * The person, if the actor sees one of the accounts it is a contact of (record-level access,
   * decisions.md §12); not found otherwise. Reading is enough to record a consent decision: a
   * withdrawal must never be refused for want of write access.
   */
  private PersonEntity visiblePerson(EntityManager em, Actor actor, UUID id) {
    PersonEntity p = findPerson(em, id);
    if (Visibility.seesEverything(actor)) {
      return p;
    }
    for (OrganizationEntity o : organizationsOf(em, p.id)) {
      if (Visibility.access(em, actor, policy, o) != org.loopcrm.crm.api.access.RecordAccess.NONE) {
        return p;
      }
    }
    throw new NotFoundException(SUBJECT, id);
  }

  private static List<PartyRelationshipEntity> linksOf(EntityManager em, String personId) {
    return em.createQuery(
            "select r from PartyRelationshipEntity r where r.fromPartyId = :p and r.type = :type"
                + " order by r.fromDate, r.id",
            PartyRelationshipEntity.class)
        .setParameter("p", personId)
        .setParameter("type", PartyRelationshipEntity.Type.CONTACT_OF)
        .getResultList();
  }

  private static List<OrganizationEntity> organizationsOf(EntityManager em, String personId) {
    return em.createQuery(
            "select o from OrganizationEntity o, PartyRelationshipEntity r"
                + " where r.toPartyId = o.id and r.fromPartyId = :p and r.type = :type"
                + " order by o.id",
            OrganizationEntity.class)
        .setParameter("p", personId)
        .setParameter("type", PartyRelationshipEntity.Type.CONTACT_OF)
        .getResultList();
  }

  private static List<SubjectAccount> accountsOf(EntityManager em, String personId) {
    List<Object[]> rows =
        em.createQuery(
                "select o, r from OrganizationEntity o, PartyRelationshipEntity r"
                    + " where r.toPartyId = o.id and r.fromPartyId = :p and r.type = :type"
                    + " order by r.fromDate, o.id",
                Object[].class)
            .setParameter("p", personId)
            .setParameter("type", PartyRelationshipEntity.Type.CONTACT_OF)
            .getResultList();
    List<SubjectAccount> out = new ArrayList<>();
    for (Object[] row : rows) {
      OrganizationEntity o = (OrganizationEntity) row[0];
      PartyRelationshipEntity r = (PartyRelationshipEntity) row[1];
      out.add(new SubjectAccount(UUID.fromString(o.id), o.name, o.erpRef, r.title));
    }
    return out;
  }

  /** When the current decision for the purpose and channel was made, if there is one. */
  static Optional<Instant> currentDecidedAt(
      EntityManager em, String personId, String purpose, ConsentChannel channel) {
    return latest(em, personId, purpose, channel).map(c -> c.decidedAt);
  }

  private static Optional<ConsentDecisionEntity> latest(
      EntityManager em, String personId, String purpose, ConsentChannel channel) {
    return em
        .createQuery(
            "select c from ConsentDecisionEntity c where c.subjectId = :id"
                + " and c.purpose = :purpose and c.channel = :channel order by c.sequence desc",
            ConsentDecisionEntity.class)
        .setParameter("id", personId)
        .setParameter("purpose", purpose)
        .setParameter("channel", channel)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  private static List<ConsentDecision> history(EntityManager em, String personId) {
    return em
        .createQuery(
            "select c from ConsentDecisionEntity c where c.subjectId = :id"
                + " order by c.sequence desc",
            ConsentDecisionEntity.class)
        .setParameter("id", personId)
        .getResultList()
        .stream()
        .map(JpaPrivacyService::toDecision)
        .toList();
  }

  /** The latest decision per purpose and channel of a newest-first history, by purpose. */
  private static List<ConsentDecision> current(List<ConsentDecision> newestFirst) {
    Map<String, ConsentDecision> latest = new LinkedHashMap<>();
    for (ConsentDecision d : newestFirst) {
      latest.putIfAbsent(d.purpose() + "\u0000" + d.channel(), d);
    }
    return latest.values().stream()
        .sorted(
            Comparator.comparing(ConsentDecision::purpose).thenComparing(ConsentDecision::channel))
        .toList();
  }

  private static List<AuditEntry> auditOf(EntityManager em, String personId) {
    List<AuditEntryEntity> entries =
        em.createQuery(
                "select e from AuditEntryEntity e where e.recordType = :type and e.recordId = :id"
                    + " order by e.occurredAt desc, e.sequence desc",
                AuditEntryEntity.class)
            .setParameter("type", AuditLog.CONTACT)
            .setParameter("id", personId)
            .getResultList();
    return JpaAuditService.withChanges(em, entries);
  }

  private static List<ErasureRequest> requestsOf(EntityManager em, String personId) {
    List<ErasureRequest> out = new ArrayList<>();
    for (ErasureRequestEntity r :
        em.createQuery(
                "select r from ErasureRequestEntity r where r.subjectId = :id"
                    + " order by r.sequence desc",
                ErasureRequestEntity.class)
            .setParameter("id", personId)
            .getResultList()) {
      out.add(toRequest(r, holdsOf(em, r.sequence)));
    }
    return out;
  }

  private static List<LegalHold> holdsOf(EntityManager em, Long requestSeq) {
    return em
        .createQuery(
            "select h from ErasureHoldEntity h where h.requestSeq = :seq order by h.index",
            ErasureHoldEntity.class)
        .setParameter("seq", requestSeq)
        .getResultList()
        .stream()
        .map(h -> new LegalHold(h.kind, h.reason, strip(h.amount), h.currency, h.source))
        .toList();
  }

  private static BigDecimal strip(BigDecimal amount) {
    return amount == null ? null : amount.stripTrailingZeros();
  }

  private static DataSubject toSubject(PersonEntity p) {
    return new DataSubject(
        UUID.fromString(p.id),
        p.firstName,
        p.lastName,
        p.email,
        p.phone,
        p.createdAt,
        p.updatedAt,
        p.erasedAt);
  }

  private static ConsentDecision toDecision(ConsentDecisionEntity c) {
    return new ConsentDecision(
        UUID.fromString(c.decisionId),
        UUID.fromString(c.subjectId),
        c.purpose,
        c.channel,
        c.status,
        c.source,
        c.evidence,
        c.user,
        c.via,
        c.decidedAt);
  }

  private static ErasureRequest toRequest(ErasureRequestEntity r, List<LegalHold> holds) {
    return new ErasureRequest(
        UUID.fromString(r.requestId),
        UUID.fromString(r.subjectId),
        r.user,
        r.via,
        r.requestedAt,
        r.status,
        holds);
  }

  private record Port(ErpFinancePort port, String system) {}
}
