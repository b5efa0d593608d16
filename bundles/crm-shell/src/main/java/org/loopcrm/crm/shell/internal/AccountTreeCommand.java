package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.UUID;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.relationship.Hierarchy;
import org.loopcrm.crm.api.relationship.HierarchyNode;
import org.loopcrm.crm.api.relationship.RelationshipService;
import org.loopcrm.crm.api.relationship.RollUp;

/** {@code crm:account-tree}: an account's place in the hierarchy, with the subtree's totals. */
@Command(
    scope = "crm",
    name = "account-tree",
    description = "Shows an account's ancestors, its subsidiaries as a tree, and their totals.")
@Service
public class AccountTreeCommand implements Action {
  @Reference RelationshipService relationships;

  @Argument(index = 0, name = "id", required = true, description = "The account id")
  @Completion(AccountIdCompleter.class)
  String id;

  @Option(name = "-d", aliases = "--depth", description = "Levels of subsidiaries, 1 to 32")
  int depth = 3;

  @Override
  public Object execute() {
    Actor actor = ShellActors.current();
    UUID account;
    try {
      account = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("account", id);
    }
    print(
        relationships.hierarchy(actor, account, depth),
        relationships.rollUp(actor, account),
        System.out);
    return null;
  }

  static void print(Hierarchy h, RollUp r, PrintStream out) {
    for (int i = h.ancestors().size() - 1; i >= 0; i--) {
      HierarchyNode a = h.ancestors().get(i);
      out.println(
          "  ".repeat(h.ancestors().size() - 1 - i) + a.name() + "  (" + a.accountId() + ")");
    }
    if (h.ancestorsHidden()) {
      out.println("(ancestors you may not see)");
    }
    String indent = "  ".repeat(h.ancestors().size());
    out.println(indent + "* " + h.accountId());
    for (HierarchyNode d : h.descendants()) {
      out.println(
          indent
              + "  ".repeat(d.depth())
              + d.name()
              + "  ("
              + d.accountId()
              + (d.status().name().equals("ARCHIVED") ? ", archived" : "")
              + ")");
    }
    if (h.descendantsHidden() > 0) {
      out.println(h.descendantsHidden() + " subsidiaries you may not see are left out");
    }
    out.println(
        "Totals: "
            + r.accounts()
            + " accounts ("
            + r.activeAccounts()
            + " active), "
            + r.contacts()
            + " contacts"
            + (r.receivablesOpen() == null
                ? ""
                : ", open receivables "
                    + (r.receivablesOpen().isEmpty() ? "none" : r.receivablesOpen().toString())
                    + ", "
                    + r.invoiceCount()
                    + " invoices"));
  }
}
