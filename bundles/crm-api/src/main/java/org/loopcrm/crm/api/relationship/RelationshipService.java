package org.loopcrm.crm.api.relationship;

import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.ValidationException;

/**
 * Account relationships and the account hierarchy. Reads and writes follow the accounts' role
 * permissions and record-level access: an account the caller may not see is {@link
 * NotFoundException}; changing an account's parent or partners needs write access to it and read
 * access to the other account. Changes are audited on the account and written to the outbox.
 */
public interface RelationshipService {

  /** Deepest hierarchy walked, up or down; deeper trees are cut there. */
  int MAX_DEPTH = 32;

  /**
   * Makes {@code parentId} the parent of the account, ending the previous parent relationship.
   *
   * @throws ConflictException if the parent is the account itself or one of its descendants (a
   *     cycle), or already its parent
   */
  Hierarchy setParent(Actor actor, UUID accountId, UUID parentId);

  /**
   * Ends the account's parent relationship: it becomes a root.
   *
   * @throws ConflictException if it has no parent
   */
  Hierarchy clearParent(Actor actor, UUID accountId);

  /**
   * The account's ancestors and its descendants down to {@code depth} levels (1 = its children).
   *
   * @throws ValidationException if depth is not between 1 and {@link #MAX_DEPTH}
   */
  Hierarchy hierarchy(Actor actor, UUID accountId, int depth);

  /** Totals over the account and its descendants. */
  RollUp rollUp(Actor actor, UUID accountId);

  /** The relationships of an account, as from or to party; ended ones too if asked. */
  List<Relationship> relationships(Actor actor, UUID accountId, boolean includeEnded);

  /**
   * Relates the account to another: only {@link RelationshipType#PARTNER_OF} here (the parent has
   * {@link #setParent}, contacts have the account service).
   *
   * @throws ConflictException if the same active relationship exists
   */
  Relationship relate(
      Actor actor, UUID accountId, RelationshipType type, UUID otherAccountId, String title);

  /**
   * Ends a relationship of the account (sets its thru date); it stays in the history.
   *
   * @throws ConflictException if it has ended already
   */
  Relationship end(Actor actor, UUID accountId, UUID relationshipId);
}
