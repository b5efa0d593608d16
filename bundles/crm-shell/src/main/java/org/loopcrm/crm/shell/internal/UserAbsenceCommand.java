package org.loopcrm.crm.shell.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.assignment.Absence;
import org.loopcrm.crm.api.assignment.AssignmentService;

/**
 * {@code crm:user-absence}: shows what the assignment rules know of a user, records an absence
 * ({@code --from --to}) or removes one ({@code --remove id}).
 */
@Command(
    scope = "crm",
    name = "user-absence",
    description =
        "Shows a user's capacity, skills and absences; with --from and --to records an absence,"
            + " with --remove deletes one.")
@Service
public class UserAbsenceCommand implements Action {
  @Reference AssignmentService assignment;

  @Argument(index = 0, name = "user", required = true, description = "The user name")
  String user;

  @Option(name = "--from", description = "ISO-8601 instant, e.g. 2026-08-01T00:00:00Z")
  String from;

  @Option(name = "--to", description = "ISO-8601 instant (excluded)")
  String to;

  @Option(name = "--reason", description = "A note, e.g. holiday")
  String reason;

  @Option(name = "--remove", description = "The id of an absence to remove")
  String remove;

  @Override
  public Object execute() {
    try {
      if (remove != null) {
        assignment.removeAbsence(ShellActors.current(), user, ShellIds.parse("absence", remove));
        System.out.println("absence " + remove + " removed");
      } else if (from != null || to != null) {
        if (from == null || to == null) {
          throw new IllegalArgumentException("give both --from and --to");
        }
        Absence a =
            assignment.addAbsence(
                ShellActors.current(), user, instant("--from", from), instant("--to", to), reason);
        System.out.println("absence " + a.id() + " recorded: " + a.from() + " .. " + a.to());
      } else {
        AssignmentOutput.assignee(assignment.assignee(ShellActors.current(), user), System.out);
      }
    } catch (RuntimeException e) {
      AssignmentOutput.error(e, System.err);
    }
    return null;
  }

  private static Instant instant(String option, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option + " '" + text + "' is not an ISO-8601 instant such as 2026-08-01T00:00:00Z");
    }
  }
}
