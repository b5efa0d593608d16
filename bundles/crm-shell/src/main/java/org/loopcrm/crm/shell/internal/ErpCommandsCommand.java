package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.erp.ErpCommand;
import org.loopcrm.crm.api.erp.ErpCommandService;

/** {@code crm:erp-commands <accountId>}: the account's commands to the ERP and how far each got. */
@Command(
    scope = "crm",
    name = "erp-commands",
    description =
        "Lists an account's commands to the ERP (sales, productions, projects), newest first:"
            + " PENDING, DONE with the ERP document, or FAILED with the ERP's reason.")
@Service
public class ErpCommandsCommand implements Action {
  @Reference ErpCommandService commands;

  @Argument(index = 0, name = "accountId", required = true, description = "The account's id")
  @Completion(AccountIdCompleter.class)
  String accountId;

  @Option(name = "-l", aliases = "--limit", description = "Commands per page, 1 to 200")
  int limit = 20;

  @Option(name = "-c", aliases = "--cursor", description = "Cursor printed under the previous page")
  String cursor;

  @Override
  public Object execute() {
    Page<ErpCommand> page =
        commands.commands(
            ShellActors.current(), ShellIds.parse("account", accountId), limit, cursor);
    print(page, System.out);
    page.nextCursor()
        .ifPresent(
            c -> System.out.println("more: crm:erp-commands " + accountId + " --cursor " + c));
    return null;
  }

  static void print(Page<ErpCommand> page, PrintStream out) {
    ShellTable table = new ShellTable();
    table.column("Id");
    table.column("Requested");
    table.column("Kind");
    table.column("Status");
    table.column("Document");
    table.column("Tries");
    table.column("Failure");
    for (ErpCommand c : page.items()) {
      table
          .addRow()
          .addContent(
              c.id(),
              c.requestedAt(),
              c.request().kind(),
              c.status(),
              c.documentRef() == null
                  ? ""
                  : (c.documentNumber() == null ? c.documentRef() : c.documentNumber())
                      + (c.documentState() == null ? "" : " (" + c.documentState() + ")"),
              c.attempts(),
              c.failure() == null ? "" : c.failure());
    }
    table.print(out);
  }
}
