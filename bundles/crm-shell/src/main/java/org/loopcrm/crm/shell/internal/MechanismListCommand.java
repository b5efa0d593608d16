package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.party.ContactMechanism;
import org.loopcrm.crm.api.party.PartyKey;
import org.loopcrm.crm.api.party.PartyService;
import org.loopcrm.crm.api.party.PostalAddress;

/** {@code crm:mechanism-list <accountId> [contactId]}: an account's or contact's mechanisms. */
@Command(
    scope = "crm",
    name = "mechanism-list",
    description = "Lists the contact mechanisms of an account, or of one of its contacts.")
@Service
public class MechanismListCommand implements Action {
  @Reference PartyService parties;

  @Argument(index = 0, name = "accountId", required = true, description = "The account's id")
  @Completion(AccountIdCompleter.class)
  String accountId;

  @Argument(index = 1, name = "contactId", description = "A contact's id (else the account's)")
  String contactId;

  @Override
  public Object execute() {
    PartyKey key =
        contactId == null
            ? PartyKey.account(ShellIds.parse("account", accountId))
            : PartyKey.contact(
                ShellIds.parse("account", accountId), ShellIds.parse("contact", contactId));
    print(parties.mechanisms(ShellActors.current(), key), System.out);
    return null;
  }

  static void print(List<ContactMechanism> mechanisms, PrintStream out) {
    ShellTable table = new ShellTable();
    table.column("ID");
    table.column("Kind");
    table.column("Value");
    table.column("Purposes");
    table.column("Valid");
    table.column("Consents");
    for (ContactMechanism m : mechanisms) {
      table
          .addRow()
          .addContent(
              m.id(),
              m.kind(),
              value(m),
              m.purposes().stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
              (m.validFrom() == null ? "" : m.validFrom())
                  + ".."
                  + (m.validThru() == null ? "" : m.validThru()),
              m.consents().stream()
                  .map(c -> c.purpose() + "/" + c.channel() + "=" + c.status())
                  .collect(Collectors.joining(" ")));
    }
    table.print(out);
  }

  static String value(ContactMechanism m) {
    PostalAddress a = m.address();
    if (a != null) {
      return String.join(
          ", ",
          List.of(
                  a.street(),
                  (a.postalCode() == null ? "" : a.postalCode() + " ") + a.city(),
                  a.region() == null ? "" : a.region(),
                  a.country())
              .stream()
              .filter(s -> !s.isBlank())
              .toList());
    }
    return m.network() == null ? m.value() : m.network() + ":" + m.value();
  }
}
