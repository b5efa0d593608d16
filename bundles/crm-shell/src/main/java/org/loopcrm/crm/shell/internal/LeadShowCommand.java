package org.loopcrm.crm.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.lead.LeadService;

/** {@code crm:lead-show}: one lead with its consent, duplicates and conversion. */
@Command(scope = "crm", name = "lead-show", description = "Shows one lead.")
@Service
public class LeadShowCommand implements Action {
  @Reference LeadService leads;

  @Argument(index = 0, name = "id", required = true, description = "The lead's id")
  String id;

  @Override
  public Object execute() {
    try {
      LeadOutput.show(leads.get(ShellActors.current(), ShellIds.parse("lead", id)), System.out);
    } catch (RuntimeException e) {
      AssignmentOutput.error(e, System.err);
    }
    return null;
  }
}
