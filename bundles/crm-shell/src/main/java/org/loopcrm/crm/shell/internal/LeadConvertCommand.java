package org.loopcrm.crm.shell.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.lead.Conversion;
import org.loopcrm.crm.api.lead.Lead;
import org.loopcrm.crm.api.lead.LeadService;

/** {@code crm:lead-convert}: converts a lead, or lists what it could be merged into. */
@Command(
    scope = "crm",
    name = "lead-convert",
    description =
        "Converts a lead into account + contact (+ opportunity); --candidates lists existing"
            + " accounts and contacts to merge into with --account/--contact.")
@Service
public class LeadConvertCommand implements Action {
  @Reference LeadService leads;

  @Argument(index = 0, name = "id", required = true, description = "The lead's id")
  String id;

  @Option(name = "--candidates", description = "Only list merge candidates")
  boolean candidates;

  @Option(name = "--account", description = "Merge into this account")
  String account;

  @Option(name = "--contact", description = "Use this contact of the account")
  String contact;

  @Option(name = "--opportunity", description = "Create an opportunity of this name")
  String opportunity;

  @Option(name = "--amount", description = "The opportunity's amount")
  String amount;

  @Option(name = "--close", description = "The opportunity's close date, YYYY-MM-DD")
  String close;

  @Override
  public Object execute() {
    try {
      Actor actor = ShellActors.current();
      var leadId = ShellIds.parse("lead", id);
      if (candidates) {
        var list = leads.conversionCandidates(actor, leadId);
        if (list.isEmpty()) {
          System.out.println("no existing account or contact looks like this lead");
        }
        list.forEach(
            c ->
                System.out.println(
                    c.kind()
                        + " "
                        + c.id()
                        + " "
                        + c.name()
                        + " ("
                        + c.reason()
                        + ")"
                        + (c.kind().equals("CONTACT") ? " of account " + c.accountId() : "")));
        return null;
      }
      Lead l = leads.get(actor, leadId);
      Conversion.OpportunityRequest opp = null;
      if (opportunity != null) {
        try {
          opp =
              new Conversion.OpportunityRequest(
                  opportunity,
                  amount == null ? null : new BigDecimal(amount),
                  close == null ? null : LocalDate.parse(close));
        } catch (NumberFormatException | DateTimeParseException e) {
          throw new IllegalArgumentException(
              "--amount must be a number, --close a YYYY-MM-DD date");
        }
      }
      Conversion c =
          new Conversion(
              account == null ? null : ShellIds.parse("account", account),
              contact == null ? null : ShellIds.parse("contact", contact),
              opp);
      LeadOutput.conversion(leads.convert(actor, leadId, l.version(), c), System.out);
    } catch (RuntimeException e) {
      AssignmentOutput.error(e, System.err);
    }
    return null;
  }
}
