package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.UUID;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.erp.port.BomLine;
import org.loopcrm.crm.api.eto.Attachment;
import org.loopcrm.crm.api.eto.Bom;
import org.loopcrm.crm.api.eto.CostCategory;
import org.loopcrm.crm.api.eto.EngineeringRequest;
import org.loopcrm.crm.api.eto.EngineeringService;
import org.loopcrm.crm.api.eto.EngineeringTask;

/** {@code crm:eto-show <opportunity or request id>}: an engineering request in full. */
@Command(
    scope = "crm",
    name = "eto-show",
    description =
        "Shows the engineering request of an engineer-to-order opportunity (by the opportunity's"
            + " or the request's id): feasibility, estimate, tasks, BOM revisions, attachments"
            + " and the ERP project and production commands.")
@Service
public class EtoShowCommand implements Action {
  @Reference EngineeringService engineering;

  @Argument(
      index = 0,
      name = "id",
      required = true,
      description = "The opportunity's or the engineering request's id")
  String id;

  @Override
  public Object execute() {
    Actor actor = ShellActors.current();
    print(find(engineering, actor, ShellIds.parse("engineering request", id)), System.out);
    return null;
  }

  /** The request with this id, or else the request of the opportunity with this id. */
  static EngineeringRequest find(EngineeringService engineering, Actor actor, UUID id) {
    try {
      return engineering.get(actor, id);
    } catch (NotFoundException e) {
      try {
        return engineering.ofOpportunity(actor, id);
      } catch (NotFoundException again) {
        throw new NotFoundException("engineering request (or opportunity with one)", id);
      }
    }
  }

  static void print(EngineeringRequest r, PrintStream out) {
    out.println("Engineering request " + r.id() + "  " + r.status() + "  version " + r.version());
    out.println("  opportunity: " + r.opportunityId() + "   account: " + r.accountId());
    out.println(
        "  product: "
            + (r.productCode() == null ? "(not specified)" : r.productCode())
            + " x "
            + r.quantity().stripTrailingZeros().toPlainString());
    if (r.specification() != null) {
      out.println("  specification: " + r.specification());
    }
    if (r.feasibility() == null) {
      out.println("  feasibility: not decided");
    } else {
      out.println(
          "  feasibility: "
              + r.feasibility().verdict()
              + " by "
              + r.feasibility().decidedBy()
              + (r.feasibility().note() == null ? "" : " - " + r.feasibility().note()));
    }
    if (r.estimate() != null) {
      StringBuilder by = new StringBuilder();
      for (CostCategory c : CostCategory.values()) {
        by.append(by.length() == 0 ? "" : ", ")
            .append(c.name().toLowerCase(java.util.Locale.ROOT))
            .append(' ')
            .append(r.estimate().costByCategory().get(c).toPlainString());
      }
      out.println(
          "  estimate: cost "
              + r.estimate().cost().toPlainString()
              + " ("
              + by
              + "), margin "
              + r.estimate().marginPercent().stripTrailingZeros().toPlainString()
              + "% -> price "
              + r.estimate().price().toPlainString());
    }
    for (EngineeringTask t : r.tasks()) {
      out.println(
          "  task: "
              + t.name()
              + (t.effortHours() == null
                  ? ""
                  : " (" + t.effortHours().stripTrailingZeros().toPlainString() + " h)"));
    }
    for (Bom b : r.boms()) {
      StringBuilder lines = new StringBuilder();
      for (BomLine l : b.lines()) {
        lines
            .append(lines.length() == 0 ? "" : ", ")
            .append(l.productCode())
            .append(" x ")
            .append(l.quantity().stripTrailingZeros().toPlainString());
      }
      out.println("  BOM r" + b.revision() + " " + b.status() + ": " + lines);
    }
    for (Attachment a : r.attachments()) {
      out.println(
          "  attachment: " + a.name() + " (" + a.contentType() + ", " + a.size() + " bytes)");
    }
    if (r.quoteId() != null) {
      out.println("  quote: " + r.quoteId());
    }
    if (r.projectCommandId() != null) {
      out.println(
          "  ERP project: " + r.projectCommand() + " (command " + r.projectCommandId() + ")");
    }
    if (r.productionCommandId() != null) {
      out.println(
          "  ERP production: "
              + r.productionCommand()
              + " (command "
              + r.productionCommandId()
              + ")");
    }
  }
}
