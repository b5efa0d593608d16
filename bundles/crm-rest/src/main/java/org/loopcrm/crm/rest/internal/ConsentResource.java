package org.loopcrm.crm.rest.internal;

import java.util.UUID;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.privacy.PrivacyService;
import org.loopcrm.crm.rest.internal.PrivacyDtos.ConsentBody;
import org.loopcrm.crm.rest.internal.PrivacyDtos.ConsentList;
import org.loopcrm.crm.rest.internal.PrivacyDtos.ConsentView;

/**
 * {@code /accounts/{id}/contacts/{contactId}/consents}: a contact's consent register, addressed
 * like the contact itself. The contact must belong to the account (404 otherwise).
 */
@Path("/accounts/{id}/contacts/{contactId}/consents")
@Produces(MediaType.APPLICATION_JSON)
public final class ConsentResource {
  private final AccountService accounts;
  private final PrivacyService privacy;

  ConsentResource(AccountService accounts, PrivacyService privacy) {
    this.accounts = accounts;
    this.privacy = privacy;
  }

  /** The current consent per purpose and channel. */
  @GET
  public ConsentList current(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @PathParam("contactId") String contactId) {
    Actor actor = Actors.of(sc);
    return new ConsentList(ConsentView.of(privacy.consents(actor, subject(actor, id, contactId))));
  }

  /** Records a consent decision (grant or withdrawal). */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response record(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @PathParam("contactId") String contactId,
      ConsentBody body) {
    Actor actor = Actors.of(sc);
    UUID subject = subject(actor, id, contactId);
    ConsentView v =
        ConsentView.of(
            privacy.recordConsent(
                actor,
                subject,
                (body == null ? new ConsentBody(null, null, null, null, null) : body).toDraft()));
    return Response.status(Response.Status.CREATED).entity(v).build();
  }

  /** Every consent decision, newest first. */
  @GET
  @Path("history")
  public ConsentList history(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @PathParam("contactId") String contactId) {
    Actor actor = Actors.of(sc);
    return new ConsentList(
        ConsentView.of(privacy.consentHistory(actor, subject(actor, id, contactId))));
  }

  private UUID subject(Actor actor, String id, String contactId) {
    UUID account = Ids.parse("account", id);
    UUID contact = Ids.parse("contact", contactId);
    accounts.contact(actor, account, contact);
    return contact;
  }
}
