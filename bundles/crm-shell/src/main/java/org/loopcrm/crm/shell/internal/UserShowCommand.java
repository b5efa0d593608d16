package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.access.TeamService;
import org.loopcrm.crm.api.access.UserProfile;

/** {@code crm:user-show}: whom a user reports to, their teams and their reports. */
@Command(
    scope = "crm",
    name = "user-show",
    description = "Shows a user's manager, teams and direct reports (record access follows them).")
@Service
public class UserShowCommand implements Action {
  @Reference TeamService teams;

  @Argument(index = 0, name = "user", required = true, description = "The user name")
  String user;

  @Override
  public Object execute() {
    print(teams.profile(ShellActors.current(), user), System.out);
    return null;
  }

  static void print(UserProfile p, PrintStream out) {
    out.println("User:    " + p.user());
    out.println("Manager: " + (p.manager() == null ? "-" : p.manager()));
    out.println("Teams:   " + (p.teams().isEmpty() ? "-" : String.join(", ", p.teams())));
    out.println("Reports: " + (p.reports().isEmpty() ? "-" : String.join(", ", p.reports())));
  }
}
