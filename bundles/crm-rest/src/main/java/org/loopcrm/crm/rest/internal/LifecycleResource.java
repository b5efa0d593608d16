package org.loopcrm.crm.rest.internal;

import java.util.List;
import java.util.UUID;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.lifecycle.LifecycleRule;
import org.loopcrm.crm.api.lifecycle.LifecycleService;
import org.loopcrm.crm.api.lifecycle.LifecycleService.Sweep;
import org.loopcrm.crm.api.lifecycle.PurchaseFacts;
import org.loopcrm.crm.api.lifecycle.StageTransition;
import org.loopcrm.crm.api.lifecycle.TransitionCause;

/**
 * The customer lifecycle: {@code /lifecycle} (the rules, and the sweep over every account with
 * purchases). One account's lifecycle is {@link AccountLifecycleResource}.
 */
@Path("/lifecycle")
@Produces(MediaType.APPLICATION_JSON)
public final class LifecycleResource {
  static final int SWEEP_BATCH = 500;

  private final LifecycleService lifecycle;

  LifecycleResource(LifecycleService lifecycle) {
    this.lifecycle = lifecycle;
  }

  /** The rules in force. */
  record RulesView(List<LifecycleRule> rules) {}

  /** An account's stage and the facts the rules see. */
  record LifecycleView(UUID accountId, LifecycleStage stage, FactsView facts) {}

  /** Purchase facts. */
  record FactsView(
      long purchases,
      long purchasesInWindow,
      int windowDays,
      String firstPurchaseAt,
      String lastPurchaseAt,
      Long daysSinceLastPurchase) {
    static FactsView of(PurchaseFacts f) {
      return new FactsView(
          f.purchases(),
          f.purchasesInWindow(),
          f.windowDays(),
          f.firstPurchaseAt() == null ? null : f.firstPurchaseAt().toString(),
          f.lastPurchaseAt() == null ? null : f.lastPurchaseAt().toString(),
          f.daysSinceLastPurchase() < 0 ? null : f.daysSinceLastPurchase());
    }
  }

  /** One transition. */
  record TransitionView(
      long sequence,
      UUID accountId,
      LifecycleStage from,
      LifecycleStage to,
      String at,
      TransitionCause cause,
      String rule,
      String facts,
      String user,
      Actor.Channel channel) {
    static TransitionView of(StageTransition t) {
      return new TransitionView(
          t.sequence(),
          t.accountId(),
          t.from(),
          t.to(),
          t.at().toString(),
          t.cause(),
          t.rule(),
          t.facts(),
          t.user(),
          t.channel());
    }
  }

  /** A page of transitions. */
  record TransitionPage(List<TransitionView> items, String nextCursor) {}

  /** What an evaluation did. */
  record EvaluationView(boolean moved, TransitionView transition) {}

  /** What a sweep did. */
  record SweepView(int examined, int moved) {}

  /** The rules, in the order they are tried. */
  @GET
  @Path("rules")
  public RulesView rules(@Context SecurityContext sc) {
    return new RulesView(lifecycle.rules(Actors.of(sc)));
  }

  /** Applies the rules to every account with purchases now (what the scheduled route does). */
  @POST
  @Path("evaluate")
  public SweepView sweep(@Context SecurityContext sc) {
    Actor actor = Actors.of(sc);
    int examined = 0;
    int moved = 0;
    String after = null;
    Sweep s;
    do {
      s = lifecycle.evaluateAll(actor, after, SWEEP_BATCH);
      examined += s.examined();
      moved += s.moved();
      after = s.lastId();
    } while (s.examined() == SWEEP_BATCH);
    return new SweepView(examined, moved);
  }
}
