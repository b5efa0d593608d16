package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.account.AccountSort;

/** {@code crm:account-list}: a page of accounts as a table. */
@Command(scope = "crm", name = "account-list", description = "Lists accounts, a page at a time.")
@Service
public class AccountListCommand implements Action {
  @Reference AccountService accounts;

  @Option(name = "-n", aliases = "--name", description = "Name prefix (case-insensitive)")
  String name;

  @Option(name = "-o", aliases = "--owner", description = "Owner user name")
  String owner;

  @Option(name = "-a", aliases = "--all", description = "Include archived accounts")
  boolean all;

  @Option(name = "-s", aliases = "--sort", description = "name, -name, createdAt or -createdAt")
  String sort = "name";

  @Option(name = "-l", aliases = "--limit", description = "Page size, 1 to 200")
  int limit = 50;

  @Option(name = "-c", aliases = "--cursor", description = "Cursor printed under the previous page")
  String cursor;

  @Override
  public Object execute() {
    AccountSort order =
        AccountSort.fromToken(sort)
            .orElseThrow(
                () ->
                    new ValidationException(
                        java.util.List.of(
                            new ValidationException.FieldError(
                                "--sort", "must be name, -name, createdAt or -createdAt"))));
    Page<Account> page =
        accounts.list(
            ShellActors.current(), new AccountQuery(name, owner, all, order, limit, cursor));
    print(page, System.out);
    return null;
  }

  static void print(Page<Account> page, PrintStream out) {
    ShellTable table = new ShellTable();
    table.column("ID");
    table.column("Name");
    table.column("ERP ref");
    table.column("Owner");
    table.column("Stage");
    table.column("Status");
    table.column("Receivables").alignRight();
    for (Account a : page.items()) {
      table
          .addRow()
          .addContent(
              a.id(),
              a.name(),
              a.erpRef() == null ? "" : a.erpRef(),
              a.owner(),
              a.stage(),
              a.status(),
              Format.money(a));
    }
    table.print(out);
    page.nextCursor().ifPresent(c -> out.println("more: crm:account-list --cursor " + c));
  }
}
