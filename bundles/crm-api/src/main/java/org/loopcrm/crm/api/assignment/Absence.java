package org.loopcrm.crm.api.assignment;

import java.time.Instant;
import java.util.UUID;

/**
 * A period in which a user gets no assignments and loses their open ones at the next sweep.
 *
 * @param id the absence's id
 * @param user the user
 * @param from the start, included
 * @param to the end, excluded
 * @param reason a free note (holiday, sick leave), or null
 */
public record Absence(UUID id, String user, Instant from, Instant to, String reason) {}
