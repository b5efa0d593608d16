package org.loopcrm.crm.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.dataimport.ImportFormat;
import org.loopcrm.crm.api.dataimport.ImportJob;
import org.loopcrm.crm.api.dataimport.ImportMode;
import org.loopcrm.crm.api.dataimport.ImportOptions;
import org.loopcrm.crm.api.dataimport.Importer;
import org.loopcrm.crm.api.dataimport.MatchKey;

/**
 * {@code crm:import <file>}: imports accounts from a CSV or XLSX file on the server's file system
 * and shows a progress bar until the job ends (Ctrl-C stops watching, not the job).
 */
@Command(
    scope = "crm",
    name = "import",
    description = "Imports accounts from a CSV or XLSX file and shows its progress.")
@Service
public class ImportCommand implements Action {
  @Reference Importer importer;

  @Argument(index = 0, name = "file", required = true, description = "A .csv or .xlsx file")
  String file;

  @Option(name = "--dry-run", description = "Validate and report only; write nothing")
  boolean dryRun;

  @Option(name = "--match", description = "erpRef, email, taxId or none (default)")
  String match;

  @Option(name = "--insert-only", description = "Reject rows that match a record")
  boolean insertOnly;

  @Option(name = "--mapping", description = "column=field pairs, comma-separated")
  String mapping;

  @Option(name = "--no-wait", description = "Print the job id and return at once")
  boolean noWait;

  @Override
  public Object execute() throws IOException, InterruptedException {
    Path path = Path.of(file);
    String name = path.getFileName().toString();
    ImportFormat format =
        name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? ImportFormat.XLSX : ImportFormat.CSV;
    ImportOptions options =
        new ImportOptions(
            null,
            mapping(mapping),
            match(match),
            insertOnly ? ImportMode.INSERT_ONLY : ImportMode.UPSERT,
            dryRun);
    Actor actor = ShellActors.current();
    ImportJob job;
    try (InputStream in = Files.newInputStream(path)) {
      job = importer.submit(actor, name, format, in, options);
    } catch (ValidationException e) {
      System.out.println("Not imported: " + e.getMessage());
      return null;
    }
    System.out.println("Import " + job.id() + (dryRun ? " (dry run)" : ""));
    if (!noWait) {
      ImportStatusCommand.watch(importer, actor, job.id(), System.out);
    }
    return null;
  }

  static MatchKey match(String text) {
    if (text == null || text.isBlank()) {
      return MatchKey.NONE;
    }
    String t = text.strip().toUpperCase(Locale.ROOT).replace("_", "").replace("-", "");
    for (MatchKey k : MatchKey.values()) {
      if (k.name().replace("_", "").equals(t)) {
        return k;
      }
    }
    throw new IllegalArgumentException("--match must be erpRef, email, taxId or none");
  }

  static Map<String, String> mapping(String text) {
    Map<String, String> m = new LinkedHashMap<>();
    if (text == null) {
      return m;
    }
    for (String pair : text.split(",")) {
      int eq = pair.lastIndexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("--mapping takes column=field pairs, not " + pair);
      }
      m.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return m;
  }

  /** One line of progress: {@code [#####.....] 50% 500/1000 rows, 480 new, 10 updated, ...}. */
  static String bar(ImportJob j) {
    int width = 30;
    Long total = j.rowsTotal();
    int percent =
        total == null ? 0 : total == 0 ? 100 : (int) Math.min(100, j.rowsProcessed() * 100 / total);
    int filled = percent * width / 100;
    return String.format(
        Locale.ROOT,
        "[%s%s] %3d%%  %d/%s rows, %d inserted, %d updated, %d rejected  %s",
        "#".repeat(filled),
        ".".repeat(width - filled),
        percent,
        j.rowsProcessed(),
        total == null ? "?" : total.toString(),
        j.inserted(),
        j.updated(),
        j.rejected(),
        j.state());
  }

  static void print(PrintStream out, ImportJob j) {
    out.println(bar(j));
    if (j.message() != null) {
      out.println(j.message());
    }
  }
}
