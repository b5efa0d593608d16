package org.loopcrm.crm.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.eto.EngineeringRequest;
import org.loopcrm.crm.api.eto.EngineeringService;

/** {@code crm:eto-release-bom <id> <revision>}: releases a DRAFT BOM revision. */
@Command(
    scope = "crm",
    name = "eto-release-bom",
    description =
        "Releases a DRAFT BOM revision of an engineering request (by the request's or the"
            + " opportunity's id); the released one before is superseded. If the opportunity is"
            + " won, the ERP production is commanded from it. crm-admin and crm-manager only.")
@Service
public class EtoReleaseBomCommand implements Action {
  @Reference EngineeringService engineering;

  @Argument(
      index = 0,
      name = "id",
      required = true,
      description = "The request's or opportunity's id")
  String id;

  @Argument(
      index = 1,
      name = "revision",
      required = true,
      description = "The BOM revision, 1, 2, ...")
  int revision;

  @Override
  public Object execute() {
    Actor actor = ShellActors.current();
    EngineeringRequest r =
        EtoShowCommand.find(engineering, actor, ShellIds.parse("engineering request", id));
    EtoShowCommand.print(engineering.releaseBom(actor, r.id(), r.version(), revision), System.out);
    return null;
  }
}
