package org.loopcrm.crm.core.internal.jpa;

import org.loopcrm.crm.core.internal.demo.CoreConfiguration;
import org.loopcrm.crm.core.internal.lifecycle.LifecycleRules;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle rules in force, from keys {@code lifecycleRules} and {@code lifecycleWindowDays} of
 * PID {@code crm.core}. Rules that do not parse are not half-applied: no rule is in force, nothing
 * moves automatically, and the log says what is wrong.
 */
@Component(
    service = LifecyclePolicy.class,
    configurationPid = "crm.core",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class LifecyclePolicy {
  private static final Logger LOG = LoggerFactory.getLogger(LifecyclePolicy.class);

  private final LifecycleRules rules;
  private final String error;

  /** Reads the configuration. */
  @Activate
  public LifecyclePolicy(CoreConfiguration config) {
    LifecycleRules parsed;
    String problem = null;
    try {
      parsed = LifecycleRules.parse(config.lifecycleRules(), config.lifecycleWindowDays());
    } catch (IllegalArgumentException e) {
      problem = e.getMessage();
      parsed = LifecycleRules.none(LifecycleRules.DEFAULT_WINDOW_DAYS);
      LOG.error("crm.core lifecycleRules: {}; no lifecycle rule is in force", problem);
    }
    this.rules = parsed;
    this.error = problem;
  }

  LifecyclePolicy(LifecycleRules rules) {
    this.rules = rules;
    this.error = null;
  }

  /** The default rules. */
  static LifecyclePolicy defaults() {
    return new LifecyclePolicy(LifecycleRules.defaults());
  }

  /** The rules in force. */
  public LifecycleRules rules() {
    return rules;
  }

  /** Why the configured rules are not in force, or null when they are. */
  public String error() {
    return error;
  }
}
