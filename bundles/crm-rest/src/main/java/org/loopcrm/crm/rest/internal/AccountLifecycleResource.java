package org.loopcrm.crm.rest.internal;

import java.util.Optional;
import java.util.UUID;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.lifecycle.LifecycleService;
import org.loopcrm.crm.api.lifecycle.PurchaseFacts;
import org.loopcrm.crm.api.lifecycle.StageTransition;

/** {@code /accounts/{id}/lifecycle}: an account's stage, purchase facts and transitions. */
@Path("/accounts/{id}/lifecycle")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountLifecycleResource {
  private final LifecycleService lifecycle;
  private final AccountService accounts;

  AccountLifecycleResource(LifecycleService lifecycle, AccountService accounts) {
    this.lifecycle = lifecycle;
    this.accounts = accounts;
  }

  /** The account's stage and purchase facts. */
  @GET
  public LifecycleResource.LifecycleView get(
      @Context SecurityContext sc, @PathParam("id") String id) {
    Actor actor = Actors.of(sc);
    UUID account = Ids.parse("account", id);
    PurchaseFacts facts = lifecycle.facts(actor, account);
    return new LifecycleResource.LifecycleView(
        account, accounts.get(actor, account).stage(), LifecycleResource.FactsView.of(facts));
  }

  /** The account's stage transitions, newest first. */
  @GET
  @Path("transitions")
  public LifecycleResource.TransitionPage transitions(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    Page<StageTransition> page =
        lifecycle.history(
            Actors.of(sc), Ids.parse("account", id), Params.integer("limit", limit, 50), cursor);
    return new LifecycleResource.TransitionPage(
        page.items().stream().map(LifecycleResource.TransitionView::of).toList(),
        page.nextCursor().orElse(null));
  }

  /** Applies the rules to this account now. */
  @POST
  @Path("evaluate")
  public LifecycleResource.EvaluationView evaluate(
      @Context SecurityContext sc, @PathParam("id") String id) {
    Optional<StageTransition> t = lifecycle.evaluate(Actors.of(sc), Ids.parse("account", id));
    return new LifecycleResource.EvaluationView(
        t.isPresent(), t.map(LifecycleResource.TransitionView::of).orElse(null));
  }
}
