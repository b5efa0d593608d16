package org.loopcrm.crm.api.lifecycle;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Page;

/**
 * The customer lifecycle of accounts. Stages move by rules on purchase facts when an ERP invoice is
 * applied and when {@link #evaluateAll} runs (a scheduled route does, for inactivity), and by
 * people within {@link org.loopcrm.crm.api.account.LifecycleStage#next()}. Every move is recorded.
 */
public interface LifecycleService {

  /** The rules in force, in the order they are tried. */
  List<LifecycleRule> rules(Actor actor);

  /** The purchase facts of an account as the rules see them now. */
  PurchaseFacts facts(Actor actor, UUID accountId);

  /** The stage transitions of an account, newest first. */
  Page<StageTransition> history(Actor actor, UUID accountId, int limit, String cursor);

  /**
   * Applies the rules to one account now.
   *
   * @return the transition, or empty if the stage stays
   */
  Optional<StageTransition> evaluate(Actor actor, UUID accountId);

  /**
   * Applies the rules to up to {@code batch} accounts with purchases, starting after the account id
   * {@code afterId} (null for the first), each in its own transaction.
   *
   * @return how many accounts were looked at and moved, and where to continue
   */
  Sweep evaluateAll(Actor actor, String afterId, int batch);

  /**
   * The result of one batch of {@link #evaluateAll}.
   *
   * @param examined accounts looked at
   * @param moved accounts whose stage changed
   * @param lastId the last account id looked at, to continue after; null when none was
   */
  record Sweep(int examined, int moved, String lastId) {}
}
