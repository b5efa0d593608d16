package org.loopcrm.crm.core.internal.jpa;

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

  /** Reads the configuration. */
  @Activate
  public SalesPolicy(CoreConfiguration config) {
    this(parse(config.defaultCurrency()));
  }

  SalesPolicy(String currency) {
    this.currency = currency;
  }

  /** EUR. */
  static SalesPolicy defaults() {
    return new SalesPolicy("EUR");
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
