package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.activity.TimelineItem;
import org.loopcrm.crm.api.activity.TimelineQuery;
import org.loopcrm.crm.api.activity.TimelineService;

/** {@code crm:timeline}: an account's (or contact's) 360° timeline, newest first. */
@Command(
    scope = "crm",
    name = "timeline",
    description = "Shows an account's timeline: activities, changes, consent, newest first.")
@Service
public class TimelineCommand implements Action {
  @Reference TimelineService timeline;

  @Argument(index = 0, name = "accountId", required = true, description = "The account's id")
  @Completion(AccountIdCompleter.class)
  String accountId;

  @Option(name = "--contact", description = "A contact of the account: its own timeline")
  String contactId;

  @Option(
      name = "-k",
      aliases = "--kind",
      description = "Kinds (activity.call) or groups (activity, account, contact, consent)",
      multiValued = true)
  List<String> kinds;

  @Option(name = "-l", aliases = "--limit", description = "Page size, 1 to 200")
  int limit = 50;

  @Option(name = "-c", aliases = "--cursor", description = "Cursor printed under the previous page")
  String cursor;

  @Override
  public Object execute() {
    Set<String> filter = new LinkedHashSet<>();
    if (kinds != null) {
      for (String k : kinds) {
        for (String part : k.split(",")) {
          if (!part.isBlank()) {
            filter.add(part.strip());
          }
        }
      }
    }
    Page<TimelineItem> page =
        timeline.timeline(
            ShellActors.current(),
            new TimelineQuery(
                ShellIds.parse("account", accountId),
                contactId == null ? null : ShellIds.parse("contact", contactId),
                filter,
                limit,
                cursor));
    print(accountId, page, System.out);
    return null;
  }

  static void print(String accountId, Page<TimelineItem> page, PrintStream out) {
    ShellTable table = new ShellTable();
    table.column("When");
    table.column("Kind");
    table.column("Title");
    table.column("By");
    table.column("Details").maxSize(60);
    for (TimelineItem i : page.items()) {
      table
          .addRow()
          .addContent(
              i.at(),
              i.kind(),
              i.title(),
              i.user() == null ? "" : i.user(),
              i.summary() == null ? "" : i.summary());
    }
    table.print(out);
    page.nextCursor()
        .ifPresent(c -> out.println("more: crm:timeline " + accountId + " --cursor " + c));
  }
}
