package org.loopcrm.crm.rest.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.merge.Merge;
import org.loopcrm.crm.api.merge.MergeParty;
import org.loopcrm.crm.api.merge.MergeRequest;
import org.loopcrm.crm.api.merge.MergeStatus;
import org.loopcrm.crm.api.merge.PartyKind;

/** JSON forms of merges. */
final class MergeDtos {
  private MergeDtos() {}

  /** A party of a merge request: its id and the version the client read. */
  record PartyBody(UUID id, Long version) {}

  /** A merge request. */
  record MergeBody(
      PartyKind kind, PartyBody survivor, List<PartyBody> losers, Map<String, UUID> fieldSources) {
    MergeRequest toRequest() {
      List<FieldError> errors = new ArrayList<>();
      MergeParty s = party("survivor", survivor, errors);
      List<MergeParty> ls = new ArrayList<>();
      if (losers != null) {
        for (int i = 0; i < losers.size(); i++) {
          ls.add(party("losers[" + i + "]", losers.get(i), errors));
        }
      }
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      return new MergeRequest(kind, s, ls, fieldSources == null ? Map.of() : fieldSources);
    }

    private static MergeParty party(String field, PartyBody p, List<FieldError> errors) {
      if (p == null || p.id() == null) {
        errors.add(new FieldError(field + ".id", "is required"));
        return null;
      }
      if (p.version() == null) {
        errors.add(new FieldError(field + ".version", "is required: the version read"));
        return null;
      }
      return new MergeParty(p.id(), p.version());
    }
  }

  /** A merge as the API shows it. */
  record MergeView(
      UUID id,
      PartyKind kind,
      UUID survivorId,
      List<UUID> loserIds,
      Map<String, UUID> fieldSources,
      Map<String, Integer> moved,
      List<String> notes,
      MergeStatus status,
      String mergedBy,
      String mergedAt,
      String undoneBy,
      String undoneAt) {
    static MergeView of(Merge m) {
      return new MergeView(
          m.id(),
          m.kind(),
          m.survivorId(),
          m.loserIds(),
          new LinkedHashMap<>(m.fieldSources()),
          new LinkedHashMap<>(m.moved()),
          m.notes(),
          m.status(),
          m.mergedBy(),
          text(m.mergedAt()),
          m.undoneBy(),
          text(m.undoneAt()));
    }
  }

  /** Merges of a party. */
  record MergeList(List<MergeView> items) {}

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }
}
