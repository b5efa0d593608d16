package org.loopcrm.crm.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.lead.LeadQuery;
import org.loopcrm.crm.api.lead.LeadService;
import org.loopcrm.crm.api.lead.LeadStatus;

/** {@code crm:lead-list}: leads, newest first. */
@Command(scope = "crm", name = "lead-list", description = "Lists leads, newest first.")
@Service
public class LeadListCommand implements Action {
  @Reference LeadService leads;

  @Option(name = "--status", description = "NEW, WORKING, QUALIFIED, CONVERTED, DISQUALIFIED")
  String status;

  @Option(name = "--owner", description = "Only this owner's leads")
  String owner;

  @Option(name = "--text", description = "A part of the name, company or e-mail")
  String text;

  @Option(name = "--limit", description = "How many (1..200)")
  int limit = 50;

  @Override
  public Object execute() {
    try {
      LeadStatus s = null;
      if (status != null) {
        try {
          s = LeadStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "'" + status + "' is not a status: NEW, WORKING, QUALIFIED, CONVERTED, DISQUALIFIED");
        }
      }
      LeadOutput.list(
          leads
              .list(ShellActors.current(), new LeadQuery(s, owner, null, text, limit, null))
              .items(),
          System.out);
    } catch (RuntimeException e) {
      AssignmentOutput.error(e, System.err);
    }
    return null;
  }
}
