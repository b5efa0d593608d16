package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.erp.ErpAccountService;
import org.loopcrm.crm.api.erp.SyncConflict;

/** {@code crm:erp-conflicts}: master-data conflicts between the ERP and the CRM, newest first. */
@Command(
    scope = "crm",
    name = "erp-conflicts",
    description = "Lists master-data conflicts between the ERP and the CRM (open ones by default).")
@Service
public class ErpConflictsCommand implements Action {
  @Reference ErpAccountService erp;

  @Option(name = "-a", aliases = "--all", description = "Resolved conflicts too")
  boolean all;

  @Option(name = "-l", aliases = "--limit", description = "Conflicts per page, 1 to 200")
  int limit = 20;

  @Option(name = "-c", aliases = "--cursor", description = "Cursor printed under the previous page")
  String cursor;

  @Override
  public Object execute() {
    print(erp.conflicts(ShellActors.current(), !all, limit, cursor), all, System.out);
    return null;
  }

  static void print(Page<SyncConflict> page, boolean all, PrintStream out) {
    if (page.items().isEmpty()) {
      out.println(all ? "no conflicts" : "no open conflicts");
    }
    for (SyncConflict c : page.items()) {
      print(c, out);
    }
    page.nextCursor()
        .ifPresent(
            c -> out.println("more: crm:erp-conflicts" + (all ? " --all" : "") + " --cursor " + c));
  }

  static void print(SyncConflict c, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%s  %-8s account %s  %s %s  detected %s%s%n",
        c.id(),
        c.status(),
        c.accountId(),
        c.erpSystem(),
        c.customerRef(),
        c.detectedAt(),
        c.resolvedBy() == null ? "" : "  by " + c.resolvedBy() + " at " + c.resolvedAt());
    for (String field : new TreeSet<>(c.erpValues().keySet())) {
      String crm = c.crmValues().get(field);
      out.printf(
          Locale.ROOT,
          "    %-6s CRM %s  ERP '%s'%n",
          field,
          crm == null ? "(none)" : "'" + crm + "'",
          c.erpValues().get(field));
    }
  }
}
