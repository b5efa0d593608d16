package org.loopcrm.crm.shell.internal;

import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.party.PartyFilter;
import org.loopcrm.crm.api.party.PartyService;
import org.loopcrm.crm.api.party.RoleType;

/** {@code crm:party-accounts --role customer --tag vip}: accounts by role and/or tag. */
@Command(
    scope = "crm",
    name = "party-accounts",
    description = "Lists the active accounts in a role (today) and/or with a tag.")
@Service
public class PartyAccountsCommand implements Action {
  @Reference PartyService parties;

  @Option(name = "--role", description = "customer, prospect, partner, competitor or supplier")
  String role;

  @Option(name = "--tag", description = "A tag")
  String tag;

  @Option(name = "--limit", description = "At most this many (1-200)")
  int limit = 50;

  @Override
  public Object execute() {
    RoleType type = null;
    if (role != null) {
      try {
        type = RoleType.valueOf(role.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ValidationException(
            java.util.List.of(
                new FieldError(
                    "role", "must be one of customer, prospect, partner, competitor, supplier")));
      }
    }
    ShellTable table = new ShellTable();
    table.column("ID");
    table.column("Name");
    table.column("Owner");
    table.column("Stage");
    for (Account a :
        parties
            .accounts(ShellActors.current(), new PartyFilter(type, tag, null, limit, null))
            .items()) {
      table.addRow().addContent(a.id(), a.name(), a.owner(), a.stage());
    }
    table.print(System.out);
    return null;
  }
}
