package org.loopcrm.crm.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.lifecycle.LifecycleService;
import org.loopcrm.crm.api.lifecycle.LifecycleService.Sweep;

/** {@code crm:lifecycle-evaluate}: applies the lifecycle rules now, to one account or to all. */
@Command(
    scope = "crm",
    name = "lifecycle-evaluate",
    description =
        "Applies the lifecycle rules now: to one account, or without an id to every account with"
            + " purchases (crm-admin).")
@Service
public class LifecycleEvaluateCommand implements Action {
  static final int BATCH = 500;

  @Reference LifecycleService lifecycle;

  @Argument(index = 0, name = "accountId", description = "The account's id; none for all")
  @Completion(AccountIdCompleter.class)
  String accountId;

  @Override
  public Object execute() {
    Actor actor = ShellActors.current();
    if (accountId != null) {
      System.out.println(
          lifecycle
              .evaluate(actor, ShellIds.parse("account", accountId))
              .map(t -> "moved " + t.from() + " → " + t.to() + " by " + t.rule())
              .orElse("no rule moves it: the stage stays"));
      return null;
    }
    int examined = 0;
    int moved = 0;
    String after = null;
    Sweep s;
    do {
      s = lifecycle.evaluateAll(actor, after, BATCH);
      examined += s.examined();
      moved += s.moved();
      after = s.lastId();
    } while (s.examined() == BATCH);
    System.out.println(examined + " accounts with purchases examined, " + moved + " moved");
    return null;
  }
}
