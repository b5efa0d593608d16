package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.activity.Activity;
import org.loopcrm.crm.api.activity.ActivityKind;
import org.loopcrm.crm.api.activity.ActivityQuery;
import org.loopcrm.crm.api.activity.ActivityService;
import org.loopcrm.crm.api.activity.TaskStatus;

/** {@code crm:activity-list}: an account's activities and tasks, newest first, as a table. */
@Command(
    scope = "crm",
    name = "activity-list",
    description = "Lists an account's activities and tasks, newest first, a page at a time.")
@Service
public class ActivityListCommand implements Action {
  @Reference ActivityService activities;

  @Argument(index = 0, name = "accountId", required = true, description = "The account's id")
  @Completion(AccountIdCompleter.class)
  String accountId;

  @Option(
      name = "-k",
      aliases = "--kind",
      description = "Kinds, e.g. CALL,TASK",
      multiValued = true)
  List<String> kinds;

  @Option(name = "-s", aliases = "--status", description = "Tasks in this status: OPEN, DONE …")
  String status;

  @Option(name = "-l", aliases = "--limit", description = "Page size, 1 to 200")
  int limit = 50;

  @Option(name = "-c", aliases = "--cursor", description = "Cursor printed under the previous page")
  String cursor;

  @Override
  public Object execute() {
    Page<Activity> page =
        activities.list(
            ShellActors.current(),
            new ActivityQuery(
                ShellIds.parse("account", accountId),
                null,
                kinds(kinds),
                status == null ? null : status(status),
                null,
                limit,
                cursor));
    print(accountId, page, System.out);
    return null;
  }

  static Set<ActivityKind> kinds(List<String> tokens) {
    Set<ActivityKind> out = EnumSet.noneOf(ActivityKind.class);
    if (tokens != null) {
      for (String t : tokens) {
        for (String k : t.split(",")) {
          if (!k.isBlank()) {
            try {
              out.add(ActivityKind.valueOf(k.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
              throw invalid("--kind", "'" + k.strip() + "' is not an activity kind");
            }
          }
        }
      }
    }
    return out;
  }

  private static TaskStatus status(String s) {
    try {
      return TaskStatus.valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid("--status", "must be OPEN, DONE or CANCELLED");
    }
  }

  static ValidationException invalid(String field, String message) {
    return new ValidationException(List.of(new ValidationException.FieldError(field, message)));
  }

  static void print(String accountId, Page<Activity> page, PrintStream out) {
    ShellTable table = new ShellTable();
    table.column("ID");
    table.column("When");
    table.column("Kind");
    table.column("Dir");
    table.column("Subject");
    table.column("Owner");
    table.column("Due");
    table.column("Status");
    for (Activity a : page.items()) {
      table
          .addRow()
          .addContent(
              a.id(),
              a.occurredAt(),
              a.kind(),
              a.direction() == null ? "" : a.direction(),
              a.subject(),
              a.owner(),
              a.dueAt() == null ? "" : a.dueAt(),
              a.status() == null ? "" : a.status());
    }
    table.print(out);
    page.nextCursor()
        .ifPresent(c -> out.println("more: crm:activity-list " + accountId + " --cursor " + c));
  }
}
