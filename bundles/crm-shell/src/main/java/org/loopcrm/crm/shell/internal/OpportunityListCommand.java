package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.sales.Opportunity;
import org.loopcrm.crm.api.sales.OpportunityQuery;
import org.loopcrm.crm.api.sales.OpportunityService;
import org.loopcrm.crm.api.sales.StageKind;

/** {@code crm:opportunity-list}: opportunities by close date. */
@Command(
    scope = "crm",
    name = "opportunity-list",
    description =
        "Lists the opportunities you see by close date, optionally of one account or owner.")
@Service
public class OpportunityListCommand implements Action {
  @Reference OpportunityService opportunities;

  @Option(name = "-a", aliases = "--account", description = "Only this account's")
  @Completion(AccountIdCompleter.class)
  String accountId;

  @Option(name = "-o", aliases = "--owner", description = "Only this owner's")
  String owner;

  @Option(name = "-s", aliases = "--status", description = "OPEN, WON or LOST")
  String status;

  @Option(name = "-l", aliases = "--limit", description = "Opportunities per page, 1 to 200")
  int limit = 20;

  @Option(name = "-c", aliases = "--cursor", description = "Cursor printed under the previous page")
  String cursor;

  @Override
  public Object execute() {
    OpportunityQuery q =
        new OpportunityQuery(
            accountId == null ? null : ShellIds.parse("account", accountId),
            owner,
            null,
            null,
            status(status),
            null,
            null);
    Page<Opportunity> page = opportunities.list(ShellActors.current(), q, limit, cursor);
    print(page, System.out);
    page.nextCursor().ifPresent(c -> System.out.println("more: --cursor " + c));
    return null;
  }

  static StageKind status(String text) {
    if (text == null) {
      return null;
    }
    try {
      return StageKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException(
          java.util.List.of(new FieldError("status", "must be OPEN, WON or LOST")));
    }
  }

  static void print(Page<Opportunity> page, PrintStream out) {
    ShellTable table = new ShellTable();
    table.column("Id");
    table.column("Name");
    table.column("Stage");
    table.column("Prob.").alignRight();
    table.column("Amount").alignRight();
    table.column("Close");
    table.column("Owner");
    for (Opportunity o : page.items()) {
      table
          .addRow()
          .addContent(
              o.id(),
              o.name(),
              o.stage() + (o.status() == StageKind.OPEN ? "" : " (" + o.status() + ")"),
              o.probability() + "%",
              o.amount().toPlainString() + " " + o.currency(),
              o.closeDate(),
              o.owner());
    }
    table.print(out);
  }
}
