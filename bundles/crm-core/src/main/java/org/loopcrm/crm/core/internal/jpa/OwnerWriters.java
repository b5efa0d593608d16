package org.loopcrm.crm.core.internal.jpa;

import java.util.List;
import javax.persistence.EntityManager;
import org.loopcrm.crm.api.activity.ActivityKind;
import org.loopcrm.crm.api.activity.TaskStatus;
import org.loopcrm.crm.api.assignment.RecordKind;
import org.loopcrm.crm.api.lead.LeadStatus;
import org.loopcrm.crm.api.sales.StageKind;
import org.loopcrm.crm.api.servicecase.CaseStatus;

/**
 * Where each kind of record keeps its owner: the assignment engine reads the load of a user and
 * writes a new owner through here.
 */
final class OwnerWriters {
  private OwnerWriters() {}

  /** The open records of the kind the user owns. */
  static long load(EntityManager em, RecordKind kind, String user) {
    switch (kind) {
      case TASK:
        return em.createQuery(
                "select count(a) from ActivityEntity a where a.kind = :k and a.status = :s"
                    + " and a.owner = :u",
                Long.class)
            .setParameter("k", ActivityKind.TASK)
            .setParameter("s", TaskStatus.OPEN)
            .setParameter("u", user)
            .getSingleResult();
      case LEAD:
        return em.createQuery(
                "select count(l) from LeadEntity l where l.owner = :u and l.status in :open",
                Long.class)
            .setParameter("u", user)
            .setParameter("open", List.of(LeadStatus.NEW, LeadStatus.WORKING, LeadStatus.QUALIFIED))
            .getSingleResult();
      case OPPORTUNITY:
        return em.createQuery(
                "select count(o) from OpportunityEntity o where o.owner = :u and o.status = :open",
                Long.class)
            .setParameter("u", user)
            .setParameter("open", StageKind.OPEN)
            .getSingleResult();
      case CASE:
        return em.createQuery(
                "select count(c) from CaseEntity c where c.owner = :u and c.status in :open",
                Long.class)
            .setParameter("u", user)
            .setParameter(
                "open", List.of(CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.WAITING_ON_CUSTOMER))
            .getSingleResult();
      default:
        return em.createQuery(
                "select count(o) from AssignmentOpenEntity o where o.kind = :k and o.owner = :u",
                Long.class)
            .setParameter("k", kind)
            .setParameter("u", user)
            .getSingleResult();
    }
  }

  /**
   * Gives the record a new owner, and a case the new owner's first-response deadline; false when
   * the record is gone or closed (its open assignment is then dropped).
   */
  static boolean write(
      EntityManager em,
      RecordKind kind,
      String recordId,
      String owner,
      java.time.Instant responseDueAt) {
    switch (kind) {
      case TASK:
        {
          ActivityEntity a =
              em.createQuery(
                      "select a from ActivityEntity a where a.activityId = :id",
                      ActivityEntity.class)
                  .setParameter("id", recordId)
                  .getResultStream()
                  .findFirst()
                  .orElse(null);
          if (a == null || a.status != TaskStatus.OPEN) {
            return false;
          }
          a.owner = owner;
          return true;
        }
      case LEAD:
        {
          LeadEntity l = em.find(LeadEntity.class, recordId);
          if (l == null
              || l.status == LeadStatus.CONVERTED
              || l.status == LeadStatus.DISQUALIFIED) {
            return false;
          }
          l.owner = owner;
          return true;
        }
      case OPPORTUNITY:
        {
          OpportunityEntity o = em.find(OpportunityEntity.class, recordId);
          if (o == null || o.status != StageKind.OPEN) {
            return false;
          }
          o.owner = owner;
          return true;
        }
      case CASE:
        {
          CaseEntity c = em.find(CaseEntity.class, recordId);
          if (c == null || !c.status.isOpen()) {
            return false;
          }
          c.owner = owner;
          c.responseDueAt = responseDueAt;
          return true;
        }
      default:
        return true;
    }
  }
}
