package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.audit.AuditEntry;
import org.loopcrm.crm.api.privacy.ConsentDecision;
import org.loopcrm.crm.api.privacy.DataSubject;
import org.loopcrm.crm.api.privacy.ErasureRequest;
import org.loopcrm.crm.api.privacy.PrivacyService;
import org.loopcrm.crm.api.privacy.SubjectAccount;
import org.loopcrm.crm.api.privacy.SubjectExport;

/**
 * {@code crm:subject-export <subject>}: everything held on a data subject, as text (the JSON
 * document is {@code GET /crm/api/v1/privacy/subjects/{id}/export}).
 */
@Command(
    scope = "crm",
    name = "subject-export",
    description = "Shows everything the CRM holds on a data subject (GDPR); crm-admin.")
@Service
public class SubjectExportCommand implements Action {
  @Reference PrivacyService privacy;

  @Argument(index = 0, name = "subject", required = true, description = "The contact's id")
  String subject;

  @Override
  public Object execute() {
    print(privacy.export(ShellActors.current(), ErasureRequestCommand.uuid(subject)), System.out);
    return null;
  }

  static void print(SubjectExport x, PrintStream out) {
    DataSubject s = x.subject();
    ShellTable fields = new ShellTable().noHeaders();
    fields.column("Field");
    fields.column("Value");
    fields.addRow().addContent("ID", s.id());
    fields.addRow().addContent("First name", orEmpty(s.firstName()));
    fields.addRow().addContent("Last name", orEmpty(s.lastName()));
    fields.addRow().addContent("E-mail", orEmpty(s.email()));
    fields.addRow().addContent("Phone", orEmpty(s.phone()));
    fields.addRow().addContent("Created", s.createdAt());
    fields.addRow().addContent("Updated", s.updatedAt());
    fields.addRow().addContent("Erased", s.erasedAt() == null ? "" : s.erasedAt());
    fields.addRow().addContent("Exported", x.exportedAt() + " by " + x.exportedBy());
    fields.print(out);
    out.println();
    ShellTable accounts = new ShellTable();
    accounts.column("Account");
    accounts.column("Name");
    accounts.column("ERP ref");
    accounts.column("Title");
    for (SubjectAccount a : x.accounts()) {
      accounts
          .addRow()
          .addContent(a.accountId(), a.name(), orEmpty(a.erpRef()), orEmpty(a.title()));
    }
    accounts.print(out);
    out.println();
    ShellTable consents = new ShellTable();
    consents.column("Purpose");
    consents.column("Channel");
    consents.column("Status");
    consents.column("Source");
    consents.column("By");
    consents.column("At");
    for (ConsentDecision d : x.consentHistory()) {
      consents
          .addRow()
          .addContent(d.purpose(), d.channel(), d.status(), d.source(), d.recordedBy(), d.at());
    }
    consents.print(out);
    out.println();
    ShellTable audit = new ShellTable();
    audit.column("At");
    audit.column("Action");
    audit.column("User");
    audit.column("Channel");
    audit.column("Fields");
    for (AuditEntry e : x.audit()) {
      audit
          .addRow()
          .addContent(
              e.at(),
              e.action(),
              e.user(),
              e.channel(),
              String.join(", ", e.changes().stream().map(c -> c.field()).toList()));
    }
    audit.print(out);
    for (ErasureRequest r : x.erasureRequests()) {
      out.println("Erasure request " + r.id() + " at " + r.requestedAt() + ": " + r.status());
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
