package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.dedupe.DuplicateScan;
import org.loopcrm.crm.api.dedupe.DuplicateService;
import org.loopcrm.crm.api.dedupe.ScanStatus;

/**
 * {@code crm:duplicate-scan}: starts a scan of all accounts and contacts for duplicates and, unless
 * told not to, waits for it, printing its progress, then its figures.
 */
@Command(
    scope = "crm",
    name = "duplicate-scan",
    description = "Scans all accounts and contacts for duplicates and waits for the result.")
@Service
public class DuplicateScanCommand implements Action {
  private static final long POLL_MILLIS = 500;

  @Reference DuplicateService duplicates;

  @Option(name = "--no-wait", description = "Start the scan and return at once")
  boolean noWait;

  @Option(name = "--timeout", description = "Seconds to wait at most (default 3600)")
  int timeoutSeconds = 3600;

  @Override
  public Object execute() throws InterruptedException {
    Actor actor = ShellActors.current();
    DuplicateScan scan = duplicates.startScan(actor);
    System.out.println("scan " + scan.id() + " started");
    long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
    long waited = 0;
    while (!noWait && scan.status() == ScanStatus.RUNNING) {
      if (System.currentTimeMillis() > deadline) {
        System.out.println("still running after " + timeoutSeconds + " s; see crm:duplicate-list");
        return null;
      }
      // A shell command polling a background job, not a test: a plain pause is right here.
      Thread.sleep(POLL_MILLIS);
      waited += POLL_MILLIS;
      if (waited % 5000 == 0) {
        System.out.println("  running for " + waited / 1000 + " s ...");
      }
      scan = duplicates.scan(actor, scan.id());
    }
    print(scan, System.out);
    return null;
  }

  static void print(DuplicateScan s, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "scan %s %s: %d records, %d comparisons, %d open clusters%s%n",
        s.id(),
        s.status(),
        s.records(),
        s.comparisons(),
        s.clusters(),
        s.error() == null ? "" : " (" + s.error() + ")");
  }
}
