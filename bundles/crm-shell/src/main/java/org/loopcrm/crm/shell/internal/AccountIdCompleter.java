package org.loopcrm.crm.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.account.AccountService;

/** Completes account ids, most recent first, up to 200 of them. */
@Service
public class AccountIdCompleter implements Completer {
  @Reference AccountService accounts;

  @Override
  public int complete(Session session, CommandLine commandLine, List<String> candidates) {
    StringsCompleter ids = new StringsCompleter();
    try {
      for (Account a :
          accounts
              .list(
                  ShellActors.current(),
                  new AccountQuery(
                      null,
                      null,
                      true,
                      org.loopcrm.crm.api.account.AccountSort.CREATED_DESC,
                      200,
                      null))
              .items()) {
        ids.getStrings().add(a.id().toString());
      }
    } catch (AccessDeniedException e) {
      return -1;
    }
    return ids.complete(session, commandLine, candidates);
  }
}
