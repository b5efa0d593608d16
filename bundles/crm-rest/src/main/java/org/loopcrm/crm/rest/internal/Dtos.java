package org.loopcrm.crm.rest.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.account.ContactDraft;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.audit.AuditEntry;
import org.loopcrm.crm.api.audit.FieldChange;
import org.loopcrm.crm.api.webhook.DeliveryStatus;
import org.loopcrm.crm.api.webhook.WebhookDelivery;
import org.loopcrm.crm.api.webhook.WebhookSubscription;
import org.loopcrm.crm.api.webhook.WebhookSubscriptionDraft;

/** The JSON shapes of the API. Entities never reach here; API records are mapped field by field. */
final class Dtos {
  private Dtos() {}

  /** Request body of account create and update. */
  record AccountBody(
      String name,
      String erpRef,
      String taxId,
      String owner,
      LifecycleStage stage,
      Map<String, Object> customFields) {
    AccountDraft toDraft() {
      return new AccountDraft(name, erpRef, taxId, owner, stage, customFields);
    }
  }

  /** Request body of contact create and update. */
  record ContactBody(
      String firstName,
      String lastName,
      String email,
      String phone,
      String title,
      Map<String, Object> customFields) {
    ContactDraft toDraft() {
      return new ContactDraft(firstName, lastName, email, phone, title, customFields);
    }
  }

  /** The ERP receivables snapshot. */
  record ReceivablesView(
      BigDecimal open, String currency, long invoiceCount, String lastInvoice, String updatedAt) {}

  /** An account as the API shows it. */
  record AccountView(
      UUID id,
      String name,
      String erpRef,
      String taxId,
      String owner,
      LifecycleStage stage,
      AccountStatus status,
      ReceivablesView receivables,
      long version,
      String createdAt,
      String updatedAt,
      Map<String, Object> customFields) {
    static AccountView of(Account a) {
      return new AccountView(
          a.id(),
          a.name(),
          a.erpRef(),
          a.taxId(),
          a.owner(),
          a.stage(),
          a.status(),
          a.receivables() == null
              ? null
              : new ReceivablesView(
                  a.receivables().open(),
                  a.receivables().currency(),
                  a.receivables().invoiceCount(),
                  a.receivables().lastInvoice(),
                  text(a.receivables().updatedAt())),
          a.version(),
          text(a.createdAt()),
          text(a.updatedAt()),
          CustomFieldDtos.values(a.customFields()));
    }
  }

  /** A page of accounts. */
  record AccountPage(List<AccountView> items, String nextCursor) {}

  /** A contact as the API shows it. */
  record ContactView(
      UUID id,
      UUID accountId,
      String firstName,
      String lastName,
      String email,
      String phone,
      String title,
      long version,
      String createdAt,
      String updatedAt,
      Map<String, Object> customFields) {
    static ContactView of(Contact c) {
      return new ContactView(
          c.id(),
          c.accountId(),
          c.firstName(),
          c.lastName(),
          c.email(),
          c.phone(),
          c.title(),
          c.version(),
          text(c.createdAt()),
          text(c.updatedAt()),
          CustomFieldDtos.values(c.customFields()));
    }
  }

  /** The contacts of an account. */
  record ContactList(List<ContactView> items) {}

  /** One field's old and new value. */
  record FieldChangeView(String field, String oldValue, String newValue) {
    static FieldChangeView of(FieldChange c) {
      return new FieldChangeView(c.field(), c.oldValue(), c.newValue());
    }
  }

  /** An audit entry as the API shows it. */
  record AuditEntryView(
      UUID id,
      String recordType,
      UUID recordId,
      AuditAction action,
      String user,
      Actor.Channel channel,
      String at,
      List<FieldChangeView> changes) {
    static AuditEntryView of(AuditEntry e) {
      return new AuditEntryView(
          e.id(),
          e.recordType(),
          e.recordId(),
          e.action(),
          e.user(),
          e.channel(),
          text(e.at()),
          e.changes().stream().map(FieldChangeView::of).toList());
    }
  }

  /** A page of audit entries, newest first. */
  record AuditPage(List<AuditEntryView> items, String nextCursor) {}

  /** Request body of a webhook subscription; {@code active} defaults to true. */
  record WebhookBody(String url, List<String> eventTypes, String secret, Boolean active) {
    WebhookSubscriptionDraft toDraft() {
      return new WebhookSubscriptionDraft(url, eventTypes, secret, active == null || active);
    }

    @Override
    public String toString() {
      return "WebhookBody[url=" + url + ", eventTypes=" + eventTypes + ", secret=(hidden)]";
    }
  }

  /** A webhook subscription as the API shows it: never with its secret. */
  record WebhookView(
      UUID id,
      String url,
      List<String> eventTypes,
      boolean active,
      String createdBy,
      String createdAt) {
    static WebhookView of(WebhookSubscription s) {
      return new WebhookView(
          s.id(), s.url(), s.eventTypes(), s.active(), s.createdBy(), text(s.createdAt()));
    }
  }

  /** All webhook subscriptions. */
  record WebhookList(List<WebhookView> items) {}

  /** A webhook delivery as the API shows it. */
  record WebhookDeliveryView(
      UUID id,
      UUID subscriptionId,
      UUID eventId,
      String eventType,
      DeliveryStatus status,
      int attempts,
      Integer lastStatusCode,
      String lastError,
      String nextAttemptAt,
      String deliveredAt) {
    static WebhookDeliveryView of(WebhookDelivery d) {
      return new WebhookDeliveryView(
          d.id(),
          d.subscriptionId(),
          d.eventId(),
          d.eventType(),
          d.status(),
          d.attempts(),
          d.lastStatusCode(),
          d.lastError(),
          text(d.nextAttemptAt()),
          text(d.deliveredAt()));
    }
  }

  /** A page of webhook deliveries, newest first. */
  record WebhookDeliveryPage(List<WebhookDeliveryView> items, String nextCursor) {}

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }
}
