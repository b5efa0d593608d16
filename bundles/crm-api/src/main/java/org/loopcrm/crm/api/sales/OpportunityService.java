package org.loopcrm.crm.api.sales;

import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Page;

/**
 * Opportunities. An opportunity follows its account: whoever may read (change) the account may read
 * (change) its opportunities; others get {@link org.loopcrm.crm.api.NotFoundException}.
 *
 * <p>Stage rules: an open opportunity may move to any open stage of its pipeline, provided the
 * required fields and gate checks of the target stage — and of every stage it skips on the way
 * forward — hold. It is won or lost only through {@link #win} and {@link #lose}; a closed one
 * changes no more until it is {@link #reopen reopened}. Every stage change is kept in the history,
 * audited, and published as an event.
 *
 * <p>Throws {@link org.loopcrm.crm.api.ValidationException} with field errors for bad input and
 * unmet stage requirements, {@link org.loopcrm.crm.api.StaleVersionException} when {@code
 * expectedVersion} is not current, {@link org.loopcrm.crm.api.ConflictException} for transitions
 * that make no sense, and {@link org.loopcrm.crm.api.AccessDeniedException}.
 */
public interface OpportunityService {

  /** Creates an opportunity on its pipeline's first (or the named open) stage. */
  Opportunity create(Actor actor, OpportunityDraft draft);

  /** One opportunity. */
  Opportunity get(Actor actor, UUID id);

  /** The opportunities the actor may see, by close date then id. */
  Page<Opportunity> list(Actor actor, OpportunityQuery query, int limit, String cursor);

  /** Replaces the editable fields of an open opportunity. */
  Opportunity update(Actor actor, UUID id, long expectedVersion, OpportunityDraft draft);

  /** Moves an open opportunity to another open stage. */
  Opportunity moveTo(Actor actor, UUID id, long expectedVersion, String stage);

  /**
   * Wins an open opportunity: it enters the pipeline's (or the named) WON stage.
   *
   * @param stage a WON stage, or null for the first
   * @param reason why it was won, or null
   */
  Opportunity win(Actor actor, UUID id, long expectedVersion, String stage, String reason);

  /**
   * Loses an open opportunity.
   *
   * @param stage a LOST stage, or null for the first
   * @param reason why it was lost (required)
   * @param lostTo the competitor that won it, or null
   */
  Opportunity lose(
      Actor actor, UUID id, long expectedVersion, String stage, String reason, String lostTo);

  /** Reopens a won or lost opportunity on an open stage (managers and administrators only). */
  Opportunity reopen(Actor actor, UUID id, long expectedVersion, String stage, String reason);

  /** Adds a line to an open opportunity. */
  Opportunity addLine(Actor actor, UUID id, long expectedVersion, LineDraft line);

  /** Removes a line from an open opportunity. */
  Opportunity removeLine(Actor actor, UUID id, long expectedVersion, UUID lineId);

  /** The stage history, oldest first. */
  List<StageChange> history(Actor actor, UUID id);

  /**
   * The opportunity's closed loop, oldest first: its stage changes, its quotes, the commands to the
   * ERP placed for it (the accepted quote's sale, productions, projects) and every state the ERP
   * reported for the documents those commands made.
   */
  List<OpportunityEvent> timeline(Actor actor, UUID id);
}
