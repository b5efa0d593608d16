package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.lifecycle.LifecycleRule;
import org.loopcrm.crm.api.lifecycle.LifecycleService;
import org.loopcrm.crm.api.lifecycle.PurchaseFacts;
import org.loopcrm.crm.api.lifecycle.StageTransition;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The lifecycle over JPA: rules from {@link LifecyclePolicy}, facts from {@code crm_purchase}. */
@Component(service = LifecycleService.class)
public final class JpaLifecycleService implements LifecycleService {
  static final int MAX_LIMIT = 200;
  static final int MAX_BATCH = 1000;

  private final Transactions tx;
  private final Clock clock;
  private final LifecyclePolicy lifecycle;
  private final AccessPolicy access;

  /** Wired by DS once the schema is migrated. */
  @Activate
  public JpaLifecycleService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference LifecyclePolicy lifecycle,
      @Reference AccessPolicy access) {
    this(emf, Clock.systemUTC(), lifecycle, access);
  }

  JpaLifecycleService(
      EntityManagerFactory emf, Clock clock, LifecyclePolicy lifecycle, AccessPolicy access) {
    this.tx = new Transactions(emf);
    this.clock = clock;
    this.lifecycle = lifecycle;
    this.access = access;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public List<LifecycleRule> rules(Actor actor) {
    require(actor, Resource.LIFECYCLE, Action.READ);
    return lifecycle.rules().rules();
  }

  @Override
  public PurchaseFacts facts(Actor actor, UUID accountId) {
    require(actor, Resource.LIFECYCLE, Action.READ);
    return tx.readOnly(
        em -> {
          OrganizationEntity o =
              Visibility.readable(em, actor, access, JpaAccountService.find(em, accountId));
          return Lifecycle.facts(em, o.id, now(), lifecycle.rules().windowDays());
        });
  }

  @Override
  public Page<StageTransition> history(Actor actor, UUID accountId, int limit, String cursor) {
    require(actor, Resource.LIFECYCLE, Action.READ);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException(
          List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
    }
    Long before = null;
    if (cursor != null) {
      try {
        before = Long.parseLong(cursor);
      } catch (NumberFormatException e) {
        before = -1L;
      }
      if (before < 1) {
        throw new ValidationException(
            List.of(new FieldError("cursor", "is not a cursor this API returned")));
      }
    }
    Long after = before;
    return tx.readOnly(
        em -> {
          OrganizationEntity o =
              Visibility.readable(em, actor, access, JpaAccountService.find(em, accountId));
          TypedQuery<StageTransitionEntity> q =
              em.createQuery(
                  "select t from StageTransitionEntity t where t.partyId = :party"
                      + (after == null ? "" : " and t.sequence < :before")
                      + " order by t.sequence desc",
                  StageTransitionEntity.class);
          q.setParameter("party", o.id);
          if (after != null) {
            q.setParameter("before", after);
          }
          List<StageTransitionEntity> rows = q.setMaxResults(limit + 1).getResultList();
          List<StageTransition> items =
              rows.stream().limit(limit).map(Lifecycle::toTransition).toList();
          Optional<String> next =
              rows.size() > limit
                  ? Optional.of(Long.toString(items.get(items.size() - 1).sequence()))
                  : Optional.empty();
          return new Page<>(items, next);
        });
  }

  @Override
  public Optional<StageTransition> evaluate(Actor actor, UUID accountId) {
    require(actor, Resource.LIFECYCLE, Action.UPDATE);
    return tx.inTransaction(
        em -> {
          OrganizationEntity o =
              Visibility.writable(em, actor, access, JpaAccountService.find(em, accountId));
          long versionBefore = o.version;
          Optional<StageTransition> moved =
              Lifecycle.apply(em, o, lifecycle.rules(), now()).map(Lifecycle::toTransition);
          ErpMasterData.keepAgreement(em, o, versionBefore);
          return moved;
        });
  }

  @Override
  public Sweep evaluateAll(Actor actor, String afterId, int batch) {
    require(actor, Resource.LIFECYCLE_SWEEP, Action.UPDATE);
    if (batch < 1 || batch > MAX_BATCH) {
      throw new ValidationException(
          List.of(new FieldError("batch", "must be between 1 and " + MAX_BATCH)));
    }
    List<String> ids =
        tx.readOnly(
            em -> {
              TypedQuery<String> q =
                  em.createQuery(
                      "select distinct p.partyId from PurchaseEntity p"
                          + (afterId == null ? "" : " where p.partyId > :after")
                          + " order by p.partyId",
                      String.class);
              if (afterId != null) {
                q.setParameter("after", afterId);
              }
              return q.setMaxResults(batch).getResultList();
            });
    List<String> moved = new ArrayList<>();
    for (String id : ids) {
      // One transaction per account: a failure (a concurrent change) costs one account, not all.
      tx.inTransaction(
          em -> {
            OrganizationEntity o = em.find(OrganizationEntity.class, id);
            if (o == null) {
              return null;
            }
            long versionBefore = o.version;
            if (Lifecycle.apply(em, o, lifecycle.rules(), now()).isPresent()) {
              moved.add(id);
              ErpMasterData.keepAgreement(em, o, versionBefore);
            }
            return null;
          });
    }
    return new Sweep(ids.size(), moved.size(), ids.isEmpty() ? null : ids.get(ids.size() - 1));
  }
}
