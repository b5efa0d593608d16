package org.loopcrm.crm.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.sales.Opportunity;
import org.loopcrm.crm.api.sales.OpportunityService;
import org.loopcrm.crm.api.sales.Pipeline;
import org.loopcrm.crm.api.sales.PipelineService;
import org.loopcrm.crm.api.sales.Stage;
import org.loopcrm.crm.api.sales.StageKind;

/**
 * {@code crm:opportunity-stage <id> <stage>}: moves an opportunity, or wins or loses it when the
 * stage is a WON or LOST one.
 */
@Command(
    scope = "crm",
    name = "opportunity-stage",
    description =
        "Moves an opportunity to a stage of its pipeline; a WON stage wins it, a LOST stage loses"
            + " it (--reason required). The stage's required fields and gates must hold.")
@Service
public class OpportunityStageCommand implements Action {
  @Reference OpportunityService opportunities;
  @Reference PipelineService pipelines;

  @Argument(index = 0, name = "id", required = true, description = "The opportunity's id")
  String id;

  @Argument(index = 1, name = "stage", required = true, description = "The stage's code")
  String stage;

  @Option(name = "-r", aliases = "--reason", description = "Why it was won or lost")
  String reason;

  @Option(name = "--lost-to", description = "The competitor it was lost to")
  String lostTo;

  @Override
  public Object execute() {
    var actor = ShellActors.current();
    var oid = ShellIds.parse("opportunity", id);
    Opportunity o = opportunities.get(actor, oid);
    Pipeline p = pipelines.pipeline(actor, o.pipeline());
    StageKind kind = p.stage(stage).map(Stage::kind).orElse(StageKind.OPEN);
    Opportunity after =
        switch (kind) {
          case WON -> opportunities.win(actor, oid, o.version(), stage, reason);
          case LOST -> opportunities.lose(actor, oid, o.version(), stage, reason, lostTo);
          default -> opportunities.moveTo(actor, oid, o.version(), stage);
        };
    System.out.println(
        after.name()
            + ": "
            + after.stage()
            + " ("
            + after.status()
            + ", "
            + after.probability()
            + "%, "
            + after.forecastCategory()
            + ")");
    return null;
  }
}
