package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.activity.Activity;
import org.loopcrm.crm.api.activity.ActivityDraft;
import org.loopcrm.crm.api.activity.ActivityKind;
import org.loopcrm.crm.api.activity.ActivityService;
import org.loopcrm.crm.api.activity.Direction;

/** {@code crm:activity-log}: logs an interaction or creates a task on an account. */
@Command(
    scope = "crm",
    name = "activity-log",
    description = "Logs a call, e-mail, meeting … or creates a task (kind TASK) on an account.")
@Service
public class ActivityLogCommand implements Action {
  @Reference ActivityService activities;

  @Argument(index = 0, name = "accountId", required = true, description = "The account's id")
  @Completion(AccountIdCompleter.class)
  String accountId;

  @Argument(
      index = 1,
      name = "kind",
      required = true,
      description = "CALL, EMAIL, MEETING, CHAT, SOCIAL, WEB_VISIT, LETTER, NOTE or TASK")
  String kind;

  @Argument(index = 2, name = "subject", required = true, description = "One-line summary")
  String subject;

  @Option(name = "-d", aliases = "--direction", description = "INBOUND, OUTBOUND or INTERNAL")
  String direction;

  @Option(name = "-b", aliases = "--body", description = "Notes")
  String body;

  @Option(name = "--due", description = "Task due date, ISO-8601 instant")
  String due;

  @Option(name = "--remind", description = "Task reminder time, ISO-8601 instant")
  String remind;

  @Override
  public Object execute() {
    ActivityKind k = ActivityListCommand.kinds(List.of(kind)).iterator().next();
    Direction dir = null;
    if (direction != null) {
      try {
        dir = Direction.valueOf(direction.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ActivityListCommand.invalid("--direction", "must be INBOUND, OUTBOUND or INTERNAL");
      }
    }
    Activity a =
        activities.create(
            ShellActors.current(),
            new ActivityDraft(
                k,
                dir,
                "shell",
                subject,
                body,
                null,
                null,
                ShellIds.parse("account", accountId),
                null,
                List.of(),
                null,
                instant("--due", due),
                instant("--remind", remind)));
    print(a, System.out);
    return null;
  }

  private static Instant instant(String field, String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw ActivityListCommand.invalid(field, "must be an instant such as 2026-01-31T12:00:00Z");
    }
  }

  static void print(Activity a, PrintStream out) {
    out.println(
        a.kind()
            + " "
            + a.id()
            + " \""
            + a.subject()
            + "\" by "
            + a.owner()
            + (a.status() == null ? "" : ", " + a.status())
            + (a.dueAt() == null ? "" : ", due " + a.dueAt())
            + (a.remindAt() == null ? "" : ", reminder " + a.remindAt()));
  }
}
