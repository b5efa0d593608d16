package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.erp.ErpAccountService;
import org.loopcrm.crm.api.erp.ErpDocument;
import org.loopcrm.crm.api.erp.ErpSnapshot;

/** {@code crm:erp-account <accountId>}: what the ERP knows of an account, and its documents. */
@Command(
    scope = "crm",
    name = "erp-account",
    description = "Shows an account's ERP finance snapshot and its latest ERP documents.")
@Service
public class ErpAccountCommand implements Action {
  @Reference ErpAccountService erp;

  @Argument(index = 0, name = "accountId", required = true, description = "The account's id")
  @Completion(AccountIdCompleter.class)
  String accountId;

  @Option(name = "-l", aliases = "--limit", description = "Documents per page, 1 to 200")
  int limit = 10;

  @Option(name = "-c", aliases = "--cursor", description = "Cursor printed under the previous page")
  String cursor;

  @Override
  public Object execute() {
    Actor actor = ShellActors.current();
    UUID id = ShellIds.parse("account", accountId);
    print(erp.snapshot(actor, id), System.out);
    print(accountId, erp.documents(actor, id, null, limit, cursor), System.out);
    return null;
  }

  static void print(ErpSnapshot s, PrintStream out) {
    out.println(
        "Receivable: "
            + money(s.receivable(), s.currency())
            + (s.creditLimit() == null
                ? ", no credit limit"
                : ", credit limit "
                    + money(s.creditLimit(), s.currency())
                    + (s.overCreditLimit() ? " (EXCEEDED)" : "")));
    out.println("Overdue: " + (s.overdue() == null ? "-" : money(s.overdue(), s.currency())));
    out.println(
        "Invoices: "
            + s.invoiceCount()
            + (s.lastInvoice() == null ? "" : ", last " + s.lastInvoice())
            + "; payments: "
            + s.paymentCount()
            + (s.lastPaymentAt() == null ? "" : ", last " + s.lastPaymentAt()));
    out.println("ERP balance as of: " + (s.balanceAsOf() == null ? "never sent" : s.balanceAsOf()));
    out.println(
        "Documents: "
            + (s.documents().isEmpty()
                ? "none"
                : s.documents().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "))));
  }

  static void print(String accountId, Page<ErpDocument> page, PrintStream out) {
    ShellTable table = new ShellTable();
    table.column("Changed");
    table.column("Kind");
    table.column("Number");
    table.column("State");
    table.column("Amount");
    table.column("ERP");
    for (ErpDocument d : page.items()) {
      table
          .addRow()
          .addContent(
              d.changedAt(),
              d.kind(),
              d.number() == null ? d.documentRef() : d.number(),
              d.state(),
              d.amount() == null ? "" : money(d.amount(), d.currency()),
              d.erpSystem());
    }
    table.print(out);
    page.nextCursor()
        .ifPresent(c -> out.println("more: crm:erp-account " + accountId + " --cursor " + c));
  }

  static String money(BigDecimal amount, String currency) {
    String text = amount.toPlainString();
    return currency == null ? text : text + " " + currency;
  }
}
