package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.persistence.EntityManager;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.lead.Conversion;

/**
 * The opportunity a lead conversion creates, in the conversion's transaction. Opportunities are not
 * stored by this core yet (the sales service comes with issue 6's opportunities): until then a
 * conversion that asks for one is refused as a whole, so nothing is half converted.
 */
final class LeadOpportunities {
  private LeadOpportunities() {}

  static UUID create(
      EntityManager em,
      Actor actor,
      UUID accountId,
      UUID contactId,
      Conversion.OpportunityRequest request,
      String owner,
      Instant now) {
    throw new ValidationException(
        List.of(
            new FieldError(
                "opportunity", "opportunities cannot be created yet: convert without one")));
  }
}
