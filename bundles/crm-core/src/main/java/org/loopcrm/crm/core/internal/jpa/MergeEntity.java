package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.loopcrm.crm.api.merge.MergeStatus;
import org.loopcrm.crm.api.merge.PartyKind;

/** A merge with its journal (0013). */
@Entity
@Table(name = "crm_merge")
public class MergeEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "seq")
  Long sequence;

  @Column(name = "merge_id", nullable = false, length = 36, unique = true)
  String mergeId;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 20)
  PartyKind kind;

  @Column(name = "survivor_id", nullable = false, length = 36)
  String survivorId;

  /** Comma-separated, in request order. */
  @Column(name = "loser_ids", nullable = false, length = 400)
  String loserIds;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  MergeStatus status;

  /** JSON object: field → party id. */
  @Column(name = "field_sources", nullable = false)
  String fieldSources;

  /** JSON object: table → rows moved, changed or dropped. */
  @Column(name = "moved", nullable = false)
  String moved;

  /** JSON array of sentences. */
  @Column(name = "notes", nullable = false)
  String notes;

  /** JSON object: party id → version after the merge. */
  @Column(name = "versions", nullable = false)
  String versions;

  /** JSON array of journal operations, in the order they were done. */
  @Column(name = "journal", nullable = false)
  String journal;

  @Column(name = "merged_by", nullable = false, length = 100)
  String mergedBy;

  @Column(name = "merged_at", nullable = false)
  Instant mergedAt;

  @Column(name = "undone_by", length = 100)
  String undoneBy;

  @Column(name = "undone_at")
  Instant undoneAt;

  @Version
  @Column(name = "version", nullable = false)
  long version;
}
