package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.dedupe.ClusterMember;
import org.loopcrm.crm.api.dedupe.ClusterStatus;
import org.loopcrm.crm.api.dedupe.DuplicateCluster;
import org.loopcrm.crm.api.dedupe.DuplicateService;

/** {@code crm:duplicate-list}: the stored duplicate clusters with their members. */
@Command(
    scope = "crm",
    name = "duplicate-list",
    description = "Lists duplicate clusters found by scans, best score first.")
@Service
public class DuplicateListCommand implements Action {
  @Reference DuplicateService duplicates;

  @Option(name = "--status", description = "OPEN (default), DISMISSED, MERGED or ALL")
  String status = "OPEN";

  @Option(name = "--limit", description = "At most this many clusters (default 50)")
  int limit = 50;

  @Override
  public Object execute() {
    String s = status.toUpperCase(Locale.ROOT);
    ClusterStatus st;
    try {
      st = "ALL".equals(s) ? null : ClusterStatus.valueOf(s);
    } catch (IllegalArgumentException e) {
      System.out.println("--status must be one of OPEN, DISMISSED, MERGED, ALL");
      return null;
    }
    print(duplicates.clusters(ShellActors.current(), st, limit), System.out);
    return null;
  }

  static void print(List<DuplicateCluster> clusters, PrintStream out) {
    if (clusters.isEmpty()) {
      out.println("no duplicate clusters");
      return;
    }
    for (DuplicateCluster c : clusters) {
      out.printf(
          Locale.ROOT,
          "%s  %-7s %-9s score %.4f  %d members%n",
          c.id(),
          c.kind(),
          c.status(),
          c.score(),
          c.members().size());
      for (ClusterMember m : c.members()) {
        out.printf(
            Locale.ROOT,
            "    %s  %.4f %-6s %s%s%n",
            m.id(),
            m.score(),
            m.rule(),
            m.name(),
            m.id().equals(m.accountId()) ? "" : "  (account " + m.accountId() + ")");
      }
    }
  }
}
