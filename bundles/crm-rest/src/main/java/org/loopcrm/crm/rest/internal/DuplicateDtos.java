package org.loopcrm.crm.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.ws.rs.core.Response;
import org.loopcrm.crm.api.dedupe.ClusterMember;
import org.loopcrm.crm.api.dedupe.ClusterStatus;
import org.loopcrm.crm.api.dedupe.DuplicateCandidate;
import org.loopcrm.crm.api.dedupe.DuplicateCandidatesException;
import org.loopcrm.crm.api.dedupe.DuplicateCluster;
import org.loopcrm.crm.api.dedupe.DuplicateMode;
import org.loopcrm.crm.api.dedupe.DuplicateScan;
import org.loopcrm.crm.api.dedupe.DuplicateSettings;
import org.loopcrm.crm.api.dedupe.ScanStatus;

/** The JSON shapes of duplicate detection. */
final class DuplicateDtos {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DuplicateDtos() {}

  /** A duplicate candidate. */
  record CandidateView(
      UUID id, String kind, UUID accountId, String name, double score, String rule) {
    static CandidateView of(DuplicateCandidate c) {
      return new CandidateView(c.id(), c.kind(), c.accountId(), c.name(), c.score(), c.rule());
    }

    static List<CandidateView> of(List<DuplicateCandidate> list) {
      return list.stream().map(CandidateView::of).toList();
    }
  }

  /** The answer of a check. */
  record CandidateList(List<CandidateView> candidates) {}

  /** The settings in force. */
  record SettingsView(
      DuplicateMode mode,
      boolean overrideAllowed,
      List<String> rules,
      double threshold,
      double nameSimilarity) {
    static SettingsView of(DuplicateSettings s) {
      return new SettingsView(
          s.mode(), s.overrideAllowed(), s.rules(), s.threshold(), s.nameSimilarity());
    }
  }

  /** A scan. */
  record ScanView(
      UUID id,
      ScanStatus status,
      String startedBy,
      String startedAt,
      String finishedAt,
      long records,
      long comparisons,
      int clusters,
      String error) {
    static ScanView of(DuplicateScan s) {
      return new ScanView(
          s.id(),
          s.status(),
          s.startedBy(),
          text(s.startedAt()),
          text(s.finishedAt()),
          s.records(),
          s.comparisons(),
          s.clusters(),
          s.error());
    }
  }

  /** A cluster member. */
  record MemberView(UUID id, UUID accountId, String name, double score, String rule) {
    static MemberView of(ClusterMember m) {
      return new MemberView(m.id(), m.accountId(), m.name(), m.score(), m.rule());
    }
  }

  /** A cluster. */
  record ClusterView(
      UUID id,
      String kind,
      ClusterStatus status,
      double score,
      List<MemberView> members,
      UUID scanId,
      long version,
      String createdAt,
      String reviewedBy,
      String reviewedAt) {
    static ClusterView of(DuplicateCluster c) {
      return new ClusterView(
          c.id(),
          c.kind(),
          c.status(),
          c.score(),
          c.members().stream().map(MemberView::of).toList(),
          c.scanId(),
          c.version(),
          text(c.createdAt()),
          c.reviewedBy(),
          text(c.reviewedAt()));
    }
  }

  /** A list of clusters. */
  record ClusterList(List<ClusterView> items) {}

  /**
   * A created or updated record with the duplicate candidates of mode warn: the record's own fields
   * plus {@code duplicateCandidates}. The record's shape is unchanged when there are none.
   */
  static Object withCandidates(Object view, List<DuplicateCandidate> candidates) {
    if (candidates.isEmpty()) {
      return view;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = MAPPER.convertValue(view, LinkedHashMap.class);
    m.put("duplicateCandidates", CandidateView.of(candidates));
    return m;
  }

  /** 409 problem+json of type duplicate-candidates, listing them. */
  static Response conflict(DuplicateCandidatesException e) {
    Map<String, Object> body =
        Problems.body(409, "duplicate-candidates", "Duplicate candidates", e.getMessage(), null);
    body.put("candidates", CandidateView.of(e.candidates()));
    return Response.status(409).type(Problems.PROBLEM_JSON).entity(body).build();
  }

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }

  /** Whether {@code ?duplicates=} asks to go ahead despite candidates. */
  static boolean ignore(String duplicates) {
    if (duplicates == null) {
      return false;
    }
    if ("ignore".equals(duplicates)) {
      return true;
    }
    if ("check".equals(duplicates)) {
      return false;
    }
    throw Params.invalid("duplicates", "must be check or ignore");
  }
}
