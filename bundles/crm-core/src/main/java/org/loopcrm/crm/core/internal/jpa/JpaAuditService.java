package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.audit.AuditEntry;
import org.loopcrm.crm.api.audit.AuditQuery;
import org.loopcrm.crm.api.audit.AuditService;
import org.loopcrm.crm.api.audit.FieldChange;
import org.loopcrm.crm.core.internal.audit.AuditCursor;
import org.loopcrm.crm.core.internal.audit.AuditRules;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reads the audit tables, newest first, with keyset paging on (time, sequence) so a page costs the
 * same wherever it starts. The entries are written by {@link AuditLog}, in the transactions of the
 * changes; the one entry written here is an export's, for exports made outside the core services.
 */
@Component(service = AuditService.class)
public final class JpaAuditService implements AuditService {
  /** The record type of export entries; each export is its own record. */
  static final String EXPORT = "export";

  private final Transactions tx;
  private final AccessPolicy policy;

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaAuditService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference AccessPolicy policy) {
    this(emf, policy);
  }

  JpaAuditService(EntityManagerFactory emf) {
    this(emf, AccessPolicy.privateAccess());
  }

  JpaAuditService(EntityManagerFactory emf, AccessPolicy policy) {
    this.tx = new Transactions(emf);
    this.policy = policy;
  }

  @Override
  public Page<AuditEntry> history(Actor actor, AuditQuery q) {
    AuditRules.check(actor, q);
    String scope = AuditRules.scope(q);
    AuditCursor after = q.cursor() == null ? null : AuditCursor.decode(q.cursor(), scope);
    StringBuilder jpql = new StringBuilder("select e from AuditEntryEntity e where ");
    Map<String, Object> params = new LinkedHashMap<>();
    if (q.user() != null) {
      jpql.append("e.user = :user");
      params.put("user", q.user());
    } else {
      jpql.append("e.recordType = :type and e.recordId = :id");
      params.put("type", q.recordType());
      params.put("id", q.recordId().toString());
    }
    if (q.from() != null) {
      jpql.append(" and e.occurredAt >= :from");
      params.put("from", q.from());
    }
    if (q.to() != null) {
      jpql.append(" and e.occurredAt < :to");
      params.put("to", q.to());
    }
    if (after != null) {
      jpql.append(
          " and (e.occurredAt < :afterAt or (e.occurredAt = :afterAt and e.sequence < :afterSeq))");
      params.put("afterAt", after.at());
      params.put("afterSeq", after.sequence());
    }
    jpql.append(" order by e.occurredAt desc, e.sequence desc");
    return tx.readOnly(
        em -> {
          if (q.user() == null) {
            requireVisible(em, actor, q.recordType(), q.recordId());
          }
          TypedQuery<AuditEntryEntity> query =
              em.createQuery(jpql.toString(), AuditEntryEntity.class);
          params.forEach(query::setParameter);
          List<AuditEntryEntity> rows = query.setMaxResults(q.limit() + 1).getResultList();
          List<AuditEntryEntity> page = rows.subList(0, Math.min(rows.size(), q.limit()));
          List<AuditEntry> items = withChanges(em, page);
          Optional<String> next = Optional.empty();
          if (rows.size() > q.limit()) {
            AuditEntryEntity last = page.get(page.size() - 1);
            next = Optional.of(new AuditCursor(scope, last.occurredAt, last.sequence).encode());
          }
          return new Page<>(items, next);
        });
  }

  @Override
  public AuditEntry recordExport(Actor actor, Map<String, String> details) {
    // Exporting is reading the list: whoever may list accounts may export them.
    require(actor, Resource.ACCOUNT, Action.READ);
    String id = UUID.randomUUID().toString();
    return tx.inTransaction(
        em -> {
          AuditLog.record(
              em,
              actor,
              AuditAction.EXPORT,
              EXPORT,
              id,
              null,
              details,
              Instant.now().truncatedTo(ChronoUnit.MICROS));
          em.flush();
          List<AuditEntryEntity> entry =
              em.createQuery(
                      "select e from AuditEntryEntity e where e.recordType = :type"
                          + " and e.recordId = :id",
                      AuditEntryEntity.class)
                  .setParameter("type", EXPORT)
                  .setParameter("id", id)
                  .getResultList();
          return withChanges(em, entry).get(0);
        });
  }

  /** The entries with their field changes, in the given order; one query for all changes. */
  static List<AuditEntry> withChanges(EntityManager em, List<AuditEntryEntity> entries) {
    Map<Long, List<FieldChange>> changes = new LinkedHashMap<>();
    entries.forEach(e -> changes.put(e.sequence, new ArrayList<>()));
    if (!entries.isEmpty()) {
      em.createQuery(
              "select c from AuditChangeEntity c where c.entrySeq in :seqs"
                  + " order by c.entrySeq, c.index",
              AuditChangeEntity.class)
          .setParameter("seqs", List.copyOf(changes.keySet()))
          .getResultList()
          .forEach(
              c -> changes.get(c.entrySeq).add(new FieldChange(c.field, c.oldValue, c.newValue)));
    }
    List<AuditEntry> out = new ArrayList<>(entries.size());
    for (AuditEntryEntity e : entries) {
      out.add(
          new AuditEntry(
              UUID.fromString(e.entryId),
              e.recordType,
              UUID.fromString(e.recordId),
              e.action,
              e.user,
              e.channel,
              e.occurredAt,
              changes.get(e.sequence)));
    }
    return out;
  }

  /**
   * A record's history is as visible as the record: an account's, its contacts', their contact
   * mechanisms' and its activities' follow the account; a case's and a lead's follow the record;
   * teams and user profiles are visible to every reader; anything else, and the history of a
   * deleted account, only to those who see every record.
   */
  private void requireVisible(EntityManager em, Actor actor, String type, UUID id) {
    if (Visibility.seesEverything(actor)) {
      return;
    }
    switch (type) {
      case AuditLog.TEAM,
          AuditLog.USER,
          JpaProductModelService.RECORD,
          JpaConfiguratorService.RECORD -> {
        // readable by every CRM role
        return;
      }
      case AuditLog.ACCOUNT -> {
        OrganizationEntity o = em.find(OrganizationEntity.class, id.toString());
        if (o != null) {
          Visibility.readable(em, actor, policy, o);
          return;
        }
      }
      case AuditLog.CONTACT -> {
        List<String> accounts =
            em.createQuery(
                    "select r.toPartyId from PartyRelationshipEntity r"
                        + " where r.fromPartyId = :person and r.type = :type",
                    String.class)
                .setParameter("person", id.toString())
                .setParameter("type", PartyRelationshipEntity.Type.CONTACT_OF)
                .getResultList();
        OrganizationEntity o =
            accounts.isEmpty() ? null : em.find(OrganizationEntity.class, accounts.get(0));
        if (o != null) {
          Visibility.readable(em, actor, policy, o);
          return;
        }
      }
      case AuditLog.CONTACT_MECHANISM -> {
        // A mechanism's history follows the account its party is or belongs to.
        ContactMechanismEntity m = em.find(ContactMechanismEntity.class, id.toString());
        OrganizationEntity o = m == null ? null : JpaPartyService.accountOf(em, m.partyId);
        if (o != null) {
          Visibility.readable(em, actor, policy, o);
          return;
        }
      }
      case Activities.ACTIVITY -> {
        // An activity's history follows its account, also after the activity was deleted.
        String account = Activities.accountOf(em, id.toString());
        OrganizationEntity o = account == null ? null : em.find(OrganizationEntity.class, account);
        if (o != null) {
          Visibility.readable(em, actor, policy, o);
          return;
        }
      }
      case JpaCaseService.RECORD -> {
        // A case's history is as visible as the case (its owner's circle, its account, shares).
        CaseEntity c = em.find(CaseEntity.class, id.toString());
        if (c != null) {
          JpaCaseService.readable(em, actor, policy, id);
          return;
        }
      }
      case JpaLeadService.LEAD -> {
        // A lead's history is as visible as the lead (its owner's circle, shares).
        if (em.find(LeadEntity.class, id.toString()) != null) {
          JpaLeadService.readable(em, actor, policy, id);
          return;
        }
      }
      default -> {
        // falls through to not found
      }
    }
    throw new NotFoundException(type, id);
  }
}
