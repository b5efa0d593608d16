package org.loopcrm.crm.api.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;

/**
 * The canonical "invoice posted" fact: the ERP posted a customer invoice. Version 1 of the message.
 *
 * @param messageId the message's unique id; a fact with an id already applied has no second effect
 * @param erpSystem which ERP sent it, e.g. {@code tryton}
 * @param customerRef the customer's id in that ERP (an account's ERP reference)
 * @param invoiceNumber the invoice's number in the ERP
 * @param amount the invoice's total, positive for an invoice, negative for a credit note
 * @param currency ISO 4217 code
 * @param postedAt when the ERP posted it
 */
public record InvoicePosted(
    String messageId,
    String erpSystem,
    String customerRef,
    String invoiceNumber,
    BigDecimal amount,
    String currency,
    Instant postedAt) {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  /** Validates the fact; a message that fails is malformed and is never applied. */
  public InvoicePosted {
    List<FieldError> errors = new ArrayList<>();
    required(errors, "messageId", messageId, 100);
    required(errors, "erpSystem", erpSystem, 40);
    required(errors, "customerRef", customerRef, 64);
    required(errors, "invoiceNumber", invoiceNumber, 64);
    if (amount == null) {
      errors.add(new FieldError("amount", "is required"));
    } else if (amount.scale() > 4 || amount.precision() - amount.scale() > 15) {
      errors.add(new FieldError("amount", "has more than 15 integer or 4 fraction digits"));
    }
    if (currency == null || !CURRENCY.matcher(currency).matches()) {
      errors.add(new FieldError("currency", "must be an ISO 4217 code such as EUR"));
    }
    if (postedAt == null) {
      errors.add(new FieldError("postedAt", "is required"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private static void required(List<FieldError> errors, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required"));
    } else if (value.length() > max) {
      errors.add(new FieldError(field, "is longer than " + max + " characters"));
    }
  }
}
