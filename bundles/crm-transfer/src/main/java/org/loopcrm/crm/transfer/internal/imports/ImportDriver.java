package org.loopcrm.crm.transfer.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.dataimport.ImportFormat;
import org.loopcrm.crm.api.dataimport.ImportJob;
import org.loopcrm.crm.api.dataimport.ImportJobService;
import org.loopcrm.crm.api.dataimport.ImportOptions;
import org.loopcrm.crm.api.dataimport.ImportRow;
import org.loopcrm.crm.api.dataimport.ImportState;
import org.loopcrm.crm.api.dataimport.Importer;
import org.loopcrm.crm.api.dataimport.RowResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs import jobs one after another on one background thread. The upload is kept as {@code <job
 * id>.csv|xlsx} in the import directory until its job ends; on activation, jobs left QUEUED or
 * RUNNING (the container stopped or was killed) are taken up again and skip the rows before their
 * checkpoint. Configuration PID {@code crm.import}: {@code chunkSize} (rows per transaction,
 * default 500) and {@code directory} (default {@code ${karaf.data}/crm/imports}).
 */
@Component(service = Importer.class, immediate = true, configurationPid = "crm.import")
public final class ImportDriver implements Importer {
  static final int DEFAULT_CHUNK = 500;
  private static final Logger LOG = LoggerFactory.getLogger(ImportDriver.class);

  private final ImportJobService jobs;
  private final Path directory;
  private final int chunkSize;
  private final ExecutorService executor;
  private volatile boolean stopping;

  /** Starts the worker and resumes unfinished jobs. */
  @Activate
  public ImportDriver(@Reference ImportJobService jobs, Map<String, Object> config) {
    this(jobs, directory(config.get("directory")), chunkSize(config.get("chunkSize")));
  }

  ImportDriver(ImportJobService jobs, Path directory, int chunkSize) {
    this.jobs = jobs;
    this.directory = directory;
    this.chunkSize = chunkSize;
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "crm-import");
              t.setDaemon(true);
              return t;
            });
    for (ImportJob job : jobs.unfinished()) {
      LOG.info("Import {} ({}) resumes after row {}", job.id(), job.state(), job.lastRow());
      executor.execute(() -> run(job.id()));
    }
  }

  private static Path directory(Object configured) {
    if (configured != null && !configured.toString().isBlank()) {
      return Path.of(configured.toString());
    }
    return Path.of(System.getProperty("karaf.data", "data"), "crm", "imports");
  }

  private static int chunkSize(Object configured) {
    if (configured == null) {
      return DEFAULT_CHUNK;
    }
    int n = Integer.parseInt(configured.toString().strip());
    if (n < 1 || n > 10_000) {
      throw new IllegalArgumentException("chunkSize must be 1..10000, not " + n);
    }
    return n;
  }

  /** Stops the worker between chunks; running jobs stay RUNNING and resume on the next start. */
  @Deactivate
  public void deactivate() {
    stopping = true;
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("The import worker did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public ImportJob submit(
      Actor actor,
      String fileName,
      ImportFormat format,
      InputStream content,
      ImportOptions options) {
    if (format == null) {
      throw new ValidationException(List.of(new FieldError("format", "is required")));
    }
    ImportOptions o = options == null ? new ImportOptions(null, null, null, null, false) : options;
    Path upload = null;
    try {
      Files.createDirectories(directory);
      upload = Files.createTempFile(directory, "upload-", ".part");
      Files.copy(content, upload, StandardCopyOption.REPLACE_EXISTING);
      List<String> header;
      try {
        header = RowReader.of(format).header(upload);
      } catch (RowReader.UnreadableFile e) {
        throw new ValidationException(List.of(new FieldError("file", e.getMessage())));
      }
      ColumnMapping.of(header, o);
      ImportJob job = jobs.create(actor, fileName, format, o);
      Files.move(upload, fileOf(job.id(), format), StandardCopyOption.ATOMIC_MOVE);
      executor.execute(() -> run(job.id()));
      return job;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (upload != null) {
        try {
          Files.deleteIfExists(upload);
        } catch (IOException e) {
          LOG.warn("Could not delete {}", upload, e);
        }
      }
    }
  }

  @Override
  public ImportJob job(Actor actor, UUID id) {
    return jobs.job(actor, id);
  }

  @Override
  public Page<RowResult> report(Actor actor, UUID id, String cursor, int limit) {
    return jobs.report(actor, id, cursor, limit);
  }

  @Override
  public ImportJob cancel(Actor actor, UUID id) {
    return jobs.cancel(actor, id);
  }

  Path fileOf(UUID id, ImportFormat format) {
    return directory.resolve(id + "." + format.name().toLowerCase(Locale.ROOT));
  }

  /** Runs (or resumes) one job to its end, unless the driver stops first. */
  void run(UUID id) {
    if (stopping) {
      return;
    }
    ImportJob job = jobs.start(id, null);
    if (job.state().finished()) {
      return;
    }
    Path file = fileOf(id, job.format());
    if (!Files.exists(file)) {
      jobs.finish(id, ImportState.FAILED, "the uploaded file is gone");
      return;
    }
    RowReader reader = RowReader.of(job.format());
    try {
      if (job.rowsTotal() == null) {
        job = jobs.start(id, reader.count(file));
      }
      long checkpoint = job.lastRow();
      ImportOptions options = job.options();
      List<ImportRow> chunk = new ArrayList<>(chunkSize);
      ColumnMapping[] mapping = {null};
      reader.read(
          file,
          new RowReader.Handler() {
            @Override
            public void header(List<String> cells) {
              mapping[0] = ColumnMapping.of(cells, options);
            }

            @Override
            public void row(long rowNumber, List<String> cells) {
              if (rowNumber <= checkpoint) {
                return;
              }
              chunk.add(mapping[0].row(rowNumber, cells));
              if (chunk.size() >= chunkSize) {
                write(id, chunk);
              }
            }
          });
      if (!chunk.isEmpty()) {
        write(id, chunk);
      }
      ImportJob done = jobs.finish(id, ImportState.DONE, null);
      LOG.info(
          "Import {} {}: {} inserted, {} updated, {} rejected",
          id,
          done.state(),
          done.inserted(),
          done.updated(),
          done.rejected());
      delete(file);
    } catch (Stopped s) {
      if (s.finished) {
        delete(file);
      }
    } catch (RowReader.UnreadableFile | ValidationException e) {
      jobs.finish(id, ImportState.FAILED, e.getMessage());
      delete(file);
    } catch (RuntimeException e) {
      if (stopping) {
        LOG.info("Import {} stops with the driver; it resumes from its checkpoint", id);
        return;
      }
      LOG.error("Import {} failed", id, e);
      jobs.finish(id, ImportState.FAILED, "failed: " + e);
      delete(file);
    }
  }

  /** Writes the chunk (retrying a failed transaction twice) and empties it. */
  private void write(UUID id, List<ImportRow> chunk) {
    if (stopping || Thread.currentThread().isInterrupted()) {
      throw new Stopped(false);
    }
    ImportJob after = null;
    for (int attempt = 1; after == null; attempt++) {
      try {
        after = jobs.writeChunk(id, List.copyOf(chunk));
      } catch (RuntimeException e) {
        if (attempt >= 3 || stopping) {
          throw e;
        }
        LOG.warn("Import {}: chunk failed (attempt {}), again", id, attempt, e);
      }
    }
    chunk.clear();
    if (after.state().finished()) {
      throw new Stopped(true);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Could not delete {}", file, e);
    }
  }

  /** The job was cancelled, or the driver stops. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean finished;

    Stopped(boolean finished) {
      super(null, null, false, false);
      this.finished = finished;
    }
  }
}
