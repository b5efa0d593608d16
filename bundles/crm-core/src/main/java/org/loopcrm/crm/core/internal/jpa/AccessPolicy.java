package org.loopcrm.crm.core.internal.jpa;

import java.util.Locale;
import org.loopcrm.crm.core.internal.demo.CoreConfiguration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organisation-wide default of record-level access, from key {@code accountAccess} of PID
 * {@code crm.core}. An unknown value falls back to the strictest mode and says so in the log.
 */
@Component(
    service = AccessPolicy.class,
    configurationPid = "crm.core",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class AccessPolicy {
  private static final Logger LOG = LoggerFactory.getLogger(AccessPolicy.class);

  /** How far accounts are open beyond their owner's circle. */
  public enum Mode {
    PRIVATE,
    PUBLIC_READ,
    PUBLIC_READ_WRITE
  }

  private final Mode mode;

  /** Reads the configuration. */
  @Activate
  public AccessPolicy(CoreConfiguration config) {
    this(parse(config.accountAccess()));
  }

  AccessPolicy(Mode mode) {
    this.mode = mode;
  }

  /** The strictest policy, the default. */
  static AccessPolicy privateAccess() {
    return new AccessPolicy(Mode.PRIVATE);
  }

  /** The configured mode. */
  public Mode mode() {
    return mode;
  }

  static Mode parse(String value) {
    String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    switch (v) {
      case "private":
        return Mode.PRIVATE;
      case "public-read":
        return Mode.PUBLIC_READ;
      case "public-read-write":
        return Mode.PUBLIC_READ_WRITE;
      default:
        LOG.error(
            "crm.core accountAccess = '{}' is not one of private, public-read, public-read-write;"
                + " accounts stay private",
            value);
        return Mode.PRIVATE;
    }
  }
}
