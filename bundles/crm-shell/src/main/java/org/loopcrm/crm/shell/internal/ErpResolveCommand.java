package org.loopcrm.crm.shell.internal;

import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.erp.ErpAccountService;
import org.loopcrm.crm.api.erp.SyncConflict;

/**
 * {@code crm:erp-resolve <id> took-erp|kept-crm}: resolves an open conflict, applying the ERP's
 * values or keeping the CRM's (which are then written back to the ERP).
 */
@Command(
    scope = "crm",
    name = "erp-resolve",
    description =
        "Resolves an open ERP conflict: took-erp applies the ERP's values, kept-crm keeps"
            + " the CRM's.")
@Service
public class ErpResolveCommand implements Action {
  @Reference ErpAccountService erp;

  @Argument(index = 0, name = "id", required = true, description = "The conflict's id")
  String id;

  @Argument(index = 1, name = "resolution", required = true, description = "took-erp or kept-crm")
  String resolution;

  @Override
  public Object execute() {
    SyncConflict.Status status = resolution(resolution);
    if (status == null) {
      System.out.println("resolution must be took-erp or kept-crm");
      return null;
    }
    ErpConflictsCommand.print(
        erp.resolve(ShellActors.current(), ShellIds.parse("sync conflict", id), status),
        System.out);
    return null;
  }

  /** {@code took-erp} or {@code kept-crm} in any case, with - or _; null for anything else. */
  static SyncConflict.Status resolution(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "took-erp" -> SyncConflict.Status.TOOK_ERP;
      case "kept-crm" -> SyncConflict.Status.KEPT_CRM;
      default -> null;
    };
  }
}
