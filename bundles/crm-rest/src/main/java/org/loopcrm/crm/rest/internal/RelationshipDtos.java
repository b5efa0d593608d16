package org.loopcrm.crm.rest.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.loopcrm.crm.api.relationship.Hierarchy;
import org.loopcrm.crm.api.relationship.HierarchyNode;
import org.loopcrm.crm.api.relationship.Relationship;
import org.loopcrm.crm.api.relationship.RollUp;

/** The JSON shapes of relationships, the hierarchy and roll-ups. */
final class RelationshipDtos {
  private RelationshipDtos() {}

  /** The new parent. */
  record ParentBody(String parentId) {}

  /** A relationship as it is created. */
  record RelationshipBody(String type, String toAccountId, String title) {}

  /** A relationship as the API shows it. */
  record RelationshipView(
      UUID id,
      String type,
      UUID fromPartyId,
      UUID toPartyId,
      String title,
      String fromDate,
      String thruDate,
      boolean active) {
    static RelationshipView of(Relationship r) {
      return new RelationshipView(
          r.id(),
          r.type().name(),
          r.fromPartyId(),
          r.toPartyId(),
          r.title(),
          text(r.fromDate()),
          text(r.thruDate()),
          r.active());
    }
  }

  /** Relationships. */
  record RelationshipList(List<RelationshipView> items) {}

  /** A node of the hierarchy. */
  record NodeView(
      UUID accountId, String name, String owner, String status, UUID parentId, int depth) {
    static NodeView of(HierarchyNode n) {
      return new NodeView(
          n.accountId(), n.name(), n.owner(), n.status().name(), n.parentId(), n.depth());
    }
  }

  /** An account's place in the hierarchy. */
  record HierarchyView(
      UUID accountId,
      UUID parentId,
      List<NodeView> ancestors,
      boolean ancestorsHidden,
      List<NodeView> descendants,
      int descendantsHidden) {
    static HierarchyView of(Hierarchy h) {
      return new HierarchyView(
          h.accountId(),
          h.parentId(),
          h.ancestors().stream().map(NodeView::of).toList(),
          h.ancestorsHidden(),
          h.descendants().stream().map(NodeView::of).toList(),
          h.descendantsHidden());
    }
  }

  /** Totals over a subtree. */
  record RollUpView(
      UUID accountId,
      int accounts,
      int activeAccounts,
      long contacts,
      Map<String, BigDecimal> receivablesOpen,
      Long invoiceCount,
      int hiddenAccounts) {
    static RollUpView of(RollUp r) {
      return new RollUpView(
          r.accountId(),
          r.accounts(),
          r.activeAccounts(),
          r.contacts(),
          r.receivablesOpen(),
          r.invoiceCount(),
          r.hiddenAccounts());
    }
  }

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }
}
