package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.UUID;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.privacy.ErasureRequest;
import org.loopcrm.crm.api.privacy.ErasureStatus;
import org.loopcrm.crm.api.privacy.LegalHold;
import org.loopcrm.crm.api.privacy.PrivacyService;

/** {@code crm:erasure-request <subject>}: erases a data subject unless a legal hold refuses it. */
@Command(
    scope = "crm",
    name = "erasure-request",
    description =
        "Erases a data subject's personal data (GDPR) unless a legal hold refuses it; crm-admin.")
@Service
public class ErasureRequestCommand implements Action {
  @Reference PrivacyService privacy;

  @Argument(index = 0, name = "subject", required = true, description = "The contact's id")
  String subject;

  @Override
  public Object execute() {
    ErasureRequest r = privacy.requestErasure(ShellActors.current(), uuid(subject));
    print(r, System.out);
    return null;
  }

  static UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("data subject", text);
    }
  }

  static void print(ErasureRequest r, PrintStream out) {
    out.println(
        "Erasure request " + r.id() + " for data subject " + r.subjectId() + ": " + r.status());
    if (r.status() == ErasureStatus.COMPLETED) {
      out.println("Personal data anonymised; the erasure command goes to the ERP.");
      return;
    }
    out.println("Refused, the data must be kept:");
    for (LegalHold h : r.holds()) {
      out.println("  " + h.kind() + " (" + h.source() + "): " + h.reason());
    }
  }
}
