package org.loopcrm.crm.api.quote;

import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;

/**
 * Quotes of opportunities. A quote follows its opportunity's account: whoever may read (change) the
 * account may read (change) its quotes.
 *
 * <p>Lines change only while the quote is a DRAFT; a sent quote changes by a new revision, which
 * supersedes the open ones. A line discounted over the configured threshold needs a manager's
 * approval before the quote can be sent. Accepting a quote wins the opportunity and places, in the
 * same transaction, a confirmed ERP sale command keyed by the quote (so the ERP makes one sale,
 * even when the command is delivered twice or the CRM crashes in between).
 *
 * <p>Throws {@link org.loopcrm.crm.api.ValidationException}, {@link
 * org.loopcrm.crm.api.NotFoundException}, {@link org.loopcrm.crm.api.StaleVersionException}, {@link
 * org.loopcrm.crm.api.ConflictException} for transitions that make no sense, and {@link
 * org.loopcrm.crm.api.AccessDeniedException}.
 */
public interface QuoteService {

  /**
   * A first quote (revision 1 of a new number) for an open opportunity; no lines copies its lines.
   */
  Quote create(Actor actor, UUID opportunityId, QuoteDraft draft);

  /** One quote revision. */
  Quote get(Actor actor, UUID id);

  /** The quotes of an opportunity, newest number and revision first. */
  List<Quote> ofOpportunity(Actor actor, UUID opportunityId);

  /** Changes a DRAFT. */
  Quote update(Actor actor, UUID id, long expectedVersion, QuoteDraft draft);

  /** A new DRAFT revision copied from this one; the number's open revisions are superseded. */
  Quote revise(Actor actor, UUID id, long expectedVersion);

  /** Submits a DRAFT: APPROVED, or PENDING_APPROVAL when a discount exceeds the threshold. */
  Quote submit(Actor actor, UUID id, long expectedVersion);

  /** Approves a PENDING_APPROVAL quote (crm-admin, crm-manager). */
  Quote approve(Actor actor, UUID id, long expectedVersion, String note);

  /** Refuses approval: back to DRAFT with the note (crm-admin, crm-manager). */
  Quote refuseApproval(Actor actor, UUID id, long expectedVersion, String note);

  /**
   * Asks the ERP, live, for each line's availability at the delivery date and for the credit check
   * of the total, and keeps the answers on the quote. An ERP that does not answer is recorded as
   * the problem, not thrown.
   */
  Quote check(Actor actor, UUID id);

  /** Marks an APPROVED quote as sent to the customer. */
  Quote send(Actor actor, UUID id, long expectedVersion);

  /**
   * The customer accepts a SENT (or APPROVED) quote that is still valid: the opportunity is won and
   * a confirmed ERP sale is commanded, keyed by the quote.
   */
  Quote accept(Actor actor, UUID id, long expectedVersion);

  /** The customer rejects a SENT quote; the reason is required. */
  Quote reject(Actor actor, UUID id, long expectedVersion, String reason);

  /**
   * The customer withdraws the order of an ACCEPTED quote: the quote becomes ORDER_CANCELLED and
   * the ERP sale is commanded cancelled. Every production requested for the opportunity is
   * commanded stopped (quantity zero) once the ERP has cancelled the sale; a sale it refuses to
   * cancel keeps them. The reason is required.
   */
  Quote cancelOrder(Actor actor, UUID id, long expectedVersion, String reason);

  /**
   * The customer reduces the order of an ACCEPTED quote: the named lines' quantities on order go
   * down (to zero for a line dropped). In one transaction the quote keeps the new quantities on
   * order, the ERP sale is commanded changed, and each production requested for a changed
   * configured line is commanded to the line's new quantity (zero stops it). Quantities may only go
   * down; dropping every line is {@link #cancelOrder}. The reason is required.
   *
   * @since 1.1
   */
  Quote reduceOrder(
      Actor actor, UUID id, long expectedVersion, List<LineQuantity> lines, String reason);
}
