package org.loopcrm.crm.shell.internal;

import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.servicecase.CasePriority;
import org.loopcrm.crm.api.servicecase.CaseQuery;
import org.loopcrm.crm.api.servicecase.CaseService;
import org.loopcrm.crm.api.servicecase.CaseStatus;

/** {@code crm:case-list}: service cases, newest first. */
@Command(scope = "crm", name = "case-list", description = "Lists service cases, newest first.")
@Service
public class CaseListCommand implements Action {
  @Reference CaseService cases;

  @Option(name = "--status", description = "NEW, OPEN, WAITING_ON_CUSTOMER, RESOLVED, CLOSED")
  String status;

  @Option(name = "--owner", description = "Only this owner's cases")
  String owner;

  @Option(name = "--account", description = "Only this account's cases (its id)")
  String account;

  @Option(name = "--priority", description = "LOW, NORMAL, HIGH, URGENT")
  String priority;

  @Option(name = "--limit", description = "How many (1..200)")
  int limit = 50;

  @Override
  public Object execute() {
    try {
      CaseQuery q =
          new CaseQuery(
              parse(CaseStatus.class, "status", status),
              owner,
              account == null ? null : ShellIds.parse("account", account),
              parse(CasePriority.class, "priority", priority),
              limit,
              null);
      CaseOutput.list(cases.list(ShellActors.current(), q).items(), System.out);
    } catch (RuntimeException e) {
      AssignmentOutput.error(e, System.err);
    }
    return null;
  }

  static <E extends Enum<E>> E parse(Class<E> type, String what, String text) {
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      StringBuilder names = new StringBuilder();
      for (E v : type.getEnumConstants()) {
        names.append(names.length() == 0 ? "" : ", ").append(v.name());
      }
      throw new IllegalArgumentException("'" + text + "' is not a " + what + ": " + names);
    }
  }
}
