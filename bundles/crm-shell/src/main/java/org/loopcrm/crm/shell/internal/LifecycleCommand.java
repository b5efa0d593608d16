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
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.lifecycle.LifecycleService;
import org.loopcrm.crm.api.lifecycle.PurchaseFacts;
import org.loopcrm.crm.api.lifecycle.StageTransition;

/** {@code crm:lifecycle}: an account's stage, its purchase facts and its stage transitions. */
@Command(
    scope = "crm",
    name = "lifecycle",
    description = "Shows an account's lifecycle stage, purchase facts and stage transitions.")
@Service
public class LifecycleCommand implements Action {
  @Reference LifecycleService lifecycle;
  @Reference AccountService accounts;

  @Argument(index = 0, name = "accountId", required = true, description = "The account's id")
  @Completion(AccountIdCompleter.class)
  String accountId;

  @Option(name = "-l", aliases = "--limit", description = "Transitions per page, 1 to 200")
  int limit = 20;

  @Option(name = "-c", aliases = "--cursor", description = "Cursor printed under the previous page")
  String cursor;

  @Override
  public Object execute() {
    Actor actor = ShellActors.current();
    UUID id = ShellIds.parse("account", accountId);
    PurchaseFacts facts = lifecycle.facts(actor, id);
    System.out.println("Stage: " + accounts.get(actor, id).stage());
    System.out.println(describe(facts));
    print(accountId, lifecycle.history(actor, id, limit, cursor), System.out);
    return null;
  }

  static String describe(PurchaseFacts f) {
    return "Purchases: "
        + f.purchases()
        + " ("
        + f.purchasesInWindow()
        + " in the last "
        + f.windowDays()
        + " days)"
        + (f.lastPurchaseAt() == null
            ? ""
            : ", last " + f.lastPurchaseAt() + " (" + f.daysSinceLastPurchase() + " days ago)");
  }

  static void print(String accountId, Page<StageTransition> page, PrintStream out) {
    ShellTable table = new ShellTable();
    table.column("When");
    table.column("From");
    table.column("To");
    table.column("Cause");
    table.column("By");
    table.column("Rule and facts").maxSize(70);
    for (StageTransition t : page.items()) {
      table
          .addRow()
          .addContent(
              t.at(),
              t.from() == null ? "" : t.from(),
              t.to(),
              t.cause(),
              t.user(),
              t.rule() == null ? "" : t.rule() + " (" + t.facts() + ")");
    }
    table.print(out);
    page.nextCursor()
        .ifPresent(c -> out.println("more: crm:lifecycle " + accountId + " --cursor " + c));
  }
}
