package org.loopcrm.crm.api.merge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A merge as stored: who merged which parties into which survivor, what moved, and whether it was
 * undone.
 *
 * @param id the merge's id (the id to undo it by)
 * @param kind accounts or contacts
 * @param survivorId the party that remained
 * @param loserIds the parties merged into it, in request order
 * @param fieldSources the field choices of the request
 * @param moved per child table, how many rows were re-linked, changed or dropped
 * @param notes what the merge did beyond moving rows (demoted primaries, dropped duplicates)
 * @param status merged or undone
 * @param mergedBy who merged
 * @param mergedAt when
 * @param undoneBy who undid it, or null
 * @param undoneAt when, or null
 */
public record Merge(
    UUID id,
    PartyKind kind,
    UUID survivorId,
    List<UUID> loserIds,
    Map<String, UUID> fieldSources,
    Map<String, Integer> moved,
    List<String> notes,
    MergeStatus status,
    String mergedBy,
    Instant mergedAt,
    String undoneBy,
    Instant undoneAt) {
  /** Copies the collections. */
  public Merge {
    loserIds = List.copyOf(loserIds);
    fieldSources = Map.copyOf(fieldSources);
    moved = Map.copyOf(moved);
    notes = List.copyOf(notes);
  }
}
