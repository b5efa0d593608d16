package org.loopcrm.crm.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.dedupe.DuplicateCluster;
import org.loopcrm.crm.api.dedupe.DuplicateService;

/**
 * {@code crm:duplicate-dismiss}: the members of an open cluster are different parties; later scans
 * do not pair them again.
 */
@Command(
    scope = "crm",
    name = "duplicate-dismiss",
    description = "Dismisses an open duplicate cluster: its members are not duplicates.")
@Service
public class DuplicateDismissCommand implements Action {
  @Reference DuplicateService duplicates;

  @Argument(index = 0, name = "id", required = true, description = "The cluster's id")
  String id;

  @Override
  public Object execute() {
    Actor actor = ShellActors.current();
    DuplicateCluster c = duplicates.cluster(actor, ShellIds.parse("duplicate cluster", id));
    DuplicateListCommand.print(List.of(duplicates.dismiss(actor, c.id(), c.version())), System.out);
    return null;
  }
}
