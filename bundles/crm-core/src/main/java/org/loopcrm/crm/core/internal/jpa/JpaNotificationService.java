package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.activity.Notification;
import org.loopcrm.crm.api.activity.NotificationService;
import org.loopcrm.crm.core.internal.activity.TimelineCursor;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A user's own notifications, newest first (by sequence: the order they were created in). Nobody
 * sees another user's notifications, not even crm-admin: they are personal, like a mailbox.
 */
@Component(service = NotificationService.class)
public final class JpaNotificationService implements NotificationService {
  private static final String SOURCE = "notification";
  private final Transactions tx;
  private final Clock clock;

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaNotificationService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema) {
    this(emf, Clock.systemUTC());
  }

  JpaNotificationService(EntityManagerFactory emf, Clock clock) {
    this.tx = new Transactions(emf);
    this.clock = clock;
  }

  @Override
  public Page<Notification> mine(Actor actor, boolean unreadOnly, int limit, String cursor) {
    require(actor, Resource.NOTIFICATION, Action.READ);
    if (limit < 1 || limit > JpaActivityService.MAX_LIMIT) {
      throw new ValidationException(
          List.of(
              new FieldError("limit", "must be between 1 and " + JpaActivityService.MAX_LIMIT)));
    }
    String scope = "notifications|" + actor.user() + '|' + unreadOnly;
    TimelineCursor after = cursor == null ? null : TimelineCursor.decode(cursor, scope);
    String jpql =
        "select n from NotificationEntity n where n.user = :user"
            + (unreadOnly ? " and n.readAt is null" : "")
            + (after == null ? "" : " and n.sequence < :afterSeq")
            + " order by n.sequence desc";
    return tx.readOnly(
        em -> {
          TypedQuery<NotificationEntity> q =
              em.createQuery(jpql, NotificationEntity.class).setParameter("user", actor.user());
          if (after != null) {
            q.setParameter("afterSeq", after.sequence());
          }
          List<NotificationEntity> rows = q.setMaxResults(limit + 1).getResultList();
          List<Notification> items = new ArrayList<>();
          for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            items.add(toNotification(rows.get(i)));
          }
          Optional<String> next = Optional.empty();
          if (rows.size() > limit) {
            NotificationEntity last = rows.get(limit - 1);
            next =
                Optional.of(
                    new TimelineCursor(scope, last.createdAt, SOURCE, last.sequence).encode());
          }
          return new Page<>(items, next);
        });
  }

  @Override
  public Notification markRead(Actor actor, UUID id) {
    require(actor, Resource.NOTIFICATION, Action.UPDATE);
    return tx.inTransaction(
        em -> {
          List<NotificationEntity> found =
              em.createQuery(
                      "select n from NotificationEntity n where n.notificationId = :id"
                          + " and n.user = :user",
                      NotificationEntity.class)
                  .setParameter("id", id.toString())
                  .setParameter("user", actor.user())
                  .getResultList();
          if (found.isEmpty()) {
            throw new NotFoundException("notification", id);
          }
          NotificationEntity n = found.get(0);
          if (n.readAt == null) {
            n.readAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
          }
          return toNotification(n);
        });
  }

  static Notification toNotification(NotificationEntity n) {
    return new Notification(
        UUID.fromString(n.notificationId),
        n.user,
        n.text,
        n.recordType,
        UUID.fromString(n.recordId),
        n.createdAt,
        n.readAt);
  }
}
