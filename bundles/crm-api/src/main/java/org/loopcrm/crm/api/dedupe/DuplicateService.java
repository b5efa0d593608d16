package org.loopcrm.crm.api.dedupe;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.ContactDraft;

/**
 * Duplicate detection. Candidates are searched only among the records the caller may read, so a
 * check never reveals a record the caller cannot see. Scans and cluster review see every record and
 * are for the roles that do (admin, integration). Calls throw {@link AccessDeniedException}, {@link
 * NotFoundException}, {@link StaleVersionException} and {@link ConflictException} as the other
 * services do.
 */
public interface DuplicateService {

  /** The configuration in force. */
  DuplicateSettings settings();

  /**
   * The readable accounts that probably are the party of the draft, best first; no change is made.
   *
   * @param exceptId the account being updated, left out of the candidates, or null on create
   */
  List<DuplicateCandidate> checkAccount(Actor actor, AccountDraft draft, UUID exceptId);

  /**
   * The readable contacts that probably are the person of the draft, best first.
   *
   * @param accountId the account the contact is (to be) a contact of: its city is the locality
   * @param exceptId the contact being updated, or null on create
   */
  List<DuplicateCandidate> checkContact(
      Actor actor, UUID accountId, ContactDraft draft, UUID exceptId);

  /**
   * The check a create or update runs first: the candidates, or an empty list in mode off.
   *
   * @param ignore the caller asks to go ahead whatever the candidates (honoured only if allowed)
   * @throws DuplicateCandidatesException in mode block when there are candidates and the caller may
   *     not or did not override
   */
  List<DuplicateCandidate> screenAccount(
      Actor actor, AccountDraft draft, UUID exceptId, boolean ignore);

  /** The same check for a contact. */
  List<DuplicateCandidate> screenContact(
      Actor actor, UUID accountId, ContactDraft draft, UUID exceptId, boolean ignore);

  /** Starts a scan of all records in the background; at most one runs at a time. */
  DuplicateScan startScan(Actor actor);

  /** Reads a scan. */
  DuplicateScan scan(Actor actor, UUID id);

  /** The most recent scan, if any. */
  Optional<DuplicateScan> latestScan(Actor actor);

  /**
   * Stored clusters, best score first.
   *
   * @param status only clusters in this state, or null for all
   * @param limit at most this many, 1 to 500
   */
  List<DuplicateCluster> clusters(Actor actor, ClusterStatus status, int limit);

  /** Reads a cluster. */
  DuplicateCluster cluster(Actor actor, UUID id);

  /** Dismisses an open cluster: its members are different parties, and no later scan pairs them. */
  DuplicateCluster dismiss(Actor actor, UUID id, long expectedVersion);

  /** Marks an open cluster as merged (called by the merge once it has merged the members). */
  DuplicateCluster markMerged(Actor actor, UUID id, long expectedVersion);
}
