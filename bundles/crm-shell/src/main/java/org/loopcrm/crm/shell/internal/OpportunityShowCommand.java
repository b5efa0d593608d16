package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.sales.Competitor;
import org.loopcrm.crm.api.sales.Opportunity;
import org.loopcrm.crm.api.sales.OpportunityLine;
import org.loopcrm.crm.api.sales.OpportunityService;
import org.loopcrm.crm.api.sales.StageChange;

/** {@code crm:opportunity-show <id>}: an opportunity with its lines and stage history. */
@Command(
    scope = "crm",
    name = "opportunity-show",
    description = "Shows an opportunity: stage, probability, amount, lines, competitors, history.")
@Service
public class OpportunityShowCommand implements Action {
  @Reference OpportunityService opportunities;

  @Argument(index = 0, name = "id", required = true, description = "The opportunity's id")
  String id;

  @Override
  public Object execute() {
    var actor = ShellActors.current();
    var oid = ShellIds.parse("opportunity", id);
    print(opportunities.get(actor, oid), opportunities.history(actor, oid), System.out);
    return null;
  }

  static void print(Opportunity o, List<StageChange> history, PrintStream out) {
    out.println(o.name() + "  [" + o.type() + "]  " + o.id());
    out.println("  account:   " + o.accountId());
    out.println(
        "  stage:     "
            + o.pipeline()
            + " / "
            + o.stage()
            + " ("
            + o.status()
            + ", "
            + o.probability()
            + "%, "
            + o.forecastCategory()
            + ")");
    out.println(
        "  amount:    "
            + o.amount().toPlainString()
            + " "
            + o.currency()
            + " (weighted "
            + o.weightedAmount().toPlainString()
            + ")");
    out.println("  close:     " + o.closeDate() + "   owner: " + o.owner());
    if (o.nextStep() != null) {
      out.println("  next step: " + o.nextStep());
    }
    if (o.closeReason() != null) {
      out.println(
          "  reason:    "
              + o.closeReason()
              + (o.lostTo() == null ? "" : " (to " + o.lostTo() + ")"));
    }
    for (Competitor c : o.competitors()) {
      out.println("  competitor: " + c.name() + (c.note() == null ? "" : " - " + c.note()));
    }
    if (!o.lines().isEmpty()) {
      ShellTable lines = new ShellTable();
      lines.column("Product");
      lines.column("Description");
      lines.column("Qty").alignRight();
      lines.column("Price").alignRight();
      lines.column("Disc.%").alignRight();
      lines.column("Total").alignRight();
      for (OpportunityLine l : o.lines()) {
        lines
            .addRow()
            .addContent(
                l.productCode(),
                l.description() == null ? "" : l.description(),
                l.quantity().stripTrailingZeros().toPlainString(),
                l.unitPrice().stripTrailingZeros().toPlainString(),
                l.discountPercent().stripTrailingZeros().toPlainString(),
                l.total().toPlainString());
      }
      lines.print(out);
    }
    ShellTable h = new ShellTable();
    h.column("When");
    h.column("Who");
    h.column("From");
    h.column("To");
    h.column("Prob.").alignRight();
    h.column("Reason");
    for (StageChange c : history) {
      h.addRow()
          .addContent(
              c.at(),
              c.by(),
              c.fromStage() == null ? "" : c.fromStage(),
              c.toStage(),
              c.probability() + "%",
              c.reason() == null ? "" : c.reason());
    }
    h.print(out);
  }
}
