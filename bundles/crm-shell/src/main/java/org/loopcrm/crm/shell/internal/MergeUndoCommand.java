package org.loopcrm.crm.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.merge.MergeService;

/** {@code crm:merge-undo <mergeId>}: undoes a merge and prints it. */
@Command(scope = "crm", name = "merge-undo", description = "Undoes a merge.")
@Service
public class MergeUndoCommand implements Action {
  @Reference MergeService merges;

  @Argument(index = 0, name = "mergeId", required = true, description = "The merge's id")
  String mergeId;

  @Override
  public Object execute() {
    MergeCommand.print(
        merges.undo(ShellActors.current(), ShellIds.parse("merge", mergeId)), System.out);
    return null;
  }
}
