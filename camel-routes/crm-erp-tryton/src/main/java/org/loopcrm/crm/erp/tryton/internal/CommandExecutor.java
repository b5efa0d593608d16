package org.loopcrm.crm.erp.tryton.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.erp.ErpCommand;
import org.loopcrm.crm.api.erp.ErpCommandRequest;
import org.loopcrm.crm.api.erp.ErpCommandService;
import org.loopcrm.crm.api.erp.port.DocumentRef;
import org.loopcrm.crm.api.erp.port.ErpRejectedException;
import org.loopcrm.crm.api.erp.port.ManufacturingPort;
import org.loopcrm.crm.api.erp.port.ProductionCommand;
import org.loopcrm.crm.api.erp.port.ProjectCommand;
import org.loopcrm.crm.api.erp.port.ProjectPort;
import org.loopcrm.crm.api.erp.port.SaleCommand;
import org.loopcrm.crm.api.erp.port.SalesPort;

/**
 * Carries out a command to the ERP (decisions.md §27): reads it as it stands now, writes the
 * account to Tryton (so the customer exists and is current), makes the document with the command's
 * id as idempotency key, and reports the outcome. A command carried out twice (a redelivered event,
 * a crash before the report) finds the first document in Tryton instead of making another; one that
 * is not PENDING any more, or is for another ERP, is left alone.
 */
final class CommandExecutor {
  private static final Actor ACTOR = CustomerPush.ACTOR;

  private final ErpCommandService commands;
  private final CustomerPush customers;
  private final SalesPort sales;
  private final ManufacturingPort manufacturing;
  private final ProjectPort projects;
  private final Clock clock;

  CommandExecutor(
      ErpCommandService commands,
      CustomerPush customers,
      SalesPort sales,
      ManufacturingPort manufacturing,
      ProjectPort projects,
      Clock clock) {
    this.commands = commands;
    this.customers = customers;
    this.sales = sales;
    this.manufacturing = manufacturing;
    this.projects = projects;
    this.clock = clock;
  }

  /**
   * Carries the command out.
   *
   * @return what happened, for the log
   * @throws org.loopcrm.crm.api.erp.port.ErpUnavailableException if Tryton does not answer: the
   *     caller retries, the command stays PENDING
   */
  String execute(UUID commandId) {
    ErpCommand c = commands.command(ACTOR, commandId);
    if (c.status() != ErpCommand.Status.PENDING) {
      return "left alone, it is " + c.status();
    }
    if (c.erpSystem() != null && !TrytonErp.SYSTEM.equals(c.erpSystem())) {
      return "left alone, it is for " + c.erpSystem();
    }
    DocumentRef document;
    try {
      String party = customers.push(c.accountId(), false);
      document = carryOut(c, party);
    } catch (ErpRejectedException e) {
      commands.failed(ACTOR, c.id(), e.getMessage());
      return "refused by Tryton: " + e.getMessage();
    }
    commands.completed(ACTOR, c.id(), document);
    return (document.created() ? "made " : "found ")
        + document.kind()
        + " "
        + document.id()
        + (document.number() == null ? "" : " (" + document.number() + ")");
  }

  private DocumentRef carryOut(ErpCommand c, String party) {
    String key = c.id().toString();
    ErpCommandRequest r = c.request();
    if (r instanceof ErpCommandRequest.CancelSale cancel) {
      return sales.cancelSale(madeBy(cancel.saleCommandId(), "sale"));
    }
    if (r instanceof ErpCommandRequest.ChangeSale change) {
      return sales.changeSale(
          madeBy(change.saleCommandId(), "sale"), change.lines(), change.reason());
    }
    if (r instanceof ErpCommandRequest.ChangeProduction change) {
      return manufacturing.changeProduction(
          madeBy(change.productionCommandId(), "production"), change.quantity());
    }
    if (r instanceof ErpCommandRequest.Sale s) {
      return sales.placeSale(
          new SaleCommand(key, party, s.reference(), s.currency(), s.lines(), s.confirm()));
    }
    if (r instanceof ErpCommandRequest.Production p) {
      LocalDate start =
          p.plannedStart() == null
              ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
              : p.plannedStart();
      return manufacturing.requestProduction(
          new ProductionCommand(
              key,
              p.productCode(),
              p.quantity(),
              start,
              p.bom(),
              party,
              p.saleRef(),
              p.reference()));
    }
    if (!(r instanceof ErpCommandRequest.Project p)) {
      throw new ErpRejectedException("the Tryton connector does not carry out " + r);
    }
    return projects.createProject(
        new ProjectCommand(key, party, p.name(), p.tasks(), p.reference()));
  }

  /**
   * The document the command made, which a change or cancellation acts on. Not made yet: the change
   * waits (retried like an unreachable ERP); never made: there is nothing to change.
   */
  private String madeBy(java.util.UUID commandId, String what) {
    ErpCommand made = commands.command(ACTOR, commandId);
    return switch (made.status()) {
      case DONE -> made.documentRef();
      case PENDING ->
          throw new org.loopcrm.crm.api.erp.port.ErpUnavailableException(
              "the " + what + " of command " + commandId + " is not made yet", null);
      case FAILED ->
          throw new ErpRejectedException(
              "the " + what + " of command " + commandId + " was never made: " + made.failure());
    };
  }
}
