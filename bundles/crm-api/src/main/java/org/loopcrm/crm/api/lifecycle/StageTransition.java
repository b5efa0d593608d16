package org.loopcrm.crm.api.lifecycle;

import java.time.Instant;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.account.LifecycleStage;

/**
 * One change of an account's lifecycle stage. Only ever inserted.
 *
 * @param sequence the order of transitions (ascending in time)
 * @param accountId the account
 * @param from the stage before, or null when the account was created
 * @param to the stage after
 * @param at when
 * @param cause why
 * @param rule the rule that matched, as written in the configuration, for {@link
 *     TransitionCause#RULE}; otherwise null
 * @param facts the purchase facts the rule saw, e.g. {@code purchases=2, purchasesInWindow=2,
 *     daysSinceLastPurchase=0}; null for manual moves
 * @param user who moved it (a system user for rules)
 * @param channel through which channel
 */
public record StageTransition(
    long sequence,
    UUID accountId,
    LifecycleStage from,
    LifecycleStage to,
    Instant at,
    TransitionCause cause,
    String rule,
    String facts,
    String user,
    Actor.Channel channel) {}
