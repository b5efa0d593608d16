package org.loopcrm.crm.api.merge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What to merge: the survivor, the parties merged into it, and for each field whose value should
 * not be the survivor's, the party whose value survives. Account fields are {@code name}, {@code
 * erpRef}, {@code taxId}, {@code owner} and {@code stage}; contact fields {@code firstName}, {@code
 * lastName}, {@code email} and {@code phone}.
 *
 * @param kind accounts or contacts
 * @param survivor the party that remains, with the version read
 * @param losers the parties merged into the survivor (at least one), with the versions read
 * @param fieldSources field name → id of the party (survivor or loser) whose value survives
 */
public record MergeRequest(
    PartyKind kind, MergeParty survivor, List<MergeParty> losers, Map<String, UUID> fieldSources) {
  /** Copies the lists so the request cannot change under the service. */
  public MergeRequest {
    losers = losers == null ? List.of() : List.copyOf(losers);
    fieldSources =
        fieldSources == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldSources));
  }
}
