package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.search.SearchHit;
import org.loopcrm.crm.api.search.SearchQuery;
import org.loopcrm.crm.api.search.SearchService;

/** {@code crm:search <words...>}: accounts, contacts and contact mechanisms, best first. */
@Command(
    scope = "crm",
    name = "search",
    description = "Searches account and contact names and contact mechanisms.")
@Service
public class SearchCommand implements Action {
  @Reference SearchService search;

  @Argument(index = 0, name = "query", required = true, multiValued = true, description = "Words")
  List<String> words;

  @Option(name = "--limit", description = "At most this many hits (1 to 100)")
  int limit = 20;

  @Override
  public Object execute() {
    print(
        search.search(ShellActors.current(), new SearchQuery(String.join(" ", words), null, limit)),
        System.out);
    return null;
  }

  static void print(List<SearchHit> hits, PrintStream out) {
    ShellTable table = new ShellTable();
    table.column("Kind");
    table.column("Label");
    table.column("Matched");
    table.column("Score");
    table.column("ID");
    table.column("Account");
    for (SearchHit h : hits) {
      table
          .addRow()
          .addContent(
              h.kind(),
              h.label(),
              h.field() + ": " + h.matched(),
              String.format(java.util.Locale.ROOT, "%.2f", h.score()),
              h.id(),
              h.accountId());
    }
    table.print(out);
  }
}
