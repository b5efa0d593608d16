package org.loopcrm.crm.rest.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.erp.DocumentKind;
import org.loopcrm.crm.api.erp.ErpDocument;
import org.loopcrm.crm.api.erp.ErpSnapshot;
import org.loopcrm.crm.api.erp.StreamPosition;
import org.loopcrm.crm.api.erp.SyncConflict;
import org.loopcrm.crm.api.erp.Watermark;

/** JSON forms of the ERP view of accounts, sync conflicts and stream positions. */
final class ErpDtos {
  private ErpDtos() {}

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }

  /** An account's finance snapshot. */
  record SnapshotView(
      UUID accountId,
      BigDecimal receivable,
      BigDecimal overdue,
      BigDecimal creditLimit,
      boolean overCreditLimit,
      String currency,
      long invoiceCount,
      String lastInvoice,
      long paymentCount,
      String lastPaymentAt,
      String balanceAsOf,
      Map<DocumentKind, Long> documents) {
    static SnapshotView of(ErpSnapshot s) {
      return new SnapshotView(
          s.accountId(),
          s.receivable(),
          s.overdue(),
          s.creditLimit(),
          s.overCreditLimit(),
          s.currency(),
          s.invoiceCount(),
          s.lastInvoice(),
          s.paymentCount(),
          text(s.lastPaymentAt()),
          text(s.balanceAsOf()),
          new TreeMap<>(s.documents()));
    }
  }

  /** One ERP document of an account. */
  record DocumentView(
      UUID accountId,
      String erpSystem,
      DocumentKind kind,
      String documentRef,
      String number,
      String state,
      BigDecimal amount,
      String currency,
      String crmRef,
      String changedAt,
      String firstSeenAt) {
    static DocumentView of(ErpDocument d) {
      return new DocumentView(
          d.accountId(),
          d.erpSystem(),
          d.kind(),
          d.documentRef(),
          d.number(),
          d.state(),
          d.amount(),
          d.currency(),
          d.crmRef(),
          text(d.changedAt()),
          text(d.firstSeenAt()));
    }
  }

  /** A page of documents. */
  record DocumentPage(List<DocumentView> items, String nextCursor) {
    static DocumentPage of(Page<ErpDocument> page) {
      return new DocumentPage(
          page.items().stream().map(DocumentView::of).toList(), page.nextCursor().orElse(null));
    }
  }

  /** A master-data conflict. */
  record ConflictView(
      UUID id,
      UUID accountId,
      String erpSystem,
      String customerRef,
      Map<String, String> erpValues,
      Map<String, String> crmValues,
      SyncConflict.Status status,
      String detectedAt,
      String resolvedBy,
      String resolvedAt) {
    static ConflictView of(SyncConflict c) {
      return new ConflictView(
          c.id(),
          c.accountId(),
          c.erpSystem(),
          c.customerRef(),
          new TreeMap<>(c.erpValues()),
          new TreeMap<>(c.crmValues()),
          c.status(),
          text(c.detectedAt()),
          c.resolvedBy(),
          text(c.resolvedAt()));
    }
  }

  /** A page of conflicts. */
  record ConflictPage(List<ConflictView> items, String nextCursor) {
    static ConflictPage of(Page<SyncConflict> page) {
      return new ConflictPage(
          page.items().stream().map(ConflictView::of).toList(), page.nextCursor().orElse(null));
    }
  }

  /** How to resolve a conflict. */
  record ResolutionBody(SyncConflict.Status resolution) {
    SyncConflict.Status toResolution() {
      if (resolution == null || resolution == SyncConflict.Status.OPEN) {
        throw Params.invalid("resolution", "must be TOOK_ERP or KEPT_CRM");
      }
      return resolution;
    }
  }

  /** A stream's position. */
  record StreamView(
      String erpSystem, String stream, String changedAt, long lastId, String updatedAt) {
    static StreamView of(StreamPosition p) {
      return new StreamView(
          p.erpSystem(),
          p.stream(),
          p.watermark().changedAt().toString(),
          p.watermark().lastId(),
          text(p.updatedAt()));
    }
  }

  /** Every stream's position. */
  record StreamList(List<StreamView> items) {}

  /** Where to put a stream's watermark. */
  record WatermarkBody(String changedAt, Long lastId) {
    Watermark toWatermark() {
      List<FieldError> errors = new ArrayList<>();
      Instant at = null;
      if (changedAt == null || changedAt.isBlank()) {
        errors.add(new FieldError("changedAt", "is required"));
      } else {
        try {
          at = Params.instant("changedAt", changedAt);
        } catch (ValidationException e) {
          errors.addAll(e.errors());
        }
      }
      if (lastId == null) {
        errors.add(new FieldError("lastId", "is required"));
      } else if (lastId < 0) {
        errors.add(new FieldError("lastId", "must not be negative"));
      }
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      return new Watermark(at, lastId);
    }
  }

  /** {@code ?kind=}: a document kind in any case, or none. */
  static DocumentKind kind(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return DocumentKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Params.invalid("kind", "must be one of " + List.of(DocumentKind.values()));
    }
  }

  /** {@code ?status=}: {@code open} (the default) or {@code all}. */
  static boolean openOnly(String text) {
    if (text == null || text.isBlank()) {
      return true;
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "open" -> true;
      case "all" -> false;
      default -> throw Params.invalid("status", "must be open or all");
    };
  }

  /** Available-to-promise of a product at a date. */
  record AvailabilityView(
      String product,
      String warehouse,
      String date,
      BigDecimal requested,
      BigDecimal onHand,
      BigDecimal forecast,
      String unit,
      boolean available,
      String asOf) {
    static AvailabilityView of(org.loopcrm.crm.api.erp.port.Availability a) {
      return new AvailabilityView(
          a.productCode(),
          a.warehouse(),
          a.date().toString(),
          a.requested(),
          a.onHand(),
          a.forecast(),
          a.unit(),
          a.available(),
          text(a.asOf()));
    }
  }

  /** A live credit check. */
  record CreditView(
      UUID accountId,
      String system,
      String erpRef,
      BigDecimal receivable,
      BigDecimal overdue,
      BigDecimal creditLimit,
      String currency,
      BigDecimal amount,
      boolean allowed,
      String asOf) {
    static CreditView of(org.loopcrm.crm.api.erp.CreditCheck c) {
      return new CreditView(
          c.accountId(),
          c.erpSystem(),
          c.status().erpRef(),
          c.status().receivable(),
          c.status().overdue(),
          c.status().creditLimit(),
          c.status().currency(),
          c.amount(),
          c.allowed(),
          text(c.status().asOf()));
    }
  }
}
