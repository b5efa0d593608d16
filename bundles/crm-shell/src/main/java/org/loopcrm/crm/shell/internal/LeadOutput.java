package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.List;
import org.loopcrm.crm.api.lead.Conversion;
import org.loopcrm.crm.api.lead.Lead;
import org.loopcrm.crm.api.lead.LeadDraft;
import org.loopcrm.crm.api.lead.LeadScore;

/** How the lead commands print leads, scores and conversions. */
final class LeadOutput {
  private LeadOutput() {}

  static String name(LeadDraft d) {
    String person =
        ((d.firstName() == null ? "" : d.firstName() + " ")
                + (d.lastName() == null ? "" : d.lastName()))
            .strip();
    if (person.isEmpty()) {
      return d.company();
    }
    return d.company() == null ? person : person + " (" + d.company() + ")";
  }

  static void list(List<Lead> leads, PrintStream out) {
    if (leads.isEmpty()) {
      out.println("no leads");
      return;
    }
    out.printf(
        "%-36s %-12s %5s %-16s %-8s %s%n", "ID", "STATUS", "SCORE", "OWNER", "SOURCE", "NAME");
    for (Lead l : leads) {
      out.printf(
          "%-36s %-12s %5d %-16s %-8s %s%s%n",
          l.id(),
          l.status(),
          l.score(),
          l.draft().owner(),
          l.draft().source(),
          name(l.draft()),
          l.duplicates().isEmpty() ? "" : "  [" + l.duplicates().size() + " possible duplicates]");
    }
  }

  static void show(Lead l, PrintStream out) {
    LeadDraft d = l.draft();
    out.println("lead:      " + l.id() + "  " + name(d));
    out.println(
        "status:    "
            + l.status()
            + (l.disqualifiedReason() == null ? "" : " (" + l.disqualifiedReason() + ")"));
    out.println("owner:     " + d.owner());
    out.println("score:     " + l.score());
    out.println("e-mail:    " + (d.email() == null ? "-" : d.email()));
    out.println("phone:     " + (d.phone() == null ? "-" : d.phone()));
    out.println(
        "where:     "
            + String.join(
                " ",
                java.util.stream.Stream.of(d.country(), d.region(), d.postcode())
                    .filter(java.util.Objects::nonNull)
                    .toList()));
    out.println(
        "company:   "
            + (d.industry() == null ? "" : d.industry() + ", ")
            + (d.employees() == null ? "" : d.employees() + " employees"));
    out.println(
        "source:    " + d.source() + (d.campaign() == null ? "" : ", campaign " + d.campaign()));
    if (d.consent() != null) {
      out.println(
          "consent:   "
              + d.consent().purpose()
              + " (text "
              + d.consent().textVersion()
              + ") at "
              + d.consent().givenAt()
              + (d.consent().ip() == null ? "" : " from " + d.consent().ip()));
    }
    l.duplicates()
        .forEach(
            x ->
                out.println(
                    "duplicate? " + x.kind() + " " + x.id() + " " + x.name() + ": " + x.reason()));
    if (l.accountId() != null) {
      out.println(
          "converted: account "
              + l.accountId()
              + ", contact "
              + l.contactId()
              + (l.opportunityId() == null ? "" : ", opportunity " + l.opportunityId())
              + " at "
              + l.convertedAt());
    }
  }

  static void score(LeadScore s, PrintStream out) {
    out.println("score " + s.total() + " at " + s.computedAt());
    if (s.contributions().isEmpty()) {
      out.println("  no rule contributes");
    }
    s.contributions()
        .forEach(
            c ->
                out.println(
                    "  " + c.points().toPlainString() + "  " + c.rule() + ": " + c.detail()));
  }

  static void conversion(Conversion.Result r, PrintStream out) {
    out.println(
        "converted "
            + r.lead().id()
            + ": account "
            + r.accountId()
            + (r.accountCreated() ? " (new)" : " (existing)")
            + ", contact "
            + r.contactId()
            + (r.contactCreated() ? " (new)" : " (existing)")
            + (r.opportunityId() == null ? "" : ", opportunity " + r.opportunityId()));
  }
}
