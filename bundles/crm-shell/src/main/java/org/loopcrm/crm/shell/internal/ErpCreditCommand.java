package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.erp.CreditCheck;
import org.loopcrm.crm.api.erp.ErpLiveService;

@Command(
    scope = "crm",
    name = "erp-credit",
    description =
        "Asks the ERP now for an account's receivable and credit limit, and whether an amount more"
            + " fits.")
@Service
public class ErpCreditCommand implements Action {
  @Reference ErpLiveService live;

  @Argument(index = 0, name = "accountId", required = true, description = "The account's id")
  @Completion(AccountIdCompleter.class)
  String accountId;

  @Argument(index = 1, name = "amount", description = "The order amount to check, default 0")
  String amount;

  @Option(name = "-s", aliases = "--system", description = "The ERP, when several are connected")
  String system;

  @Override
  public Object execute() {
    BigDecimal a;
    try {
      a = amount == null ? null : new BigDecimal(amount.trim());
    } catch (NumberFormatException e) {
      System.err.println("Error: amount must be a number such as 1200.50, not " + amount);
      return null;
    }
    print(
        live.creditCheck(ShellActors.current(), system, ShellIds.parse("account", accountId), a),
        System.out);
    return null;
  }

  static void print(CreditCheck c, PrintStream out) {
    String currency = c.status().currency();
    out.println(
        "Receivable in "
            + c.erpSystem()
            + " (party "
            + c.status().erpRef()
            + "): "
            + ErpAccountCommand.money(c.status().receivable(), currency)
            + (c.status().creditLimit() == null
                ? ", no credit limit"
                : ", credit limit " + ErpAccountCommand.money(c.status().creditLimit(), currency)));
    out.println(
        "An order of "
            + ErpAccountCommand.money(c.amount(), currency)
            + (c.allowed() ? " fits." : " goes OVER the credit limit."));
  }
}
