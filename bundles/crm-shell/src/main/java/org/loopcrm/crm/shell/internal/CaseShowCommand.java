package org.loopcrm.crm.shell.internal;

import java.util.UUID;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.servicecase.CaseService;

/** {@code crm:case-show}: one case with its thread. */
@Command(scope = "crm", name = "case-show", description = "Shows one service case and its thread.")
@Service
public class CaseShowCommand implements Action {
  @Reference CaseService cases;

  @Argument(index = 0, name = "id", required = true, description = "The case's id")
  String id;

  @Override
  public Object execute() {
    try {
      var actor = ShellActors.current();
      UUID cid = ShellIds.parse("case", id);
      CaseOutput.show(cases.get(actor, cid), cases.events(actor, cid), System.out);
    } catch (RuntimeException e) {
      AssignmentOutput.error(e, System.err);
    }
    return null;
  }
}
