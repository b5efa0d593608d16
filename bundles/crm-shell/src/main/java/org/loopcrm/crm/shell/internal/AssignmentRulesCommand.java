package org.loopcrm.crm.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.assignment.AssignmentService;

/** {@code crm:assignment-rules}: the assignment rules in the order they are tried. */
@Command(
    scope = "crm",
    name = "assignment-rules",
    description = "Lists the assignment rules of a kind (or all) in the order they are tried.")
@Service
public class AssignmentRulesCommand implements Action {
  @Reference AssignmentService assignment;

  @Option(name = "--kind", description = "LEAD, OPPORTUNITY, CASE or TASK")
  String kind;

  @Override
  public Object execute() {
    try {
      AssignmentOutput.rules(
          assignment.rules(
              ShellActors.current(), kind == null ? null : AssignmentOutput.kind(kind)),
          System.out);
    } catch (RuntimeException e) {
      AssignmentOutput.error(e, System.err);
    }
    return null;
  }
}
