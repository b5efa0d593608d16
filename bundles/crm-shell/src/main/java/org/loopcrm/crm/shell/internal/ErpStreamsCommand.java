package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.erp.ErpFactService;
import org.loopcrm.crm.api.erp.StreamPosition;

/** {@code crm:erp-streams}: every polled ERP stream and how far its poller has read. */
@Command(
    scope = "crm",
    name = "erp-streams",
    description = "Lists the polled ERP streams and their watermarks.")
@Service
public class ErpStreamsCommand implements Action {
  @Reference ErpFactService facts;

  @Override
  public Object execute() {
    print(facts.streams(ShellActors.current()), System.out);
    return null;
  }

  static void print(List<StreamPosition> streams, PrintStream out) {
    if (streams.isEmpty()) {
      out.println("no stream polled yet");
      return;
    }
    ShellTable table = new ShellTable();
    table.column("ERP");
    table.column("Stream");
    table.column("Changed at");
    table.column("Last id");
    table.column("Moved");
    for (StreamPosition p : streams) {
      table
          .addRow()
          .addContent(
              p.erpSystem(),
              p.stream(),
              p.watermark().changedAt(),
              p.watermark().lastId(),
              p.updatedAt() == null ? "" : p.updatedAt());
    }
    table.print(out);
  }
}
