package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.Locale;
import java.util.UUID;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.quote.LineQuantity;
import org.loopcrm.crm.api.quote.Quote;
import org.loopcrm.crm.api.quote.QuoteLine;
import org.loopcrm.crm.api.quote.QuoteService;

/**
 * {@code crm:quote <id> [action]}: shows a quote, or takes it a step: submit, approve, refuse,
 * check, send, accept, reject, revise.
 */
@Command(
    scope = "crm",
    name = "quote",
    description =
        "Shows a quote, or takes it a step: submit, approve [--note], refuse --note, check (asks"
            + " the ERP for availability and credit), send, accept (wins the opportunity and"
            + " commands the ERP sale), reject --reason, revise, cancel-order --reason (cancels"
            + " the ERP sale; the opportunity's productions stop once the ERP has), reduce-order --line"
            + " <position>=<quantity>... --reason (reduces what is on order: the ERP sale and"
            + " the changed configured lines' productions follow).")
@Service
public class QuoteCommand implements Action {
  @Reference QuoteService quotes;

  @Argument(index = 0, name = "id", required = true, description = "The quote's id")
  String id;

  @Argument(index = 1, name = "action", description = "What to do; nothing shows the quote")
  @Completion(
      value = StringsCompleter.class,
      values = {
        "submit",
        "approve",
        "refuse",
        "check",
        "send",
        "accept",
        "reject",
        "revise",
        "cancel-order",
        "reduce-order"
      })
  String action;

  @Option(name = "-n", aliases = "--note", description = "The approver's note")
  String note;

  @Option(
      name = "-r",
      aliases = "--reason",
      description = "Why the customer rejected it, cancelled or reduced the order")
  String reason;

  @Option(
      name = "-l",
      aliases = "--line",
      multiValued = true,
      description = "reduce-order: a line's new quantity on order, <position>=<quantity>, e.g. 1=2")
  java.util.List<String> lines;

  @Override
  public Object execute() {
    Actor actor = ShellActors.current();
    UUID qid = ShellIds.parse("quote", id);
    Quote q = quotes.get(actor, qid);
    Quote after =
        action == null
            ? q
            : switch (action.toLowerCase(Locale.ROOT)) {
              case "submit" -> quotes.submit(actor, qid, q.version());
              case "approve" -> quotes.approve(actor, qid, q.version(), note);
              case "refuse" -> quotes.refuseApproval(actor, qid, q.version(), note);
              case "check" -> quotes.check(actor, qid);
              case "send" -> quotes.send(actor, qid, q.version());
              case "accept" -> quotes.accept(actor, qid, q.version());
              case "reject" -> quotes.reject(actor, qid, q.version(), reason);
              case "revise" -> quotes.revise(actor, qid, q.version());
              case "cancel-order" -> quotes.cancelOrder(actor, qid, q.version(), reason);
              case "reduce-order" ->
                  quotes.reduceOrder(actor, qid, q.version(), lineQuantities(lines), reason);
              default ->
                  throw new ValidationException(
                      java.util.List.of(
                          new FieldError(
                              "action",
                              "must be submit, approve, refuse, check, send, accept, reject,"
                                  + " revise, cancel-order or reduce-order")));
            };
    print(after, System.out);
    return null;
  }

  /** {@code 1=2} and the like: a line's position and its new quantity on order. */
  static java.util.List<LineQuantity> lineQuantities(java.util.List<String> given) {
    if (given == null || given.isEmpty()) {
      throw new ValidationException(
          java.util.List.of(
              new FieldError("line", "name each reduced line as --line <position>=<quantity>")));
    }
    java.util.List<LineQuantity> out = new java.util.ArrayList<>();
    for (String g : given) {
      String[] parts = g.split("=", 2);
      try {
        out.add(
            new LineQuantity(
                Integer.parseInt(parts[0].strip()), new java.math.BigDecimal(parts[1].strip())));
      } catch (RuntimeException e) {
        throw new ValidationException(
            java.util.List.of(
                new FieldError("line", "'" + g + "' is not <position>=<quantity>, such as 1=2")));
      }
    }
    return out;
  }

  static void print(Quote q, PrintStream out) {
    out.println("Quote " + q.number() + "/" + q.revision() + "  " + q.status() + "  " + q.id());
    out.println("  opportunity: " + q.opportunityId() + "   valid until " + q.validUntil());
    out.println(
        "  total: "
            + q.total().toPlainString()
            + " "
            + q.currency()
            + " (subtotal "
            + q.subtotal().toPlainString()
            + ", discount "
            + q.discount().toPlainString()
            + ")");
    if (q.approvalReason() != null) {
      out.println(
          "  approval: "
              + q.approvalReason()
              + (q.approvedBy() == null ? "" : " - approved by " + q.approvedBy()));
    }
    if (q.approvalNote() != null) {
      out.println("  approver's note: " + q.approvalNote());
    }
    if (q.credit() != null) {
      out.println(
          "  credit: "
              + (q.credit().allowed() ? "fits" : "over the limit")
              + " (limit "
              + (q.credit().limit() == null ? "none" : q.credit().limit().toPlainString())
              + ", exposure "
              + q.credit().exposure().toPlainString()
              + ")");
    } else if (q.creditProblem() != null) {
      out.println("  credit: not checked - " + q.creditProblem());
    }
    if (q.saleCommandId() != null) {
      out.println("  ERP sale: " + q.saleCommand() + " (command " + q.saleCommandId() + ")");
    }
    if (q.decisionReason() != null) {
      out.println("  rejected: " + q.decisionReason());
    }
    ShellTable t = new ShellTable();
    t.column("#").alignRight();
    t.column("Product");
    t.column("Qty").alignRight();
    t.column("Price").alignRight();
    t.column("Disc.%").alignRight();
    t.column("Total").alignRight();
    t.column("Availability");
    boolean ordered = q.lines().stream().anyMatch(l -> l.orderedQuantity() != null);
    if (ordered) {
      t.column("On order").alignRight();
    }
    for (QuoteLine l : q.lines()) {
      org.apache.karaf.shell.support.table.Row row = t.addRow();
      row.addContent(
          l.position(),
          l.productCode(),
          l.quantity().stripTrailingZeros().toPlainString(),
          l.unitPrice().stripTrailingZeros().toPlainString(),
          l.discountPercent().stripTrailingZeros().toPlainString(),
          l.total().toPlainString(),
          l.availability() == null
              ? ""
              : l.availability().problem() != null
                  ? "? " + l.availability().problem()
                  : (l.availability().available() ? "yes" : "no")
                      + " (forecast "
                      + l.availability().forecast().stripTrailingZeros().toPlainString()
                      + ")");
      if (ordered) {
        row.addContent(
            l.orderedQuantity() == null
                ? ""
                : l.orderedQuantity().stripTrailingZeros().toPlainString());
      }
    }
    t.print(out);
  }
}
