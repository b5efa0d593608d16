package org.loopcrm.crm.rest.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.privacy.ConsentChannel;
import org.loopcrm.crm.api.privacy.ConsentDecision;
import org.loopcrm.crm.api.privacy.ConsentDraft;
import org.loopcrm.crm.api.privacy.ConsentStatus;
import org.loopcrm.crm.api.privacy.DataSubject;
import org.loopcrm.crm.api.privacy.ErasureRequest;
import org.loopcrm.crm.api.privacy.ErasureStatus;
import org.loopcrm.crm.api.privacy.LegalHold;
import org.loopcrm.crm.api.privacy.LegalHoldKind;
import org.loopcrm.crm.api.privacy.SubjectAccount;
import org.loopcrm.crm.api.privacy.SubjectExport;
import org.loopcrm.crm.rest.internal.Dtos.AuditEntryView;

/** The JSON shapes of the privacy API (consent, export, erasure). */
final class PrivacyDtos {
  private PrivacyDtos() {}

  /** Request body of a consent decision. */
  record ConsentBody(
      String purpose,
      ConsentChannel channel,
      ConsentStatus status,
      String source,
      String evidence) {
    ConsentDraft toDraft() {
      return new ConsentDraft(purpose, channel, status, source, evidence);
    }
  }

  /** A consent decision as the API shows it. */
  record ConsentView(
      UUID id,
      UUID subjectId,
      String purpose,
      ConsentChannel channel,
      ConsentStatus status,
      String source,
      String evidence,
      String recordedBy,
      Actor.Channel via,
      String at) {
    static ConsentView of(ConsentDecision d) {
      return new ConsentView(
          d.id(),
          d.subjectId(),
          d.purpose(),
          d.channel(),
          d.status(),
          d.source(),
          d.evidence(),
          d.recordedBy(),
          d.via(),
          text(d.at()));
    }

    static List<ConsentView> of(List<ConsentDecision> list) {
      return list.stream().map(ConsentView::of).toList();
    }
  }

  /** Consent decisions: the current ones, or the history. */
  record ConsentList(List<ConsentView> items) {}

  /** Request body of an erasure request. */
  record ErasureBody(String subjectId) {}

  /** A legal hold. */
  record HoldView(
      LegalHoldKind kind, String reason, BigDecimal amount, String currency, String source) {
    static HoldView of(LegalHold h) {
      return new HoldView(h.kind(), h.reason(), h.amount(), h.currency(), h.source());
    }
  }

  /** An erasure request as the API shows it. */
  record ErasureView(
      UUID id,
      UUID subjectId,
      String requestedBy,
      Actor.Channel via,
      String requestedAt,
      ErasureStatus status,
      List<HoldView> holds) {
    static ErasureView of(ErasureRequest r) {
      return new ErasureView(
          r.id(),
          r.subjectId(),
          r.requestedBy(),
          r.via(),
          text(r.requestedAt()),
          r.status(),
          r.holds().stream().map(HoldView::of).toList());
    }
  }

  /** A page of erasure requests, newest first. */
  record ErasurePage(List<ErasureView> items, String nextCursor) {}

  /** The person in an export. */
  record SubjectView(
      UUID id,
      String firstName,
      String lastName,
      String email,
      String phone,
      String createdAt,
      String updatedAt,
      String erasedAt) {
    static SubjectView of(DataSubject s) {
      return new SubjectView(
          s.id(),
          s.firstName(),
          s.lastName(),
          s.email(),
          s.phone(),
          text(s.createdAt()),
          text(s.updatedAt()),
          text(s.erasedAt()));
    }
  }

  /** An account the subject is a contact of. */
  record SubjectAccountView(UUID accountId, String name, String erpRef, String title) {
    static SubjectAccountView of(SubjectAccount a) {
      return new SubjectAccountView(a.accountId(), a.name(), a.erpRef(), a.title());
    }
  }

  /** Everything held on a data subject. */
  record ExportView(
      SubjectView subject,
      List<SubjectAccountView> accounts,
      List<ConsentView> consents,
      List<ConsentView> consentHistory,
      List<AuditEntryView> audit,
      List<ErasureView> erasureRequests,
      String exportedBy,
      String exportedAt) {
    static ExportView of(SubjectExport x) {
      return new ExportView(
          SubjectView.of(x.subject()),
          x.accounts().stream().map(SubjectAccountView::of).toList(),
          ConsentView.of(x.consents()),
          ConsentView.of(x.consentHistory()),
          x.audit().stream().map(AuditEntryView::of).toList(),
          x.erasureRequests().stream().map(ErasureView::of).toList(),
          x.exportedBy(),
          text(x.exportedAt()));
    }
  }

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }
}
