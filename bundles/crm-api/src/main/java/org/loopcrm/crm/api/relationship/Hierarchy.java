package org.loopcrm.crm.api.relationship;

import java.util.List;
import java.util.UUID;

/**
 * An account's place in the hierarchy, as far as the caller may see it.
 *
 * @param accountId the account
 * @param parentId its parent, or null
 * @param ancestors its parent, grand-parent, ... up to the root, nearest first; the walk stops at
 *     the first one the caller may not see
 * @param ancestorsHidden whether there are ancestors beyond those listed that the caller may not
 *     see
 * @param descendants its children, grand-children, ... depth first, each node after its parent,
 *     down to the depth asked for; subtrees the caller may not see are left out
 * @param descendantsHidden how many descendants were left out because the caller may not see them
 */
public record Hierarchy(
    UUID accountId,
    UUID parentId,
    List<HierarchyNode> ancestors,
    boolean ancestorsHidden,
    List<HierarchyNode> descendants,
    int descendantsHidden) {

  /** Copies the lists. */
  public Hierarchy {
    ancestors = List.copyOf(ancestors);
    descendants = List.copyOf(descendants);
  }
}
