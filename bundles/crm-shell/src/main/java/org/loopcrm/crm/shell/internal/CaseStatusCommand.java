package org.loopcrm.crm.shell.internal;

import java.util.UUID;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.servicecase.CaseService;
import org.loopcrm.crm.api.servicecase.CaseStatus;
import org.loopcrm.crm.api.servicecase.ServiceCase;

/** {@code crm:case-status <id> <status>}: moves a case along its lifecycle. */
@Command(
    scope = "crm",
    name = "case-status",
    description =
        "Moves a service case: NEW -> OPEN -> WAITING_ON_CUSTOMER <-> OPEN -> RESOLVED -> CLOSED;"
            + " RESOLVED -> OPEN reopens it.")
@Service
public class CaseStatusCommand implements Action {
  @Reference CaseService cases;

  @Argument(index = 0, name = "id", required = true, description = "The case's id")
  String id;

  @Argument(
      index = 1,
      name = "status",
      required = true,
      description = "OPEN, WAITING_ON_CUSTOMER, RESOLVED or CLOSED")
  String status;

  @Option(name = "-n", aliases = "--note", description = "Why (kept on the case's thread)")
  String note;

  @Override
  public Object execute() {
    try {
      var actor = ShellActors.current();
      UUID cid = ShellIds.parse("case", id);
      CaseStatus to = CaseListCommand.parse(CaseStatus.class, "status", status);
      ServiceCase before = cases.get(actor, cid);
      ServiceCase after = cases.transition(actor, cid, before.version(), to, note);
      System.out.println(after.number() + ": " + before.status() + " -> " + after.status());
    } catch (RuntimeException e) {
      AssignmentOutput.error(e, System.err);
    }
    return null;
  }
}
