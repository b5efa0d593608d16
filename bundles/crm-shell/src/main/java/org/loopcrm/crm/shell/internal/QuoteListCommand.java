package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.quote.Quote;
import org.loopcrm.crm.api.quote.QuoteService;

/** {@code crm:quote-list <opportunityId>}: an opportunity's quotes, newest first. */
@Command(
    scope = "crm",
    name = "quote-list",
    description = "Lists an opportunity's quotes, newest number and revision first.")
@Service
public class QuoteListCommand implements Action {
  @Reference QuoteService quotes;

  @Argument(index = 0, name = "opportunityId", required = true, description = "The opportunity")
  String opportunityId;

  @Override
  public Object execute() {
    print(
        quotes.ofOpportunity(ShellActors.current(), ShellIds.parse("opportunity", opportunityId)),
        System.out);
    return null;
  }

  static void print(List<Quote> quotes, PrintStream out) {
    ShellTable table = new ShellTable();
    table.column("Id");
    table.column("Quote");
    table.column("Status");
    table.column("Total").alignRight();
    table.column("Valid until");
    table.column("ERP sale");
    for (Quote q : quotes) {
      table
          .addRow()
          .addContent(
              q.id(),
              q.number() + "/" + q.revision(),
              q.status(),
              q.total().toPlainString() + " " + q.currency(),
              q.validUntil(),
              q.saleCommand() == null ? "" : q.saleCommand());
    }
    table.print(out);
  }
}
