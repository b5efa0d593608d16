package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.List;
import org.loopcrm.crm.api.servicecase.CaseEvent;
import org.loopcrm.crm.api.servicecase.ServiceCase;

/** How the case commands print cases and their threads. */
final class CaseOutput {
  private CaseOutput() {}

  static void list(List<ServiceCase> cases, PrintStream out) {
    if (cases.isEmpty()) {
      out.println("no cases");
      return;
    }
    out.printf(
        "%-11s %-36s %-19s %-7s %-16s %s%n", "NUMBER", "ID", "STATUS", "PRIO", "OWNER", "SUBJECT");
    for (ServiceCase c : cases) {
      out.printf(
          "%-11s %-36s %-19s %-7s %-16s %s%n",
          c.number(), c.id(), c.status(), c.priority(), c.owner(), c.subject());
    }
  }

  static void show(ServiceCase c, List<CaseEvent> thread, PrintStream out) {
    out.println("case:      " + c.number() + "  " + c.subject());
    out.println("id:        " + c.id() + "  (version " + c.version() + ")");
    out.println("status:    " + c.status());
    out.println("priority:  " + c.priority() + ", via " + c.channel());
    out.println("owner:     " + c.owner());
    out.println(
        "account:   "
            + c.accountId()
            + (c.contactId() == null ? "" : ", contact " + c.contactId()));
    if (c.category() != null || c.productCode() != null) {
      out.println(
          "about:     "
              + (c.category() == null ? "" : c.category())
              + (c.productCode() == null ? "" : " (product " + c.productCode() + ")"));
    }
    out.println(
        "response:  "
            + (c.firstResponseAt() != null
                ? "first at " + c.firstResponseAt()
                : c.responseDueAt() == null ? "none yet" : "due by " + c.responseDueAt()));
    if (c.description() != null) {
      out.println("           " + c.description());
    }
    for (CaseEvent e : thread) {
      String what =
          switch (e.kind()) {
            case CREATED -> "opened";
            case STATUS_CHANGED -> e.from() + " -> " + e.to();
            case REPLY -> "reply";
            case NOTE -> "note";
          };
      out.println(
          "  "
              + e.at()
              + "  "
              + e.user()
              + "  "
              + what
              + (e.body() == null ? "" : ": " + e.body()));
    }
  }
}
