package org.loopcrm.crm.core.internal.jpa;

import java.util.List;
import java.util.UUID;
import javax.persistence.EntityManager;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.lead.Conversion;
import org.loopcrm.crm.api.sales.OpportunityDraft;
import org.loopcrm.crm.api.sales.OpportunityService;

/** The opportunity a lead conversion creates, in the conversion's transaction. */
interface LeadOpportunities {

  /** Creates the opportunity; its id. */
  UUID create(
      EntityManager em,
      Actor actor,
      UUID accountId,
      UUID contactId,
      Conversion.OpportunityRequest request,
      String owner,
      UUID leadId,
      String source);

  /** No opportunity service: a conversion that asks for one is refused as a whole. */
  LeadOpportunities NONE =
      (em, actor, accountId, contactId, request, owner, leadId, source) -> {
        throw new ValidationException(
            List.of(
                new FieldError(
                    "createOpportunity", "opportunities are not available: convert without one")));
      };

  /** Through the opportunity service of this core (its in-transaction entry point). */
  static LeadOpportunities of(OpportunityService service) {
    if (!(service instanceof JpaOpportunityService jpa)) {
      return NONE;
    }
    return (em, actor, accountId, contactId, r, owner, leadId, source) ->
        UUID.fromString(
            jpa.create(
                    em,
                    actor,
                    new OpportunityDraft(
                        accountId,
                        contactId,
                        r.name(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        r.amount(),
                        null,
                        r.closeDate(),
                        owner,
                        source,
                        leadId,
                        null,
                        null,
                        null))
                .id);
  }
}
