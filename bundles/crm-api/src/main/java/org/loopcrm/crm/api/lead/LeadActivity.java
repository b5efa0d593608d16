package org.loopcrm.crm.api.lead;

import java.time.Instant;
import java.util.UUID;

/**
 * Something a lead did or that was done with it, scored by ACTIVITY rules.
 *
 * @param id the id
 * @param leadId the lead
 * @param kind a short kind, e.g. web-visit, email-open, call, meeting, form
 * @param note a note, or null
 * @param occurredAt when
 * @param createdBy who recorded it
 */
public record LeadActivity(
    UUID id, UUID leadId, String kind, String note, Instant occurredAt, String createdBy) {}
