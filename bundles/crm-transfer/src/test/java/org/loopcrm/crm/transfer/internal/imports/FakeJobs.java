package org.loopcrm.crm.transfer.internal.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.dataimport.ImportFormat;
import org.loopcrm.crm.api.dataimport.ImportJob;
import org.loopcrm.crm.api.dataimport.ImportJobService;
import org.loopcrm.crm.api.dataimport.ImportOptions;
import org.loopcrm.crm.api.dataimport.ImportRow;
import org.loopcrm.crm.api.dataimport.ImportState;
import org.loopcrm.crm.api.dataimport.RowResult;

/** An in-memory job store that records the chunks it is given and inserts every row. */
final class FakeJobs implements ImportJobService {
  final Map<UUID, ImportJob> jobs = new LinkedHashMap<>();
  final List<List<ImportRow>> chunks = new ArrayList<>();

  @Override
  public synchronized ImportJob create(
      Actor actor, String fileName, ImportFormat format, ImportOptions options) {
    ImportJob j =
        new ImportJob(
            UUID.randomUUID(),
            ImportState.QUEUED,
            actor.user(),
            fileName,
            format,
            options,
            null,
            0,
            0,
            0,
            0,
            0,
            null,
            Instant.now(),
            Instant.now());
    jobs.put(j.id(), j);
    return j;
  }

  /** A job as a crash left it: RUNNING with a checkpoint. */
  synchronized ImportJob put(ImportJob j) {
    jobs.put(j.id(), j);
    return j;
  }

  @Override
  public synchronized ImportJob job(Actor actor, UUID id) {
    return jobs.get(id);
  }

  @Override
  public Page<RowResult> report(Actor actor, UUID id, String cursor, int limit) {
    return new Page<>(List.of(), java.util.Optional.empty());
  }

  @Override
  public synchronized ImportJob cancel(Actor actor, UUID id) {
    return with(id, ImportState.CANCELLED, null, jobs.get(id).rowsTotal());
  }

  @Override
  public synchronized List<ImportJob> unfinished() {
    return jobs.values().stream().filter(j -> !j.state().finished()).toList();
  }

  @Override
  public synchronized ImportJob start(UUID id, Long rowsTotal) {
    ImportJob j = jobs.get(id);
    if (j.state().finished()) {
      return j;
    }
    return with(id, ImportState.RUNNING, null, rowsTotal == null ? j.rowsTotal() : rowsTotal);
  }

  @Override
  public synchronized ImportJob writeChunk(UUID id, List<ImportRow> rows) {
    ImportJob j = jobs.get(id);
    if (j.state().finished()) {
      return j;
    }
    chunks.add(rows);
    long last = j.lastRow();
    long n = 0;
    for (ImportRow r : rows) {
      if (r.rowNumber() > last) {
        last = r.rowNumber();
        n++;
      }
    }
    ImportJob after =
        new ImportJob(
            j.id(),
            ImportState.RUNNING,
            j.user(),
            j.fileName(),
            j.format(),
            j.options(),
            j.rowsTotal(),
            j.rowsProcessed() + n,
            j.inserted() + n,
            0,
            0,
            last,
            null,
            j.createdAt(),
            Instant.now());
    jobs.put(id, after);
    return after;
  }

  @Override
  public synchronized ImportJob finish(UUID id, ImportState state, String message) {
    return with(id, state, message, jobs.get(id).rowsTotal());
  }

  private ImportJob with(UUID id, ImportState state, String message, Long total) {
    ImportJob j = jobs.get(id);
    ImportJob n =
        new ImportJob(
            j.id(),
            state,
            j.user(),
            j.fileName(),
            j.format(),
            j.options(),
            total,
            j.rowsProcessed(),
            j.inserted(),
            j.updated(),
            j.rejected(),
            j.lastRow(),
            message,
            j.createdAt(),
            Instant.now());
    jobs.put(id, n);
    return n;
  }

  List<ImportRow> rows() {
    return chunks.stream().flatMap(List::stream).toList();
  }
}
