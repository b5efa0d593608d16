package org.loopcrm.crm.api.merge;

import java.util.UUID;

/**
 * One party of a merge request with the version the caller read (optimistic locking).
 *
 * @param id the party's id
 * @param version the version the caller last read
 */
public record MergeParty(UUID id, long version) {}
