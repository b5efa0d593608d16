package org.loopcrm.crm.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.party.PartyKey;
import org.loopcrm.crm.api.party.PartyService;

/** {@code crm:tag-remove <accountId> <tag>}: prints the account's tags afterwards. */
@Command(scope = "crm", name = "tag-remove", description = "Removes a tag from an account.")
@Service
public class TagRemoveCommand implements Action {
  @Reference PartyService parties;

  @Argument(index = 0, name = "accountId", required = true, description = "The account's id")
  @Completion(AccountIdCompleter.class)
  String accountId;

  @Argument(index = 1, name = "tag", required = true, description = "The tag (case-insensitive)")
  String tag;

  @Override
  public Object execute() {
    PartyKey key = PartyKey.account(ShellIds.parse("account", accountId));
    System.out.println(String.join(" ", parties.removeTag(ShellActors.current(), key, tag)));
    return null;
  }
}
