package org.loopcrm.crm.api.account;

import java.util.EnumSet;
import java.util.Set;

/** Where an account stands in the customer lifecycle, and which moves between stages make sense. */
public enum LifecycleStage {
  /** Not yet a customer. */
  PROSPECT,
  /** Has bought. */
  CUSTOMER,
  /** No longer buys. */
  INACTIVE;

  /** The stages this one may move to; staying in the same stage is always allowed. */
  public Set<LifecycleStage> next() {
    return switch (this) {
      case PROSPECT -> EnumSet.of(CUSTOMER, INACTIVE);
      case CUSTOMER -> EnumSet.of(INACTIVE);
      case INACTIVE -> EnumSet.of(CUSTOMER);
    };
  }

  /** Whether an account in this stage may move to {@code target}. */
  public boolean canMoveTo(LifecycleStage target) {
    return this == target || next().contains(target);
  }
}
