package org.loopcrm.crm.shell.internal;

import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.eto.EngineeringRequest;
import org.loopcrm.crm.api.eto.EngineeringService;
import org.loopcrm.crm.api.eto.Feasibility;

/** {@code crm:eto-feasibility <id> <verdict> [--note]}: engineering's feasibility decision. */
@Command(
    scope = "crm",
    name = "eto-feasibility",
    description =
        "Records engineering's feasibility decision on an engineering request (by the request's"
            + " or the opportunity's id): FEASIBLE, FEASIBLE_WITH_CHANGES or NOT_FEASIBLE (a note"
            + " is required unless FEASIBLE). crm-admin and crm-manager only.")
@Service
public class EtoFeasibilityCommand implements Action {
  @Reference EngineeringService engineering;

  @Argument(
      index = 0,
      name = "id",
      required = true,
      description = "The request's or opportunity's id")
  String id;

  @Argument(index = 1, name = "verdict", required = true, description = "The verdict")
  @Completion(
      value = StringsCompleter.class,
      values = {"FEASIBLE", "FEASIBLE_WITH_CHANGES", "NOT_FEASIBLE"})
  String verdict;

  @Option(name = "-n", aliases = "--note", description = "What has to change, or why not")
  String note;

  @Override
  public Object execute() {
    Feasibility v;
    try {
      v = Feasibility.valueOf(verdict.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException(
          List.of(
              new FieldError(
                  "verdict", "must be FEASIBLE, FEASIBLE_WITH_CHANGES or NOT_FEASIBLE")));
    }
    Actor actor = ShellActors.current();
    EngineeringRequest r =
        EtoShowCommand.find(engineering, actor, ShellIds.parse("engineering request", id));
    EtoShowCommand.print(
        engineering.decideFeasibility(actor, r.id(), r.version(), v, note), System.out);
    return null;
  }
}
