package org.loopcrm.crm.api.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;

/**
 * A request to erase a data subject's personal data, kept as a record whatever its outcome.
 *
 * @param id the request's id
 * @param subjectId the person whose data was to be erased
 * @param requestedBy the user who made the request
 * @param via the channel the request came through
 * @param requestedAt when it was made
 * @param status completed or refused
 * @param holds the legal holds that refused it, empty when completed
 */
public record ErasureRequest(
    UUID id,
    UUID subjectId,
    String requestedBy,
    Actor.Channel via,
    Instant requestedAt,
    ErasureStatus status,
    List<LegalHold> holds) {

  /** Checks the required parts and copies the holds. */
  public ErasureRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(status, "status");
    holds = List.copyOf(holds);
  }
}
