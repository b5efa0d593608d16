package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;
import org.loopcrm.crm.core.internal.demo.CoreConfiguration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sales settings from PID {@code crm.core}: the default currency. A value that is no ISO 4217 code
 * is logged and EUR is used, so a typo never stores a bad currency.
 */
@Component(
    service = SalesPolicy.class,
    configurationPid = "crm.core",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class SalesPolicy {
  static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Logger LOG = LoggerFactory.getLogger(SalesPolicy.class);
  private final String currency;
  private final BigDecimal approvalThreshold;
  private final int validityDays;

  /** Reads the configuration. */
  @Activate
  public SalesPolicy(CoreConfiguration config) {
    this(
        parse(config.defaultCurrency()),
        threshold(config.quoteApprovalDiscountPercent()),
        config.quoteValidityDays() < 1 ? 30 : config.quoteValidityDays());
  }

  SalesPolicy(String currency, BigDecimal approvalThreshold, int validityDays) {
    this.currency = currency;
    this.approvalThreshold = approvalThreshold;
    this.validityDays = validityDays;
  }

  /** EUR, approval above 15 %, quotes valid 30 days. */
  static SalesPolicy defaults() {
    return new SalesPolicy("EUR", BigDecimal.valueOf(15), 30);
  }

  private static BigDecimal threshold(double percent) {
    if (percent < 0 || percent > 100 || Double.isNaN(percent)) {
      LOG.error("crm.core quoteApprovalDiscountPercent {} is not 0..100; 15 is used", percent);
      return BigDecimal.valueOf(15);
    }
    return BigDecimal.valueOf(percent);
  }

  /** A discount above this percentage needs approval. */
  public BigDecimal approvalThreshold() {
    return approvalThreshold;
  }

  /** Days a quote is valid by default. */
  public int validityDays() {
    return validityDays;
  }

  private static String parse(String text) {
    String c = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    if (CURRENCY.matcher(c).matches()) {
      return c;
    }
    LOG.error("crm.core defaultCurrency '{}' is no ISO 4217 code; EUR is used", text);
    return "EUR";
  }

  /** The default currency. */
  public String defaultCurrency() {
    return currency;
  }
}
