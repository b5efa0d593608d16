package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.loopcrm.crm.api.dataimport.ImportEntity;
import org.loopcrm.crm.api.dataimport.ImportFormat;
import org.loopcrm.crm.api.dataimport.ImportMode;
import org.loopcrm.crm.api.dataimport.ImportState;
import org.loopcrm.crm.api.dataimport.MatchKey;

/** An import job: its options, who runs it, its counters and checkpoint ({@code lastRow}). */
@Entity
@Table(name = "crm_import_job")
public class ImportJobEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 20)
  ImportState state;

  @Column(name = "user_name", nullable = false, length = 100)
  String userName;

  /** The user's CRM roles when the job was accepted, comma-separated. */
  @Column(name = "user_roles", nullable = false, length = 400)
  String userRoles;

  @Column(name = "channel", nullable = false, length = 20)
  String channel;

  @Column(name = "file_name", nullable = false, length = 255)
  String fileName;

  @Enumerated(EnumType.STRING)
  @Column(name = "file_format", nullable = false, length = 10)
  ImportFormat format;

  @Enumerated(EnumType.STRING)
  @Column(name = "entity", nullable = false, length = 20)
  ImportEntity entity;

  /** The explicit mapping as JSON. */
  @Column(name = "mapping", nullable = false, length = 4000)
  String mapping;

  @Enumerated(EnumType.STRING)
  @Column(name = "match_key", nullable = false, length = 20)
  MatchKey matchKey;

  @Enumerated(EnumType.STRING)
  @Column(name = "import_mode", nullable = false, length = 20)
  ImportMode mode;

  @Column(name = "dry_run", nullable = false)
  boolean dryRun;

  @Column(name = "rows_total")
  Long rowsTotal;

  @Column(name = "rows_processed", nullable = false)
  long rowsProcessed;

  @Column(name = "rows_inserted", nullable = false)
  long inserted;

  @Column(name = "rows_updated", nullable = false)
  long updated;

  @Column(name = "rows_rejected", nullable = false)
  long rejected;

  @Column(name = "last_row", nullable = false)
  long lastRow;

  @Column(name = "message", length = 1000)
  String message;

  @Version
  @Column(name = "version", nullable = false)
  long version;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;
}
