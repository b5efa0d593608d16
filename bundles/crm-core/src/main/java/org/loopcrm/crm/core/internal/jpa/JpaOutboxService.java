package org.loopcrm.crm.core.internal.jpa;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import org.loopcrm.crm.api.event.OutboxEvent;
import org.loopcrm.crm.api.event.OutboxService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The outbox table, read and acknowledged by the relay route. */
@Component(service = OutboxService.class)
public final class JpaOutboxService implements OutboxService {
  private final Transactions tx;
  private final Clock clock;

  /** Wired by DS once the schema is migrated. */
  @Activate
  public JpaOutboxService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema) {
    this(emf, Clock.systemUTC());
  }

  JpaOutboxService(EntityManagerFactory emf, Clock clock) {
    this.tx = new Transactions(emf);
    this.clock = clock;
  }

  @Override
  public List<OutboxEvent> pending(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive");
    }
    return tx.readOnly(
        em ->
            em
                .createQuery(
                    "select e from OutboxEventEntity e where e.sentAt is null order by e.sequence",
                    OutboxEventEntity.class)
                .setMaxResults(max)
                .getResultList()
                .stream()
                .map(
                    e ->
                        new OutboxEvent(
                            e.sequence,
                            UUID.fromString(e.eventId),
                            e.aggregateType,
                            e.aggregateId,
                            e.type,
                            e.payload,
                            e.occurredAt))
                .toList());
  }

  @Override
  public void markSent(List<Long> sequences) {
    if (sequences.isEmpty()) {
      return;
    }
    tx.inTransaction(
        em ->
            em.createQuery(
                    "update OutboxEventEntity e set e.sentAt = :now"
                        + " where e.sequence in :seqs and e.sentAt is null")
                .setParameter("now", clock.instant().truncatedTo(ChronoUnit.MICROS))
                .setParameter("seqs", sequences)
                .executeUpdate());
  }

  @Override
  public long pendingCount() {
    return tx.readOnly(
        em ->
            em.createQuery(
                    "select count(e) from OutboxEventEntity e where e.sentAt is null", Long.class)
                .getSingleResult());
  }

  @Override
  public int purgeSent(Instant sentBefore, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive");
    }
    return tx.inTransaction(
        em -> {
          List<Long> old =
              em.createQuery(
                      "select e.sequence from OutboxEventEntity e where e.sentAt is not null"
                          + " and e.sentAt < :before and not exists (select d.sequence from"
                          + " WebhookDeliveryEntity d where d.eventId = e.eventId)"
                          + " order by e.sequence",
                      Long.class)
                  .setParameter("before", sentBefore)
                  .setMaxResults(max)
                  .getResultList();
          if (old.isEmpty()) {
            return 0;
          }
          return em.createQuery("delete from OutboxEventEntity e where e.sequence in :seqs")
              .setParameter("seqs", old)
              .executeUpdate();
        });
  }
}
