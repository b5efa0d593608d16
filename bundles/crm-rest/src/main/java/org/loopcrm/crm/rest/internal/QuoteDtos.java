package org.loopcrm.crm.rest.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.erp.ErpCommand;
import org.loopcrm.crm.api.quote.LineAvailability;
import org.loopcrm.crm.api.quote.LineQuantity;
import org.loopcrm.crm.api.quote.Quote;
import org.loopcrm.crm.api.quote.QuoteDraft;
import org.loopcrm.crm.api.quote.QuoteLine;
import org.loopcrm.crm.api.quote.QuoteLineDraft;
import org.loopcrm.crm.api.quote.QuoteStatus;

/** The JSON shapes of quotes. */
final class QuoteDtos {
  private QuoteDtos() {}

  /** A line as entered. */
  record QuoteLineBody(
      String productCode,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal discountPercent,
      UUID configurationId) {}

  /** Request body of a quote (create and update). */
  record QuoteBody(
      UUID contactId,
      String validUntil,
      String deliveryDate,
      String terms,
      List<QuoteLineBody> lines) {
    QuoteDraft toDraft() {
      List<QuoteLineDraft> out = new java.util.ArrayList<>();
      if (lines != null) {
        for (int i = 0; i < lines.size(); i++) {
          QuoteLineBody l = lines.get(i);
          if (l == null) {
            throw Params.invalid("lines[" + i + "]", "is required");
          }
          out.add(
              new QuoteLineDraft(
                  l.productCode(),
                  l.description(),
                  l.quantity(),
                  l.unitPrice(),
                  l.discountPercent(),
                  l.configurationId()));
        }
      }
      return new QuoteDraft(
          contactId,
          Params.date("validUntil", validUntil),
          Params.date("deliveryDate", deliveryDate),
          terms,
          out);
    }
  }

  /** One line's new quantity on order. */
  record LineQuantityBody(Integer position, BigDecimal quantity) {}

  /** Body of a reduced order. */
  record ReduceBody(List<LineQuantityBody> lines, String reason) {
    List<LineQuantity> toLines() {
      List<LineQuantity> out = new java.util.ArrayList<>();
      if (lines != null) {
        for (int i = 0; i < lines.size(); i++) {
          LineQuantityBody l = lines.get(i);
          if (l == null || l.position() == null) {
            throw Params.invalid("lines[" + i + "].position", "is required");
          }
          if (l.quantity() == null) {
            throw Params.invalid("lines[" + i + "].quantity", "is required");
          }
          out.add(new LineQuantity(l.position(), l.quantity()));
        }
      }
      return out;
    }
  }

  /** Body of an approval, a refusal or a rejection. */
  record NoteBody(String note, String reason) {}

  /** The ERP's availability of a line as last checked. */
  record AvailabilityView(
      BigDecimal onHand,
      BigDecimal forecast,
      boolean available,
      String unit,
      String asOf,
      String problem) {
    static AvailabilityView of(LineAvailability a) {
      return a == null
          ? null
          : new AvailabilityView(
              a.onHand(), a.forecast(), a.available(), a.unit(), text(a.asOf()), a.problem());
    }
  }

  /** A line as the API shows it. */
  record QuoteLineView(
      int position,
      String productCode,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal discountPercent,
      BigDecimal total,
      UUID configurationId,
      AvailabilityView availability,
      BigDecimal orderedQuantity) {
    static QuoteLineView of(QuoteLine l) {
      return new QuoteLineView(
          l.position(),
          l.productCode(),
          l.description(),
          plain(l.quantity()),
          plain(l.unitPrice()),
          plain(l.discountPercent()),
          l.total(),
          l.configurationId(),
          AvailabilityView.of(l.availability()),
          l.orderedQuantity() == null ? null : plain(l.orderedQuantity()));
    }
  }

  /** A quote as the API shows it. */
  record QuoteView(
      UUID id,
      String number,
      int revision,
      UUID opportunityId,
      UUID accountId,
      UUID contactId,
      QuoteStatus status,
      String currency,
      String validUntil,
      String deliveryDate,
      String terms,
      List<QuoteLineView> lines,
      BigDecimal subtotal,
      BigDecimal discount,
      BigDecimal total,
      String approvalReason,
      String approvedBy,
      String approvalNote,
      Quote.CreditSummary credit,
      String creditProblem,
      String checkedAt,
      UUID saleCommandId,
      ErpCommand.Status saleCommand,
      String decisionReason,
      String decidedAt,
      long version,
      String createdBy,
      String createdAt,
      String updatedAt) {
    static QuoteView of(Quote q) {
      return new QuoteView(
          q.id(),
          q.number(),
          q.revision(),
          q.opportunityId(),
          q.accountId(),
          q.contactId(),
          q.status(),
          q.currency(),
          text(q.validUntil()),
          text(q.deliveryDate()),
          q.terms(),
          q.lines().stream().map(QuoteLineView::of).toList(),
          q.subtotal(),
          q.discount(),
          q.total(),
          q.approvalReason(),
          q.approvedBy(),
          q.approvalNote(),
          q.credit(),
          q.creditProblem(),
          text(q.checkedAt()),
          q.saleCommandId(),
          q.saleCommand(),
          q.decisionReason(),
          text(q.decidedAt()),
          q.version(),
          q.createdBy(),
          text(q.createdAt()),
          text(q.updatedAt()));
    }
  }

  /** The quotes of an opportunity. */
  record QuoteList(List<QuoteView> items) {}

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }

  private static String text(LocalDate d) {
    return d == null ? null : d.toString();
  }

  /** Without trailing zeros, and never in exponent notation (10, not 1E+1). */
  static BigDecimal plain(BigDecimal v) {
    if (v == null) {
      return null;
    }
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
