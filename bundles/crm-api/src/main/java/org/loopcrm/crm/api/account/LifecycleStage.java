package org.loopcrm.crm.api.account;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an account stands in the customer lifecycle. SUSPECT and PROSPECT are set by people; once
 * an account has purchases (ERP invoices), the lifecycle rules move it between CUSTOMER, REPEAT,
 * LOYAL, AT_RISK and CHURNED from those facts (see {@code org.loopcrm.crm.api.lifecycle}). {@link
 * #next()} lists the moves a person may make.
 */
public enum LifecycleStage {
  /** Known to exist, not yet qualified. */
  SUSPECT,
  /** Qualified, not yet a customer. */
  PROSPECT,
  /** Has bought (or is marked a customer before the first invoice arrives). */
  CUSTOMER,
  /** Has bought more than once. */
  REPEAT,
  /** Buys often: many purchases within the rules' window. */
  LOYAL,
  /** Has not bought for a while. */
  AT_RISK,
  /** Gone: no purchase for a long time, or marked lost. */
  CHURNED,
  /**
   * The old name of {@link #CHURNED}: accepted on input and stored as CHURNED, never returned.
   *
   * @deprecated use {@link #CHURNED}
   */
  @Deprecated
  INACTIVE;

  /**
   * The stages a person may move an account in this stage to; staying is always allowed. The stages
   * REPEAT, LOYAL and AT_RISK are reached only through the lifecycle rules.
   */
  public Set<LifecycleStage> next() {
    return switch (this) {
      case SUSPECT -> EnumSet.of(PROSPECT, CUSTOMER, CHURNED);
      case PROSPECT -> EnumSet.of(SUSPECT, CUSTOMER, CHURNED);
      case CUSTOMER, REPEAT, LOYAL, AT_RISK -> EnumSet.of(CHURNED);
      case CHURNED, INACTIVE -> EnumSet.of(PROSPECT, CUSTOMER);
    };
  }

  /** Whether a person may move an account in this stage to {@code target}. */
  public boolean canMoveTo(LifecycleStage target) {
    return this.canonical() == target.canonical() || next().contains(target.canonical());
  }

  /** The stage as stored: {@link #INACTIVE} is {@link #CHURNED}, every other stage itself. */
  @SuppressWarnings("deprecation")
  public LifecycleStage canonical() {
    return this == INACTIVE ? CHURNED : this;
  }
}
