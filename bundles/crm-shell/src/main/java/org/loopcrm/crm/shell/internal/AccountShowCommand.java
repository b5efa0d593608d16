package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.UUID;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.account.Contact;

/** {@code crm:account-show <id>}: one account with its contacts. */
@Command(scope = "crm", name = "account-show", description = "Shows an account and its contacts.")
@Service
public class AccountShowCommand implements Action {
  @Reference AccountService accounts;

  @Argument(index = 0, name = "id", required = true, description = "The account's id")
  @Completion(AccountIdCompleter.class)
  String id;

  @Override
  public Object execute() {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("account", id);
    }
    Actor actor = ShellActors.current();
    Account a = accounts.get(actor, uuid);
    print(a, accounts.contacts(actor, uuid), System.out);
    return null;
  }

  static void print(Account a, List<Contact> contacts, PrintStream out) {
    ShellTable fields = new ShellTable().noHeaders();
    fields.column("Field");
    fields.column("Value");
    fields.addRow().addContent("ID", a.id());
    fields.addRow().addContent("Name", a.name());
    fields.addRow().addContent("ERP ref", a.erpRef() == null ? "" : a.erpRef());
    fields.addRow().addContent("Tax id", a.taxId() == null ? "" : a.taxId());
    fields.addRow().addContent("Owner", a.owner());
    fields.addRow().addContent("Stage", a.stage());
    fields.addRow().addContent("Status", a.status());
    fields.addRow().addContent("Receivables", Format.money(a));
    fields
        .addRow()
        .addContent(
            "Invoices", a.receivables() == null ? "(hidden)" : a.receivables().invoiceCount());
    fields.addRow().addContent("Version", a.version());
    fields.addRow().addContent("Created", a.createdAt());
    fields.addRow().addContent("Updated", a.updatedAt());
    a.customFields().forEach((k, v) -> fields.addRow().addContent("cf." + k, v));
    fields.print(out);
    out.println();
    ShellTable table = new ShellTable();
    table.column("Contact");
    table.column("Title");
    table.column("E-mail");
    table.column("Phone");
    for (Contact c : contacts) {
      String name = c.firstName() == null ? c.lastName() : c.firstName() + " " + c.lastName();
      table.addRow().addContent(name, orEmpty(c.title()), orEmpty(c.email()), orEmpty(c.phone()));
    }
    table.print(out);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
