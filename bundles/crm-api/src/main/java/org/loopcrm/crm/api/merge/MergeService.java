package org.loopcrm.crm.api.merge;

import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;

/**
 * Merges duplicate accounts or contacts and undoes merges. A merge re-links every child record of
 * the losers (contacts, contact mechanisms, roles, relationships, activities, tags, external
 * references, consents, shares) to the survivor, marks the losers as merged (they leave listings;
 * reading one names the survivor), audits and publishes it, all in one transaction. Only
 * administrators and managers merge, and only parties they may change.
 */
public interface MergeService {
  /**
   * Merges the losers into the survivor.
   *
   * @throws org.loopcrm.crm.api.ValidationException if the request is malformed (no loser, the
   *     survivor among the losers, an unknown field or a field source outside the merge)
   * @throws org.loopcrm.crm.api.StaleVersionException if a party is no longer at the version read
   * @throws org.loopcrm.crm.api.NotFoundException if a party does not exist, is of the other kind,
   *     was merged already or is invisible to the actor
   * @throws org.loopcrm.crm.api.ConflictException if the merge cannot be done (archived account,
   *     erased contact, an ERP reference that would clash)
   */
  Merge merge(Actor actor, MergeRequest request);

  /** One merge. */
  Merge get(Actor actor, UUID mergeId);

  /** The merges a party took part in (as survivor or loser), newest first. */
  List<Merge> ofParty(Actor actor, UUID partyId);

  /**
   * Undoes a merge: the losers come back with their field values and exactly the children that
   * moved return to them; the survivor gets its prior values back.
   *
   * @throws org.loopcrm.crm.api.ConflictException if it was undone already, or the survivor or a
   *     moved child changed since in a way undo cannot reconcile; the message says which
   */
  Merge undo(Actor actor, UUID mergeId);
}
