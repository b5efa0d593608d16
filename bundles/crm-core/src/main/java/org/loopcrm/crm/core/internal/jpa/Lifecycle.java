package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.persistence.EntityManager;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.lifecycle.LifecycleRule;
import org.loopcrm.crm.api.lifecycle.PurchaseFacts;
import org.loopcrm.crm.api.lifecycle.StageTransition;
import org.loopcrm.crm.api.lifecycle.TransitionCause;
import org.loopcrm.crm.core.internal.lifecycle.LifecycleRules;

/**
 * The persistent side of the lifecycle, called inside the transactions of the services that change
 * stages: purchase facts, rule application and the transition history.
 */
final class Lifecycle {
  /** Who rule-driven moves are done by. */
  static final Actor RULES = Actor.system("lifecycle");

  static final String STAGE_CHANGED = "account.stage-changed";

  private Lifecycle() {}

  /** The purchase facts of an account at {@code now}; credit notes are not purchases. */
  static PurchaseFacts facts(EntityManager em, String partyId, Instant now, int windowDays) {
    Object[] row =
        em.createQuery(
                "select count(p), min(p.postedAt), max(p.postedAt),"
                    + " sum(case when p.postedAt >= :from then 1 else 0 end)"
                    + " from PurchaseEntity p where p.partyId = :party and p.amount > :zero",
                Object[].class)
            .setParameter("party", partyId)
            .setParameter("from", now.minus(Duration.ofDays(windowDays)))
            .setParameter("zero", BigDecimal.ZERO)
            .getSingleResult();
    long purchases = ((Number) row[0]).longValue();
    Instant first = (Instant) row[1];
    Instant last = (Instant) row[2];
    long inWindow = row[3] == null ? 0 : ((Number) row[3]).longValue();
    long sinceLast = last == null ? -1 : Math.max(0, Duration.between(last, now).toDays());
    return new PurchaseFacts(purchases, inWindow, windowDays, first, last, sinceLast);
  }

  /** Whether the account has purchases (then rules, not people, set its stage). */
  static boolean hasPurchases(EntityManager em, String partyId) {
    return !em.createQuery(
            "select p.sequence from PurchaseEntity p where p.partyId = :party and p.amount > :zero",
            Long.class)
        .setParameter("party", partyId)
        .setParameter("zero", BigDecimal.ZERO)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /**
   * Applies the rules to an account: when a rule moves it, changes the stage, records the
   * transition, the audit entry and the {@value #STAGE_CHANGED} event.
   */
  static Optional<StageTransitionEntity> apply(
      EntityManager em, OrganizationEntity o, LifecycleRules rules, Instant now) {
    PurchaseFacts f = facts(em, o.id, now, rules.windowDays());
    long sinceFirst =
        f.firstPurchaseAt() == null
            ? -1
            : Math.max(0, Duration.between(f.firstPurchaseAt(), now).toDays());
    Optional<LifecycleRule> rule = rules.match(f, sinceFirst);
    if (rule.isEmpty() || rule.get().stage() == o.stage) {
      return Optional.empty();
    }
    LifecycleStage from = o.stage;
    Map<String, Object> before = Map.of("stage", from);
    o.stage = rule.get().stage();
    o.updatedAt = now;
    em.flush();
    String ruleText = rule.get().stage() + ": " + rule.get().condition();
    StageTransitionEntity t =
        record(
            em,
            o.id,
            from,
            o.stage,
            now,
            TransitionCause.RULE,
            ruleText,
            LifecycleRules.describe(f),
            RULES);
    AuditLog.record(
        em,
        RULES,
        AuditAction.UPDATE,
        AuditLog.ACCOUNT,
        o.id,
        before,
        Map.of("stage", o.stage),
        now);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", o.id);
    data.put("erpRef", o.erpRef);
    data.put("from", from);
    data.put("to", o.stage);
    data.put("cause", TransitionCause.RULE);
    data.put("rule", ruleText);
    data.put("version", o.version);
    data.put("by", RULES.user());
    data.put("channel", RULES.channel());
    Outbox.append(em, JpaAccountService.ACCOUNT, o.id, STAGE_CHANGED, data, now);
    return Optional.of(t);
  }

  /** Records a transition (nothing when the stage stays). */
  static StageTransitionEntity record(
      EntityManager em,
      String partyId,
      LifecycleStage from,
      LifecycleStage to,
      Instant at,
      TransitionCause cause,
      String rule,
      String facts,
      Actor actor) {
    StageTransitionEntity t = new StageTransitionEntity();
    t.partyId = partyId;
    t.from = from;
    t.to = to;
    t.at = at;
    t.cause = cause;
    t.rule = rule;
    t.facts = facts;
    t.user = actor.user();
    t.channel = actor.channel();
    em.persist(t);
    return t;
  }

  /** A person's change of stage, if it is one. */
  static void recordManual(
      EntityManager em,
      String partyId,
      LifecycleStage from,
      LifecycleStage to,
      Instant at,
      Actor actor) {
    if (from != to) {
      record(em, partyId, from, to, at, TransitionCause.MANUAL, null, null, actor);
    }
  }

  /** Removes an account's purchases and transitions (the account is being deleted). */
  static void deleteForAccount(EntityManager em, String partyId) {
    em.createQuery("delete from PurchaseEntity p where p.partyId = :party")
        .setParameter("party", partyId)
        .executeUpdate();
    em.createQuery("delete from StageTransitionEntity t where t.partyId = :party")
        .setParameter("party", partyId)
        .executeUpdate();
  }

  static StageTransition toTransition(StageTransitionEntity t) {
    return new StageTransition(
        t.sequence,
        UUID.fromString(t.partyId),
        t.from,
        t.to,
        t.at,
        t.cause,
        t.rule,
        t.facts,
        t.user,
        t.channel);
  }
}
