package org.loopcrm.crm.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.lifecycle.LifecycleRule;
import org.loopcrm.crm.api.lifecycle.LifecycleService;

/** {@code crm:lifecycle-rules}: the lifecycle rules in force. */
@Command(
    scope = "crm",
    name = "lifecycle-rules",
    description = "Lists the lifecycle rules in force (PID crm.core lifecycleRules), in order.")
@Service
public class LifecycleRulesCommand implements Action {
  @Reference LifecycleService lifecycle;

  @Override
  public Object execute() {
    ShellTable table = new ShellTable();
    table.column("#");
    table.column("Stage");
    table.column("When");
    for (LifecycleRule r : lifecycle.rules(ShellActors.current())) {
      table.addRow().addContent(r.order(), r.stage(), r.condition());
    }
    table.print(System.out);
    return null;
  }
}
