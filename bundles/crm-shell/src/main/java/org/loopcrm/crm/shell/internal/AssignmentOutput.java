package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loopcrm.crm.api.CrmException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.assignment.Assignee;
import org.loopcrm.crm.api.assignment.Assignment;
import org.loopcrm.crm.api.assignment.AssignmentRule;
import org.loopcrm.crm.api.assignment.Condition;
import org.loopcrm.crm.api.assignment.RecordKind;

/** How the assignment commands print rules, decisions and users. */
final class AssignmentOutput {
  private AssignmentOutput() {}

  static void rules(List<AssignmentRule> rules, PrintStream out) {
    if (rules.isEmpty()) {
      out.println("no assignment rules");
      return;
    }
    out.printf("%-12s %5s %-24s %-13s %-20s %s%n", "KIND", "POS", "NAME", "STRATEGY", "WHO", "IF");
    for (AssignmentRule r : rules) {
      String who =
          switch (r.strategy()) {
            case FIXED -> r.user();
            case SKILLS -> "skills " + String.join(",", r.skills().stream().sorted().toList());
            default -> "team " + r.teamId();
          };
      out.printf(
          "%-12s %5d %-24s %-13s %-20s %s%s%s%n",
          r.kind(),
          r.position(),
          r.name(),
          r.strategy(),
          who,
          conditions(r.conditions()),
          r.responseMinutes() == null
              ? ""
              : "  [respond in "
                  + r.responseMinutes()
                  + " min"
                  + (r.escalate() ? ", escalates" : "")
                  + "]",
          r.active() ? "" : "  (inactive)");
    }
  }

  static String conditions(List<Condition> cs) {
    if (cs.isEmpty()) {
      return "always";
    }
    return String.join(
        " and ",
        cs.stream().map(c -> c.attribute() + " " + c.operator() + " " + c.values()).toList());
  }

  static void assignment(Assignment a, PrintStream out) {
    out.println(
        (a.owner() == null ? "nobody" : a.owner())
            + (a.ruleName() == null ? "" : " by rule '" + a.ruleName() + "' (" + a.strategy() + ")")
            + (a.responseDueAt() == null ? "" : ", first response due " + a.responseDueAt()));
    for (String line : a.explanation()) {
      out.println("  - " + line);
    }
  }

  static void assignee(Assignee a, PrintStream out) {
    out.println("user:     " + a.user());
    out.println("capacity: " + (a.capacity() == null ? "no limit" : a.capacity()));
    out.println(
        "skills:   "
            + (a.skills().isEmpty()
                ? "-"
                : String.join(", ", a.skills().stream().sorted().toList())));
    if (a.absences().isEmpty()) {
      out.println("absences: none");
    }
    a.absences()
        .forEach(
            x ->
                out.println(
                    "absent:   "
                        + x.from()
                        + " .. "
                        + x.to()
                        + (x.reason() == null ? "" : "  " + x.reason())
                        + "  ("
                        + x.id()
                        + ")"));
  }

  /** {@code key=value} arguments as attributes; a word without '=' is an error. */
  static Map<String, String> attributes(List<String> args) {
    Map<String, String> m = new LinkedHashMap<>();
    if (args != null) {
      for (String a : args) {
        int eq = a.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("'" + a + "' is not key=value");
        }
        m.put(a.substring(0, eq), a.substring(eq + 1));
      }
    }
    return m;
  }

  static RecordKind kind(String text) {
    try {
      return RecordKind.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a kind of record: LEAD, OPPORTUNITY, CASE, TASK");
    }
  }

  /** A service's refusal as one readable line (and each field error on its own). */
  static void error(RuntimeException e, PrintStream err) {
    if (e instanceof ValidationException v) {
      err.println("Error: invalid input");
      v.errors().forEach(f -> err.println("  " + f.field() + ": " + f.message()));
    } else if (e instanceof CrmException || e instanceof IllegalArgumentException) {
      err.println("Error: " + e.getMessage());
    } else {
      throw e;
    }
  }
}
