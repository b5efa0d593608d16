package org.loopcrm.crm.api.dataimport;

import java.io.InputStream;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Imports files: keeps the upload until its job ends and runs jobs in the background, in chunks,
 * resuming unfinished ones after a restart from their checkpoint.
 */
@ProviderType
public interface Importer {

  /**
   * Stores the file, checks its header against the mapping (a {@code ValidationException} if a
   * mapped column is missing, a field unknown or no column gives the required fields) and queues a
   * job.
   *
   * @param actor who imports; the rows are written as this user
   * @param fileName the file's name (informational)
   * @param format the file's format
   * @param content the file; read to the end, not closed
   * @param options how it is imported
   * @return the QUEUED job
   */
  ImportJob submit(
      Actor actor,
      String fileName,
      ImportFormat format,
      InputStream content,
      ImportOptions options);

  /** The job (see {@link ImportJobService#job}). */
  ImportJob job(Actor actor, UUID id);

  /** The row results (see {@link ImportJobService#report}). */
  Page<RowResult> report(Actor actor, UUID id, String cursor, int limit);

  /** Cancels the job (see {@link ImportJobService#cancel}). */
  ImportJob cancel(Actor actor, UUID id);
}
