package org.loopcrm.crm.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.servicecase.CaseChannel;
import org.loopcrm.crm.api.servicecase.CaseDraft;
import org.loopcrm.crm.api.servicecase.CaseEvent;
import org.loopcrm.crm.api.servicecase.CaseEventKind;
import org.loopcrm.crm.api.servicecase.CasePriority;
import org.loopcrm.crm.api.servicecase.CaseStatus;
import org.loopcrm.crm.api.servicecase.ServiceCase;

/** JSON shapes of {@code /cases}. */
final class CaseDtos {
  private CaseDtos() {}

  /** A case as it is opened or replaced. */
  record CaseBody(
      String accountId,
      String contactId,
      String subject,
      String description,
      String channel,
      String priority,
      String category,
      String productCode,
      String owner) {
    CaseDraft toDraft() {
      List<FieldError> errors = new ArrayList<>();
      UUID account = uuid("accountId", accountId, errors);
      UUID contact = uuid("contactId", contactId, errors);
      CaseChannel c =
          channel == null
              ? null
              : AssignmentDtos.parse(CaseChannel.class, "channel", channel, errors);
      CasePriority p =
          priority == null
              ? null
              : AssignmentDtos.parse(CasePriority.class, "priority", priority, errors);
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      return new CaseDraft(
          account, contact, subject, description, c, p, category, productCode, owner);
    }
  }

  private static UUID uuid(String field, String text, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, "must be a UUID"));
      return null;
    }
  }

  /** A status change: the target status and an optional note. */
  record CaseStatusBody(String status, String note) {
    CaseStatus target() {
      List<FieldError> errors = new ArrayList<>();
      CaseStatus s = AssignmentDtos.parse(CaseStatus.class, "status", status, errors);
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      return s;
    }
  }

  /** A reply to the customer or an internal note. */
  record CommentBody(String kind, String body) {
    CaseEventKind target() {
      List<FieldError> errors = new ArrayList<>();
      CaseEventKind k =
          kind == null
              ? CaseEventKind.REPLY
              : AssignmentDtos.parse(CaseEventKind.class, "kind", kind, errors);
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      return k;
    }
  }

  /** A case as the API shows it. */
  record CaseView(
      UUID id,
      String number,
      UUID accountId,
      UUID contactId,
      String subject,
      String description,
      String channel,
      String priority,
      String category,
      String productCode,
      String status,
      String owner,
      String responseDueAt,
      String firstResponseAt,
      String resolvedAt,
      String closedAt,
      long version,
      String createdBy,
      String createdAt,
      String updatedAt) {
    static CaseView of(ServiceCase c) {
      return new CaseView(
          c.id(),
          c.number(),
          c.accountId(),
          c.contactId(),
          c.subject(),
          c.description(),
          c.channel().name(),
          c.priority().name(),
          c.category(),
          c.productCode(),
          c.status().name(),
          c.owner(),
          LeadDtos.text(c.responseDueAt()),
          LeadDtos.text(c.firstResponseAt()),
          LeadDtos.text(c.resolvedAt()),
          LeadDtos.text(c.closedAt()),
          c.version(),
          c.createdBy(),
          LeadDtos.text(c.createdAt()),
          LeadDtos.text(c.updatedAt()));
    }
  }

  /** One page of cases. */
  record CasePage(List<CaseView> items, String nextCursor) {}

  /** One entry of a case's thread. */
  record CaseEventView(
      UUID id,
      UUID caseId,
      String kind,
      String from,
      String to,
      String body,
      String user,
      String at) {
    static CaseEventView of(CaseEvent e) {
      return new CaseEventView(
          e.id(),
          e.caseId(),
          e.kind().name(),
          e.from() == null ? null : e.from().name(),
          e.to() == null ? null : e.to().name(),
          e.body(),
          e.user(),
          LeadDtos.text(e.at()));
    }
  }

  /** A case's thread, oldest first. */
  record CaseThread(List<CaseEventView> items) {}
}
