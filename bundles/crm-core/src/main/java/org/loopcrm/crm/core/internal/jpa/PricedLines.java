package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.loopcrm.crm.api.ValidationException.FieldError;

/**
 * The rules every priced line follows, on an opportunity or a quote: a product code, a positive
 * quantity, a price and a discount that fit their columns, and a total rounded to cents.
 */
final class PricedLines {
  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private PricedLines() {}

  /**
   * Adds the line's errors, each field named after {@code at} (such as {@code "lines[2]."}).
   *
   * @param priceRequired whether a missing unit price is an error (an opportunity line takes the
   *     ERP's list price instead)
   */
  static void check(
      List<FieldError> errors,
      String at,
      String productCode,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      boolean priceRequired,
      BigDecimal discountPercent) {
    if (productCode == null || productCode.isBlank()) {
      errors.add(new FieldError(at + "productCode", "is required"));
    } else if (productCode.length() > 100) {
      errors.add(new FieldError(at + "productCode", "must be at most 100 characters"));
    }
    if (description != null && description.length() > 500) {
      errors.add(new FieldError(at + "description", "must be at most 500 characters"));
    }
    if (quantity == null || quantity.signum() <= 0 || !fits(quantity)) {
      errors.add(new FieldError(at + "quantity", "must be greater than 0, at most 4 decimals"));
    }
    if (unitPrice == null ? priceRequired : unitPrice.signum() < 0 || !fits(unitPrice)) {
      errors.add(
          new FieldError(
              at + "unitPrice",
              (priceRequired ? "is required: " : "must be ") + "0 or more, at most 4 decimals"));
    }
    if (discountPercent != null
        && (discountPercent.signum() < 0
            || discountPercent.compareTo(HUNDRED) > 0
            || discountPercent.scale() > 2)) {
      errors.add(
          new FieldError(at + "discountPercent", "must be between 0 and 100, at most 2 decimals"));
    }
  }

  /** Quantity × price less the discount, in cents. */
  static BigDecimal total(BigDecimal quantity, BigDecimal price, BigDecimal discountPercent) {
    return quantity
        .multiply(price)
        .multiply(HUNDRED.subtract(discountPercent))
        .divide(HUNDRED)
        .setScale(2, RoundingMode.HALF_UP);
  }

  /** Whether an amount fits a (19, 4) column. */
  private static boolean fits(BigDecimal v) {
    return v.scale() <= 4 && v.precision() - v.scale() <= 15;
  }
}
