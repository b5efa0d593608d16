package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.sales.OpportunityEvent;
import org.loopcrm.crm.api.sales.OpportunityService;

/** {@code crm:opportunity-timeline <id>}: the closed loop of an opportunity, oldest first. */
@Command(
    scope = "crm",
    name = "opportunity-timeline",
    description =
        "Shows an opportunity's closed loop: stage changes, quotes, the commands to the ERP placed"
            + " for it and each state the ERP reported for the documents they made.")
@Service
public class OpportunityTimelineCommand implements Action {
  @Reference OpportunityService opportunities;

  @Argument(index = 0, name = "id", required = true, description = "The opportunity's id")
  String id;

  @Override
  public Object execute() {
    print(
        opportunities.timeline(ShellActors.current(), ShellIds.parse("opportunity", id)),
        System.out);
    return null;
  }

  static void print(List<OpportunityEvent> events, PrintStream out) {
    ShellTable t = new ShellTable();
    t.column("When");
    t.column("Kind");
    t.column("What");
    t.column("Detail");
    t.column("By");
    for (OpportunityEvent e : events) {
      t.addRow()
          .addContent(
              e.at(),
              e.kind(),
              e.title(),
              e.detail() == null ? "" : e.detail(),
              e.by() == null ? "" : e.by());
    }
    t.print(out);
  }
}
