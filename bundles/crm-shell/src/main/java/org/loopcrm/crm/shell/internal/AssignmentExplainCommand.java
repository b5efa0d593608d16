package org.loopcrm.crm.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.assignment.AssignmentService;

/** {@code crm:assignment-explain}: whom the rules would pick now, and why; nothing is stored. */
@Command(
    scope = "crm",
    name = "assignment-explain",
    description =
        "Dry run of the assignment rules: crm:assignment-explain LEAD country=DE postcode=80331"
            + " size=120")
@Service
public class AssignmentExplainCommand implements Action {
  @Reference AssignmentService assignment;

  @Argument(
      index = 0,
      name = "kind",
      required = true,
      description = "LEAD, OPPORTUNITY, CASE, TASK")
  String kind;

  @Argument(index = 1, name = "attributes", multiValued = true, description = "key=value ...")
  List<String> attributes;

  @Override
  public Object execute() {
    try {
      AssignmentOutput.assignment(
          assignment.explain(
              ShellActors.current(),
              AssignmentOutput.kind(kind),
              AssignmentOutput.attributes(attributes)),
          System.out);
    } catch (RuntimeException e) {
      AssignmentOutput.error(e, System.err);
    }
    return null;
  }
}
