package org.loopcrm.crm.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.party.ExternalRef;
import org.loopcrm.crm.api.party.PartyService;

/** {@code crm:ref-find <system> <id>}: the party another system knows by this id. */
@Command(
    scope = "crm",
    name = "ref-find",
    description = "Finds the party (account or contact) another system knows by an id.")
@Service
public class RefFindCommand implements Action {
  @Reference PartyService parties;

  @Argument(index = 0, name = "system", required = true, description = "The system, e.g. tryton")
  String system;

  @Argument(index = 1, name = "id", required = true, description = "The party's id there")
  String externalId;

  @Override
  public Object execute() {
    ExternalRef r = parties.findByExternalRef(ShellActors.current(), system, externalId);
    ShellTable t = new ShellTable().noHeaders();
    t.column("Field");
    t.column("Value");
    t.addRow().addContent("Reference", r.system() + " " + r.externalId());
    t.addRow().addContent("Party", r.partyId());
    t.addRow().addContent("Kind", r.contact() ? "contact" : "account");
    t.addRow().addContent("Account", r.accountId());
    t.print(System.out);
    return null;
  }
}
