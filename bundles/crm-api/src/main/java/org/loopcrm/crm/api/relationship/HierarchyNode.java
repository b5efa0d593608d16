package org.loopcrm.crm.api.relationship;

import java.util.UUID;
import org.loopcrm.crm.api.account.AccountStatus;

/**
 * An account as a node of the hierarchy.
 *
 * @param accountId the account
 * @param name its name
 * @param owner its owner
 * @param status active or archived
 * @param parentId its parent, or null for a root
 * @param depth its distance from the account asked about (ancestors negative, children 1, ...)
 */
public record HierarchyNode(
    UUID accountId, String name, String owner, AccountStatus status, UUID parentId, int depth) {}
