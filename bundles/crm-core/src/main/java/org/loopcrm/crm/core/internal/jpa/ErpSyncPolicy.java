package org.loopcrm.crm.core.internal.jpa;

import java.util.Locale;
import org.loopcrm.crm.api.erp.ConflictPolicy;
import org.loopcrm.crm.core.internal.demo.CoreConfiguration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conflict policy in force for ERP party changes, from key {@code erpConflictPolicy} of PID
 * {@code crm.core}. A value that names no policy puts {@link ConflictPolicy#MANUAL} in force and
 * logs why: when the administrator's intent is unknown, nobody's values are overwritten.
 */
@Component(
    service = ErpSyncPolicy.class,
    configurationPid = "crm.core",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class ErpSyncPolicy {
  private static final Logger LOG = LoggerFactory.getLogger(ErpSyncPolicy.class);

  private final ConflictPolicy policy;

  /** Reads the configuration. */
  @Activate
  public ErpSyncPolicy(CoreConfiguration config) {
    this(parse(config.erpConflictPolicy()));
  }

  ErpSyncPolicy(ConflictPolicy policy) {
    this.policy = policy;
  }

  /** The default: the ERP owns the customer master. */
  static ErpSyncPolicy defaults() {
    return new ErpSyncPolicy(ConflictPolicy.ERP_WINS);
  }

  /** {@code erp-wins}, {@code ERP_WINS} and the like; anything else is {@code MANUAL}. */
  static ConflictPolicy parse(String text) {
    String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      return ConflictPolicy.valueOf(name);
    } catch (IllegalArgumentException e) {
      LOG.error(
          "crm.core erpConflictPolicy '{}' is none of ERP_WINS, CRM_WINS, MANUAL; MANUAL is in force",
          text);
      return ConflictPolicy.MANUAL;
    }
  }

  /** The policy in force. */
  public ConflictPolicy policy() {
    return policy;
  }
}
