package org.loopcrm.crm.api.servicecase;

import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Page;

/**
 * Service cases. A case is seen and changed by its owner's circle (the owner, the owner's team
 * mates, the owner's managers), by whoever sees (changes) its account, and by those it is shared
 * with; for everybody else it does not exist ({@link org.loopcrm.crm.api.NotFoundException}).
 *
 * <p>A case opened without an owner goes where the assignment rules of kind {@code CASE} say (the
 * decision is explained, audited and sets the first-response deadline); the first reply, or the
 * case leaving NEW, is its first response. Every change is audited, announced as an event and
 * written to the case's thread, which the account's timeline shows.
 *
 * <p>Throws {@link org.loopcrm.crm.api.ValidationException} for bad input, {@link
 * org.loopcrm.crm.api.StaleVersionException} when {@code expectedVersion} is not current, {@link
 * org.loopcrm.crm.api.ConflictException} for a transition the lifecycle does not allow, and {@link
 * org.loopcrm.crm.api.AccessDeniedException}.
 */
public interface CaseService {

  /** Opens a case on an account the actor may read. */
  ServiceCase create(Actor actor, CaseDraft draft);

  /** One case. */
  ServiceCase get(Actor actor, UUID id);

  /** The cases the actor may see, newest first. */
  Page<ServiceCase> list(Actor actor, CaseQuery query);

  /** Replaces the editable fields of a case that is not CLOSED; the account cannot change. */
  ServiceCase update(Actor actor, UUID id, long expectedVersion, CaseDraft draft);

  /**
   * Moves a case along its lifecycle ({@link CaseStatus#canBecome}).
   *
   * @param note why, or null (at most 2,000 characters)
   */
  ServiceCase transition(Actor actor, UUID id, long expectedVersion, CaseStatus to, String note);

  /**
   * Adds a reply or an internal note to a case that is not CLOSED.
   *
   * @param kind {@link CaseEventKind#REPLY} or {@link CaseEventKind#NOTE}
   */
  CaseEvent comment(Actor actor, UUID id, CaseEventKind kind, String body);

  /** The case's thread, oldest first. */
  List<CaseEvent> events(Actor actor, UUID id);
}
