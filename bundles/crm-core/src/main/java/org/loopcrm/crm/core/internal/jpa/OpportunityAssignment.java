package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.persistence.EntityManager;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.assignment.Assignment;
import org.loopcrm.crm.api.assignment.RecordKind;
import org.loopcrm.crm.api.sales.StageKind;

/**
 * The hook through which opportunities take part in assignment (decisions.md §29): one created
 * without an owner goes where the OPPORTUNITY rules say (the creator's when none assigns), and a
 * won or lost one leaves the sweep.
 */
final class OpportunityAssignment {
  private OpportunityAssignment() {}

  static void assign(
      EntityManager em, Actor actor, OpportunityEntity o, OrganizationEntity account, Instant now) {
    Assignment a =
        AssignmentEngine.assign(
            em, actor, RecordKind.OPPORTUNITY, o.id, attributes(o, account), now);
    if (a.owner() != null) {
      o.owner = a.owner();
    }
  }

  static void closedUnlessOpen(EntityManager em, OpportunityEntity o) {
    if (o.status != StageKind.OPEN) {
      AssignmentEngine.closed(em, RecordKind.OPPORTUNITY, o.id);
    }
  }

  /** What OPPORTUNITY rules test. */
  static Map<String, String> attributes(OpportunityEntity o, OrganizationEntity account) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("type", o.type == null ? null : o.type.name());
    m.put("pipeline", o.pipeline);
    m.put("amount", o.amount == null ? null : o.amount.toPlainString());
    m.put("currency", o.currency);
    m.put("source", o.source);
    m.put("accountOwner", account.owner);
    m.put("accountId", account.id);
    return m;
  }
}
