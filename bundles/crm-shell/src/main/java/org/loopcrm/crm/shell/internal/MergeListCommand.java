package org.loopcrm.crm.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.merge.Merge;
import org.loopcrm.crm.api.merge.MergeService;

/** {@code crm:merge-list <partyId>}: the merges an account or contact took part in. */
@Command(
    scope = "crm",
    name = "merge-list",
    description = "Lists the merges an account or contact took part in, newest first.")
@Service
public class MergeListCommand implements Action {
  @Reference MergeService merges;

  @Argument(index = 0, name = "partyId", required = true, description = "The party's id")
  String partyId;

  @Override
  public Object execute() {
    for (Merge m : merges.ofParty(ShellActors.current(), ShellIds.parse("party", partyId))) {
      MergeCommand.print(m, System.out);
      System.out.println();
    }
    return null;
  }
}
