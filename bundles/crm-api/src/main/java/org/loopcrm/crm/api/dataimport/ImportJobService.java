package org.loopcrm.crm.api.dataimport;

import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Import jobs in the database, and the writer of their rows. The methods without an {@link Actor}
 * are for the import driver: they run as the job's user (with the roles stored on the job), so
 * access control, validation, the plugin pipeline, audit and outbox apply to every row as if the
 * user had written it.
 */
@ProviderType
public interface ImportJobService {

  /**
   * Accepts a job (QUEUED) for a file the caller uploaded. Needs the right to create and update the
   * entity; a dry run only to read it.
   */
  ImportJob create(Actor actor, String fileName, ImportFormat format, ImportOptions options);

  /** The job; only its user and administrators see it (others get not-found). */
  ImportJob job(Actor actor, UUID id);

  /** The job's row results in row order, after the cursor; limit 1..1000. */
  Page<RowResult> report(Actor actor, UUID id, String cursor, int limit);

  /** Cancels a job that has not finished; rows written so far stay. */
  ImportJob cancel(Actor actor, UUID id);

  /** Jobs QUEUED or RUNNING, oldest first: what a (re)started driver takes up. */
  List<ImportJob> unfinished();

  /** Marks the job RUNNING and records the number of data rows once counted (null: unchanged). */
  ImportJob start(UUID id, Long rowsTotal);

  /**
   * Writes one chunk of rows in ONE transaction: the records, their audit and outbox entries, the
   * row results and the job's checkpoint (the last row number) commit together or not at all. Rows
   * at or before the checkpoint are skipped, so a chunk sent twice writes nothing the second time.
   * A row that fails is rejected with its errors, never half-written. Nothing is written if the job
   * has finished (e.g. was cancelled); the returned job says so.
   *
   * @param id the job
   * @param rows rows in ascending row-number order
   * @return the job after the chunk
   */
  ImportJob writeChunk(UUID id, List<ImportRow> rows);

  /** Ends the job: DONE, or FAILED with the reason. */
  ImportJob finish(UUID id, ImportState state, String message);
}
