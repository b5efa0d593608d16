package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.require;
import static org.loopcrm.crm.core.internal.security.Permissions.seesFinance;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.erp.DocumentKind;
import org.loopcrm.crm.api.erp.ErpAccountService;
import org.loopcrm.crm.api.erp.ErpDocument;
import org.loopcrm.crm.api.erp.ErpSnapshot;
import org.loopcrm.crm.api.erp.SyncConflict;
import org.loopcrm.crm.core.internal.activity.TimelineCursor;
import org.loopcrm.crm.core.internal.json.Json;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The ERP's facts as people see them on an account, over JPA. Money is a finance fact: the snapshot
 * needs a role that sees finance facts, and other roles see documents without amounts and no
 * invoices. Conflicts are reviewed by administrators and the integration.
 */
@Component(service = ErpAccountService.class)
public final class JpaErpAccountService implements ErpAccountService {
  static final String CONFLICT_RECORD = "sync-conflict";
  private static final int MAX_LIMIT = 200;

  /** The source name in cursors; pages of documents and of conflicts have a scope of their own. */
  private static final String SRC = "erp";

  private final Transactions tx;
  private final Clock clock;
  private final AccessPolicy policy;

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaErpAccountService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference AccessPolicy policy) {
    this(emf, Clock.systemUTC(), policy);
  }

  JpaErpAccountService(EntityManagerFactory emf, Clock clock, AccessPolicy policy) {
    this.tx = new Transactions(emf);
    this.clock = clock;
    this.policy = policy;
  }

  @Override
  public ErpSnapshot snapshot(Actor actor, UUID accountId) {
    require(actor, Resource.ACCOUNT, Action.READ);
    requireFinance(actor);
    return tx.readOnly(
        em -> {
          OrganizationEntity o = readable(em, actor, accountId);
          Map<DocumentKind, Long> documents = new EnumMap<>(DocumentKind.class);
          for (Object[] row :
              em.createQuery(
                      "select d.kind, count(d) from ErpDocumentEntity d where d.partyId = :p"
                          + " group by d.kind",
                      Object[].class)
                  .setParameter("p", o.id)
                  .getResultList()) {
            documents.put((DocumentKind) row[0], (Long) row[1]);
          }
          return new ErpSnapshot(
              UUID.fromString(o.id),
              o.receivablesOpen.stripTrailingZeros(),
              o.overdue == null ? null : o.overdue.stripTrailingZeros(),
              o.creditLimit == null ? null : o.creditLimit.stripTrailingZeros(),
              o.receivablesCurrency,
              o.invoiceCount,
              o.lastInvoice,
              o.paymentCount,
              o.lastPaymentAt,
              o.balanceAsOf,
              documents);
        });
  }

  @Override
  public Page<ErpDocument> documents(
      Actor actor, UUID accountId, DocumentKind kind, int limit, String cursor) {
    require(actor, Resource.ACCOUNT, Action.READ);
    boolean finance = seesFinance(actor);
    if (kind == DocumentKind.INVOICE) {
      requireFinance(actor);
    }
    checkLimit(limit);
    String scope = "erp-documents|" + accountId + '|' + kind;
    TimelineCursor after = cursor == null ? null : TimelineCursor.decode(cursor, scope);
    return tx.readOnly(
        em -> {
          OrganizationEntity o = readable(em, actor, accountId);
          StringBuilder jpql =
              new StringBuilder("select d from ErpDocumentEntity d where d.partyId = :p");
          Map<String, Object> params = new LinkedHashMap<>();
          params.put("p", o.id);
          if (kind != null) {
            jpql.append(" and d.kind = :kind");
            params.put("kind", kind);
          } else if (!finance) {
            jpql.append(" and d.kind <> :invoice");
            params.put("invoice", DocumentKind.INVOICE);
          }
          return page(
              em,
              jpql,
              params,
              after,
              "d.changedAt",
              "d.sequence",
              ErpDocumentEntity.class,
              limit,
              d -> toDocument(d, finance),
              d -> new TimelineCursor(scope, d.changedAt, SRC, d.sequence));
        });
  }

  @Override
  public Page<SyncConflict> conflicts(Actor actor, boolean openOnly, int limit, String cursor) {
    require(actor, Resource.ERP_CONFLICT, Action.READ);
    checkLimit(limit);
    String scope = "erp-conflicts|" + openOnly;
    TimelineCursor after = cursor == null ? null : TimelineCursor.decode(cursor, scope);
    return tx.readOnly(
        em -> {
          StringBuilder jpql = new StringBuilder("select c from SyncConflictEntity c where 1 = 1");
          Map<String, Object> params = new LinkedHashMap<>();
          if (openOnly) {
            jpql.append(" and c.status = :open");
            params.put("open", SyncConflict.Status.OPEN);
          }
          return page(
              em,
              jpql,
              params,
              after,
              "c.detectedAt",
              "c.sequence",
              SyncConflictEntity.class,
              limit,
              JpaErpAccountService::toConflict,
              c -> new TimelineCursor(scope, c.detectedAt, SRC, c.sequence));
        });
  }

  @Override
  public SyncConflict resolve(Actor actor, UUID conflictId, SyncConflict.Status resolution) {
    require(actor, Resource.ERP_CONFLICT, Action.UPDATE);
    if (resolution == null || resolution == SyncConflict.Status.OPEN) {
      throw new ValidationException(
          List.of(new FieldError("resolution", "must be TOOK_ERP or KEPT_CRM")));
    }
    return tx.inTransaction(
        em -> {
          List<SyncConflictEntity> found =
              em.createQuery(
                      "select c from SyncConflictEntity c where c.conflictId = :id",
                      SyncConflictEntity.class)
                  .setParameter("id", conflictId.toString())
                  .getResultList();
          if (found.isEmpty()) {
            throw new NotFoundException("sync conflict", conflictId);
          }
          SyncConflictEntity c = found.get(0);
          if (c.status != SyncConflict.Status.OPEN) {
            throw new ConflictException(
                "sync conflict " + conflictId + " is resolved already: " + c.status);
          }
          Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
          OrganizationEntity o = JpaAccountService.find(em, UUID.fromString(c.accountId));
          ErpLinkEntity link = ErpMasterData.linkFor(em, o, c.erpSystem, c.customerRef, now);
          if (resolution == SyncConflict.Status.TOOK_ERP) {
            // Only what still differs: the CRM may have come round to the ERP's value meanwhile.
            Map<String, String> differing =
                ErpMasterData.differing(strings(c.erpValues), ErpMasterData.crmValues(em, o));
            if (!differing.isEmpty()) {
              ErpMasterData.apply(em, o, differing, actor, now);
            }
            em.flush();
            ErpMasterData.agreed(link, o.version, now);
            if (link.erpChangedAt == null || link.erpChangedAt.isBefore(c.erpChangedAt)) {
              link.erpChangedAt = c.erpChangedAt;
            }
          } else {
            ErpMasterData.requestPush(em, o, link, actor, now);
          }
          JpaErpFactService.resolved(c, resolution, actor.user(), now);
          em.flush();
          AuditLog.record(
              em,
              actor,
              AuditAction.UPDATE,
              CONFLICT_RECORD,
              c.conflictId,
              Map.of("status", SyncConflict.Status.OPEN),
              Map.of("status", resolution),
              now);
          return toConflict(c);
        });
  }

  private static void requireFinance(Actor actor) {
    if (!seesFinance(actor)) {
      throw new AccessDeniedException("user " + actor.user() + " may not see finance facts");
    }
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException(
          List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
    }
  }

  private OrganizationEntity readable(EntityManager em, Actor actor, UUID accountId) {
    return Visibility.readable(em, actor, policy, JpaAccountService.find(em, accountId));
  }

  /**
   * One keyset page, newest first by (time, sequence), and the cursor after its last row; for the
   * ERP views of an account (documents, conflicts, commands).
   */
  static <E, T> Page<T> page(
      EntityManager em,
      StringBuilder jpql,
      Map<String, Object> params,
      TimelineCursor after,
      String atExpr,
      String seqExpr,
      Class<E> type,
      int limit,
      Function<E, T> item,
      Function<E, TimelineCursor> cursorAfter) {
    if (after != null) {
      jpql.append(" and ").append(after.condition(SRC, atExpr, seqExpr));
      params.put("curAt", after.at());
      params.put("curSeq", after.sequence());
    }
    jpql.append(" order by ").append(atExpr).append(" desc, ").append(seqExpr).append(" desc");
    TypedQuery<E> query = em.createQuery(jpql.toString(), type);
    params.forEach(query::setParameter);
    List<E> rows = query.setMaxResults(limit + 1).getResultList();
    List<T> items = rows.subList(0, Math.min(rows.size(), limit)).stream().map(item).toList();
    Optional<String> next = Optional.empty();
    if (rows.size() > limit) {
      next = Optional.of(cursorAfter.apply(rows.get(limit - 1)).encode());
    }
    return new Page<>(items, next);
  }

  private static ErpDocument toDocument(ErpDocumentEntity d, boolean finance) {
    return new ErpDocument(
        UUID.fromString(d.partyId),
        d.erpSystem,
        d.kind,
        d.documentRef,
        d.number,
        d.state,
        finance && d.amount != null ? d.amount.stripTrailingZeros() : null,
        finance ? d.currency : null,
        d.crmRef,
        d.changedAt,
        d.firstSeenAt);
  }

  static SyncConflict toConflict(SyncConflictEntity c) {
    return new SyncConflict(
        UUID.fromString(c.conflictId),
        UUID.fromString(c.accountId),
        c.erpSystem,
        c.customerRef,
        strings(c.erpValues),
        strings(c.crmValues),
        c.status,
        c.detectedAt,
        c.resolvedBy,
        c.resolvedAt);
  }

  private static Map<String, String> strings(String json) {
    Map<String, String> m = new LinkedHashMap<>();
    Json.readObject(json).forEach((k, v) -> m.put(k, String.valueOf(v)));
    return m;
  }
}
