package org.loopcrm.crm.api.dataimport;

import java.time.Instant;
import java.util.UUID;

/**
 * An import job and its progress.
 *
 * @param id the job's id
 * @param state where it is
 * @param user who started it; the rows are written as this user, with the roles held then
 * @param fileName the uploaded file's name, as given
 * @param format the file's format
 * @param options how it is imported
 * @param rowsTotal the file's data rows, once counted (null before)
 * @param rowsProcessed rows done (inserted + updated + rejected)
 * @param inserted rows that inserted a record
 * @param updated rows that updated a record
 * @param rejected rows that wrote nothing
 * @param lastRow the file row number of the last row done: the checkpoint a restart resumes after
 * @param message why the job failed, or null
 * @param createdAt when it was accepted
 * @param updatedAt when it last changed
 */
public record ImportJob(
    UUID id,
    ImportState state,
    String user,
    String fileName,
    ImportFormat format,
    ImportOptions options,
    Long rowsTotal,
    long rowsProcessed,
    long inserted,
    long updated,
    long rejected,
    long lastRow,
    String message,
    Instant createdAt,
    Instant updatedAt) {}
