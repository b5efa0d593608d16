package org.loopcrm.crm.api.lifecycle;

import org.loopcrm.crm.api.account.LifecycleStage;

/**
 * One lifecycle rule: when its condition holds for an account's purchase facts, the account moves
 * to its stage. Rules are tried in order; the first that holds wins; when none holds the stage
 * stays.
 *
 * @param order the rule's position, from 1
 * @param stage the stage it moves to
 * @param condition the condition as configured, e.g. {@code purchasesInWindow >= 5}
 */
public record LifecycleRule(int order, LifecycleStage stage, String condition) {}
