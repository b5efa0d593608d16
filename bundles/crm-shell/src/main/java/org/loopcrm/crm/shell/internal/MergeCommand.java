package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.merge.Merge;
import org.loopcrm.crm.api.merge.MergeParty;
import org.loopcrm.crm.api.merge.MergeRequest;
import org.loopcrm.crm.api.merge.MergeService;
import org.loopcrm.crm.api.merge.PartyKind;

/**
 * {@code crm:merge [-c] [-f field=partyId]... <survivor> <loser>...}: merges accounts (or, with
 * {@code -c}, contacts given as {@code accountId/contactId}) at the versions just read, and prints
 * the merge with its id for {@code crm:merge-undo}.
 */
@Command(
    scope = "crm",
    name = "merge",
    description = "Merges duplicate accounts (or contacts) into the first one named.")
@Service
public class MergeCommand implements Action {
  @Reference MergeService merges;
  @Reference AccountService accounts;

  @Option(
      name = "-c",
      aliases = "--contacts",
      description = "Merge contacts, each given as accountId/contactId")
  boolean contacts;

  @Option(
      name = "-f",
      aliases = "--field",
      multiValued = true,
      description = "field=partyId: the party whose value of the field survives (repeatable)")
  List<String> fields;

  @Argument(
      index = 0,
      name = "parties",
      required = true,
      multiValued = true,
      description = "The survivor, then the parties merged into it")
  @Completion(AccountIdCompleter.class)
  List<String> parties;

  @Override
  public Object execute() {
    Actor actor = ShellActors.current();
    if (parties.size() < 2) {
      throw new ValidationException(
          List.of(new FieldError("parties", "name the survivor and at least one party to merge")));
    }
    List<MergeParty> read = new ArrayList<>();
    for (String p : parties) {
      read.add(contacts ? contact(actor, p) : account(actor, p));
    }
    Map<String, UUID> sources = new LinkedHashMap<>();
    if (fields != null) {
      for (String f : fields) {
        int eq = f.indexOf('=');
        if (eq < 1) {
          throw new ValidationException(List.of(new FieldError("field", "use field=partyId")));
        }
        String id = f.substring(eq + 1);
        sources.put(
            f.substring(0, eq),
            ShellIds.parse("party", id.contains("/") ? id.substring(id.indexOf('/') + 1) : id));
      }
    }
    Merge m =
        merges.merge(
            actor,
            new MergeRequest(
                contacts ? PartyKind.CONTACT : PartyKind.ACCOUNT,
                read.get(0),
                read.subList(1, read.size()),
                sources));
    print(m, System.out);
    return null;
  }

  private MergeParty account(Actor actor, String id) {
    UUID uuid = ShellIds.parse("account", id);
    return new MergeParty(uuid, accounts.get(actor, uuid).version());
  }

  private MergeParty contact(Actor actor, String pair) {
    int slash = pair.indexOf('/');
    if (slash < 0) {
      throw new ValidationException(
          List.of(new FieldError("parties", "give contacts as accountId/contactId: " + pair)));
    }
    UUID account = ShellIds.parse("account", pair.substring(0, slash));
    UUID contact = ShellIds.parse("contact", pair.substring(slash + 1));
    return new MergeParty(contact, accounts.contact(actor, account, contact).version());
  }

  static void print(Merge m, PrintStream out) {
    out.println("Merge     " + m.id() + " (" + m.status() + ")");
    out.println("Kind      " + m.kind());
    out.println("Survivor  " + m.survivorId());
    out.println("Merged    " + m.loserIds());
    out.println("Fields    " + m.fieldSources());
    out.println("Moved     " + m.moved());
    out.println("By        " + m.mergedBy() + " at " + m.mergedAt());
    if (m.undoneAt() != null) {
      out.println("Undone    by " + m.undoneBy() + " at " + m.undoneAt());
    }
    for (String n : m.notes()) {
      out.println("  - " + n);
    }
  }
}
