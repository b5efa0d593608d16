package org.loopcrm.crm.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.assignment.Assignment;
import org.loopcrm.crm.api.assignment.AssignmentService;
import org.loopcrm.crm.api.assignment.SweepResult;

/** {@code crm:assignment-sweep}: re-assigns records of absent owners and overdue responses. */
@Command(
    scope = "crm",
    name = "assignment-sweep",
    description =
        "Re-assigns open records whose owner is absent, or whose first response is overdue under"
            + " an escalating rule (crm-admin).")
@Service
public class AssignmentSweepCommand implements Action {
  @Reference AssignmentService assignment;

  @Override
  public Object execute() {
    try {
      SweepResult r = assignment.sweep(ShellActors.current());
      System.out.println(
          r.examined() + " records examined, " + r.reassigned().size() + " re-assigned");
      for (Assignment a : r.reassigned()) {
        System.out.println(
            a.kind()
                + " "
                + a.recordId()
                + ": "
                + a.previousOwner()
                + " → "
                + a.owner()
                + " ("
                + a.reason()
                + ")");
      }
    } catch (RuntimeException e) {
      AssignmentOutput.error(e, System.err);
    }
    return null;
  }
}
