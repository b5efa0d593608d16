package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.persistence.EntityManager;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.erp.ErpCommand;
import org.loopcrm.crm.api.erp.ErpCommandRequest;
import org.loopcrm.crm.api.erp.port.BomLine;
import org.loopcrm.crm.api.erp.port.ProjectTask;
import org.loopcrm.crm.api.eto.BomStatus;
import org.loopcrm.crm.api.eto.EngineeringStatus;
import org.loopcrm.crm.api.eto.Feasibility;
import org.loopcrm.crm.api.quote.QuoteStatus;
import org.loopcrm.crm.api.sales.OpportunityType;
import org.loopcrm.crm.api.sales.StageKind;

/**
 * What an engineer-to-order opportunity's life does to its engineering request, inside the
 * transaction of the opportunity's change (decisions.md §34): creating one opens the request,
 * winning commands the ERP project (and the production, if a BOM is released), losing cancels the
 * request, reopening takes it back to where its work stands. The ERP commands are placed here and
 * when a BOM is released after the win, keyed so that each is made once.
 */
final class EngineeringHooks {
  static final String RECORD = "engineering-request";

  private EngineeringHooks() {}

  /** Opens the request of a new ENGINEER_TO_ORDER opportunity. */
  static void opportunityCreated(EntityManager em, Actor actor, OpportunityEntity o, Instant now) {
    if (o.type != OpportunityType.ENGINEER_TO_ORDER) {
      return;
    }
    EngineeringRequestEntity r = new EngineeringRequestEntity();
    r.id = UUID.randomUUID().toString();
    r.opportunityId = o.id;
    r.accountId = o.accountId;
    r.quantity = BigDecimal.ONE;
    r.specification = o.description;
    r.status = EngineeringStatus.OPEN;
    r.createdBy = actor.user();
    r.createdAt = now;
    r.updatedAt = now;
    em.persist(r);
    em.flush();
    AuditLog.record(em, actor, AuditAction.CREATE, RECORD, r.id, null, image(r), now);
    Outbox.append(em, RECORD, r.id, "engineering-request.opened", eventData(r), now);
  }

  /** Follows the opportunity into the stage it has just entered, coming from {@code from}. */
  static void stageEntered(
      EntityManager em, Actor actor, OpportunityEntity o, StageKind from, Instant now) {
    if (o.type != OpportunityType.ENGINEER_TO_ORDER || o.status == from) {
      return;
    }
    EngineeringRequestEntity r = ofOpportunity(em, o.id);
    if (r == null) {
      return;
    }
    Map<String, Object> before = image(r);
    String event;
    if (o.status == StageKind.WON) {
      if (r.feasibility == Feasibility.NOT_FEASIBLE) {
        throw new ConflictException(
            "the engineering request of opportunity "
                + o.id
                + " is NOT_FEASIBLE: it cannot be won until engineering decides otherwise");
      }
      r.status = EngineeringStatus.WON;
      project(em, actor, r, o, now);
      EngineeringBomEntity released = released(r);
      if (released != null) {
        production(em, actor, r, released, now);
      }
      event = "engineering-request.won";
    } else if (o.status == StageKind.LOST) {
      r.status = EngineeringStatus.CANCELLED;
      event = "engineering-request.cancelled";
    } else {
      r.status = resumed(r);
      event = "engineering-request.reopened";
    }
    r.updatedAt = now;
    em.flush();
    AuditLog.record(em, actor, AuditAction.UPDATE, RECORD, r.id, before, image(r), now);
    Outbox.append(em, RECORD, r.id, event, eventData(r), now);
  }

  /** Where a request's work stands when its opportunity is reopened. */
  static EngineeringStatus resumed(EngineeringRequestEntity r) {
    if (r.quoteId != null) {
      return EngineeringStatus.QUOTED;
    }
    if (r.estimatedAt != null) {
      return EngineeringStatus.ESTIMATED;
    }
    return r.feasibility == null ? EngineeringStatus.OPEN : EngineeringStatus.FEASIBILITY_DECIDED;
  }

  static EngineeringRequestEntity ofOpportunity(EntityManager em, String opportunityId) {
    List<EngineeringRequestEntity> found =
        em.createQuery(
                "select r from EngineeringRequestEntity r where r.opportunityId = :o",
                EngineeringRequestEntity.class)
            .setParameter("o", opportunityId)
            .getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  static EngineeringBomEntity released(EngineeringRequestEntity r) {
    return r.boms.stream().filter(b -> b.status == BomStatus.RELEASED).findFirst().orElse(null);
  }

  /** Commands the ERP project with the engineering tasks, once per request. */
  static void project(
      EntityManager em, Actor actor, EngineeringRequestEntity r, OpportunityEntity o, Instant now) {
    String key = "eto-project-" + r.id;
    ErpCommandEntity existing = command(em, r.accountId, key);
    if (existing == null) {
      List<ProjectTask> tasks =
          r.tasks.stream().map(t -> new ProjectTask(t.name, t.effortHours)).toList();
      existing =
          JpaErpCommandService.place(
              em,
              actor,
              em.find(OrganizationEntity.class, r.accountId),
              r.opportunityId,
              key,
              null,
              new ErpCommandRequest.Project(o.name, tasks, reference(r)),
              now);
    }
    r.projectCommandId = existing.commandId;
  }

  /**
   * Commands the ERP production of the request's product from a released BOM revision, once per
   * revision, for the accepted quote's ERP sale when that sale is made already.
   */
  static void production(
      EntityManager em,
      Actor actor,
      EngineeringRequestEntity r,
      EngineeringBomEntity bom,
      Instant now) {
    if (r.productCode == null) {
      throw new ConflictException(
          "engineering request "
              + r.id
              + " names no product to produce: specify its product code first");
    }
    String key = "eto-production-" + r.id + "-r" + bom.revision;
    ErpCommandEntity existing = command(em, r.accountId, key);
    if (existing == null) {
      List<BomLine> lines =
          bom.lines.stream().map(l -> new BomLine(l.productCode, l.quantity)).toList();
      existing =
          JpaErpCommandService.place(
              em,
              actor,
              em.find(OrganizationEntity.class, r.accountId),
              r.opportunityId,
              key,
              null,
              new ErpCommandRequest.Production(
                  r.productCode,
                  r.quantity,
                  null,
                  lines,
                  saleRef(em, r),
                  reference(r) + "/r" + bom.revision),
              now);
    }
    r.productionCommandId = existing.commandId;
  }

  /** The ERP sale of the opportunity's accepted quote, if its command is DONE. */
  private static String saleRef(EntityManager em, EngineeringRequestEntity r) {
    List<String> commandIds =
        em.createQuery(
                "select q.saleCommandId from QuoteEntity q where q.opportunityId = :o"
                    + " and q.status = :accepted and q.saleCommandId is not null",
                String.class)
            .setParameter("o", r.opportunityId)
            .setParameter("accepted", QuoteStatus.ACCEPTED)
            .getResultList();
    for (String id : commandIds) {
      ErpCommandEntity c = commandById(em, id);
      if (c != null && c.status == ErpCommand.Status.DONE && c.documentRef != null) {
        return c.documentRef;
      }
    }
    return null;
  }

  static String reference(EngineeringRequestEntity r) {
    return "ETO-" + r.id.substring(0, 8);
  }

  private static ErpCommandEntity command(EntityManager em, String accountId, String key) {
    List<ErpCommandEntity> found =
        em.createQuery(
                "select c from ErpCommandEntity c where c.accountId = :a and c.key = :k",
                ErpCommandEntity.class)
            .setParameter("a", accountId)
            .setParameter("k", key)
            .getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  static ErpCommandEntity commandById(EntityManager em, String commandId) {
    if (commandId == null) {
      return null;
    }
    List<ErpCommandEntity> found =
        em.createQuery(
                "select c from ErpCommandEntity c where c.commandId = :id", ErpCommandEntity.class)
            .setParameter("id", commandId)
            .getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  static Map<String, Object> eventData(EngineeringRequestEntity r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requestId", r.id);
    m.put("opportunityId", r.opportunityId);
    m.put("accountId", r.accountId);
    m.put("status", r.status.name());
    m.put("productCode", r.productCode);
    m.put("quantity", r.quantity);
    m.put("feasibility", r.feasibility == null ? null : r.feasibility.name());
    m.put("quoteId", r.quoteId);
    m.put("projectCommandId", r.projectCommandId);
    m.put("productionCommandId", r.productionCommandId);
    return m;
  }

  static Map<String, Object> image(EngineeringRequestEntity r) {
    Map<String, Object> m = eventData(r);
    m.put("specification", r.specification);
    m.put("feasibilityNote", r.feasibilityNote);
    m.put("marginPercent", r.marginPercent);
    m.put(
        "costLines",
        r.costLines.stream()
            .map(
                l ->
                    l.category
                        + " "
                        + l.description
                        + " "
                        + l.quantity.stripTrailingZeros().toPlainString()
                        + " x "
                        + l.unitCost.stripTrailingZeros().toPlainString())
            .toList());
    m.put(
        "tasks",
        r.tasks.stream()
            .map(
                t ->
                    t.name
                        + (t.effortHours == null
                            ? ""
                            : " " + t.effortHours.stripTrailingZeros().toPlainString() + " h"))
            .toList());
    m.put("boms", r.boms.stream().map(b -> "r" + b.revision + " " + b.status).toList());
    return m;
  }
}
