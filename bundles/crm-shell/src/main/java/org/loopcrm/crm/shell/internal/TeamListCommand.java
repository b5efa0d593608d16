package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.access.Team;
import org.loopcrm.crm.api.access.TeamService;

/** {@code crm:team-list}: the teams and their members. */
@Command(
    scope = "crm",
    name = "team-list",
    description = "Lists the teams whose members see each other's records.")
@Service
public class TeamListCommand implements Action {
  @Reference TeamService teams;

  @Override
  public Object execute() {
    print(teams.teams(ShellActors.current()), System.out);
    return null;
  }

  static void print(List<Team> teams, PrintStream out) {
    ShellTable table = new ShellTable();
    table.column("ID");
    table.column("Name");
    table.column("Members");
    for (Team t : teams) {
      table.addRow().addContent(t.id(), t.name(), String.join(", ", t.members()));
    }
    table.print(out);
  }
}
