package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.UUID;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.dataimport.ImportJob;
import org.loopcrm.crm.api.dataimport.Importer;
import org.loopcrm.crm.api.dataimport.RowOutcome;
import org.loopcrm.crm.api.dataimport.RowResult;

/** {@code crm:import-status <id>}: an import's progress, and its rejected rows with --rejected. */
@Command(scope = "crm", name = "import-status", description = "Shows an import job's progress.")
@Service
public class ImportStatusCommand implements Action {
  @Reference Importer importer;

  @Argument(index = 0, name = "id", required = true, description = "The import job's id")
  String id;

  @Option(name = "--watch", description = "Show a progress bar until the job ends")
  boolean watch;

  @Option(name = "--rejected", description = "List the rejected rows (first 100)")
  boolean rejected;

  @Override
  public Object execute() throws InterruptedException {
    Actor actor = ShellActors.current();
    UUID job = ErasureRequestCommand.uuid(id);
    if (watch) {
      watch(importer, actor, job, System.out);
    } else {
      ImportCommand.print(System.out, importer.job(actor, job));
    }
    if (rejected) {
      ShellTable t = new ShellTable();
      t.column("Row");
      t.column("Field");
      t.column("Error");
      String cursor = null;
      int shown = 0;
      do {
        var page = importer.report(actor, job, cursor, 1000);
        for (RowResult r : page.items()) {
          if (r.outcome() == RowOutcome.REJECTED && shown < 100) {
            shown++;
            r.errors().forEach(e -> t.addRow().addContent(r.rowNumber(), e.field(), e.message()));
          }
        }
        cursor = page.nextCursor().orElse(null);
      } while (cursor != null && shown < 100);
      t.print(System.out);
    }
    return null;
  }

  /** Redraws the progress bar in place until the job ends. */
  static void watch(Importer importer, Actor actor, UUID id, PrintStream out)
      throws InterruptedException {
    ImportJob j = importer.job(actor, id);
    while (!j.state().finished()) {
      out.print("\r" + ImportCommand.bar(j));
      out.flush();
      Thread.sleep(500);
      j = importer.job(actor, id);
    }
    out.print("\r");
    ImportCommand.print(out, j);
  }
}
