package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.integration.DeadLetter;
import org.loopcrm.crm.api.integration.DeadLetterQueue;
import org.loopcrm.crm.api.integration.ReplayKind;
import org.loopcrm.crm.api.integration.ReplayResult;
import org.loopcrm.crm.api.integration.RetryResult;
import org.loopcrm.crm.api.integration.RouteLag;
import org.loopcrm.crm.api.integration.RouteStatus;

/** Tables and lines of the route and dead-letter commands. */
final class IntegrationOutput {
  private static final int REASON_WIDTH = 60;

  private IntegrationOutput() {}

  static void routes(List<RouteStatus> routes, boolean errors, PrintStream out) {
    if (routes.isEmpty()) {
      out.println("no routes");
      return;
    }
    ShellTable t = new ShellTable();
    t.column("Route");
    t.column("Group");
    t.column("State");
    t.column("Done").alignRight();
    t.column("Failed").alignRight();
    t.column("In flight").alignRight();
    t.column("Last success");
    t.column("Last error");
    t.column("Lag");
    if (errors) {
      t.column("Error");
    }
    for (RouteStatus r : routes) {
      List<Object> cells = new ArrayList<>();
      cells.addAll(
          List.of(
              r.id(),
              text(r.group()),
              r.state(),
              r.exchangesCompleted(),
              r.exchangesFailed(),
              r.inflight(),
              time(r.lastSuccessAt()),
              time(r.lastErrorAt()),
              lag(r.lag())));
      if (errors) {
        cells.add(shorten(r.lastError()));
      }
      t.addRow().addContent(cells);
    }
    t.print(out);
  }

  static void queues(List<DeadLetterQueue> queues, PrintStream out) {
    ShellTable t = new ShellTable();
    t.column("Dead-letter queue");
    t.column("Messages").alignRight();
    t.column("Retried to");
    t.column("Routes");
    for (DeadLetterQueue q : queues) {
      t.addRow()
          .addContent(
              q.name(),
              q.messages() == null ? "?" : count(q.messages()),
              text(q.retryTo()),
              q.routes().isEmpty() ? "(broker)" : String.join(", ", q.routes()));
    }
    t.print(out);
  }

  static void deadLetters(String queue, List<DeadLetter> letters, PrintStream out) {
    if (letters.isEmpty()) {
      out.println(queue + " is empty");
      return;
    }
    ShellTable t = new ShellTable();
    t.column("Message id");
    t.column("First failed");
    t.column("Times").alignRight();
    t.column("Origin");
    t.column("Correlation id");
    t.column("Reason");
    for (DeadLetter d : letters) {
      t.addRow()
          .addContent(
              d.messageId(),
              time(d.failedAt()),
              d.deliveryCount(),
              text(d.originalQueue()),
              text(d.correlationId()),
              shorten(d.reason()));
    }
    t.print(out);
  }

  static void retried(RetryResult r, PrintStream out) {
    out.println(
        "Retried "
            + r.retried().size()
            + (r.retried().size() == 1 ? " message" : " messages")
            + " of "
            + r.queue()
            + "; "
            + (r.left() == null ? "unknown how many" : count(r.left()))
            + " left on it");
    for (String id : r.retried()) {
      out.println("  " + id);
    }
  }

  static void replayed(ReplayResult r, PrintStream out) {
    if (r.kind() == ReplayKind.REWIND_STREAMS) {
      out.println("Route " + r.routeId() + " reads again from:");
      for (var p : r.streams()) {
        out.println(
            "  "
                + p.erpSystem()
                + "/"
                + p.stream()
                + " at "
                + p.watermark().changedAt()
                + " (id "
                + p.watermark().lastId()
                + ")");
      }
    } else {
      out.print("Route " + r.routeId() + ": ");
      retried(r.retried(), out);
    }
  }

  static String lag(RouteLag lag) {
    if (lag == null) {
      return "";
    }
    if (lag.pendingMessages() != null) {
      return count(lag.pendingMessages()) + " queued";
    }
    if (lag.watermarkAge() != null) {
      return age(lag.watermarkAge()) + " old";
    }
    return "";
  }

  static String age(Duration d) {
    long s = d.getSeconds();
    if (s < 120) {
      return s + "s";
    }
    if (s < 7200) {
      return s / 60 + "m";
    }
    if (s < 172_800) {
      return s / 3600 + "h";
    }
    return s / 86_400 + "d";
  }

  private static String count(long n) {
    return n >= RouteLag.COUNT_LIMIT ? n + "+" : Long.toString(n);
  }

  private static String time(Instant at) {
    return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static String shorten(String s) {
    if (s == null) {
      return "";
    }
    return s.length() <= REASON_WIDTH ? s : s.substring(0, REASON_WIDTH - 3) + "...";
  }
}
