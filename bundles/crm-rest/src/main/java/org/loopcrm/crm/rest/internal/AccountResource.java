package org.loopcrm.crm.rest.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.access.Share;
import org.loopcrm.crm.api.access.ShareService;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.account.ContactDraft;
import org.loopcrm.crm.api.audit.AuditQuery;
import org.loopcrm.crm.api.audit.AuditService;
import org.loopcrm.crm.api.dedupe.DuplicateCandidate;
import org.loopcrm.crm.api.dedupe.DuplicateService;
import org.loopcrm.crm.rest.internal.AccessDtos.AccessView;
import org.loopcrm.crm.rest.internal.AccessDtos.ShareBody;
import org.loopcrm.crm.rest.internal.AccessDtos.ShareList;
import org.loopcrm.crm.rest.internal.AccessDtos.ShareView;
import org.loopcrm.crm.rest.internal.Dtos.AccountBody;
import org.loopcrm.crm.rest.internal.Dtos.AccountPage;
import org.loopcrm.crm.rest.internal.Dtos.AccountView;
import org.loopcrm.crm.rest.internal.Dtos.ContactBody;
import org.loopcrm.crm.rest.internal.Dtos.ContactList;
import org.loopcrm.crm.rest.internal.Dtos.ContactView;

/** {@code /accounts}, their {@code /contacts} and their {@code /history}. */
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountResource {
  private static final String RECORD_TYPE = "account";
  private final AccountService accounts;
  private final AuditService audit;
  private final ShareService shares;
  private final DuplicateService duplicates;

  AccountResource(AccountService accounts, AuditService audit, ShareService shares) {
    this(accounts, audit, shares, null);
  }

  /** With duplicate detection on create and update (decisions.md §18); null: none. */
  AccountResource(
      AccountService accounts,
      AuditService audit,
      ShareService shares,
      DuplicateService duplicates) {
    this.accounts = accounts;
    this.audit = audit;
    this.shares = shares;
    this.duplicates = duplicates;
  }

  /** Creates an account. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @QueryParam("duplicates") String dups,
      AccountBody body) {
    AccountDraft draft = body == null ? null : body.toDraft();
    List<DuplicateCandidate> candidates =
        duplicates == null
            ? List.of()
            : duplicates.screenAccount(Actors.of(sc), draft, null, DuplicateDtos.ignore(dups));
    Account a = accounts.create(Actors.of(sc), draft);
    URI location = uri.getAbsolutePathBuilder().path(a.id().toString()).build();
    return Response.created(location)
        .tag(Etags.of(a.version()))
        .entity(DuplicateDtos.withCandidates(AccountView.of(a), candidates))
        .build();
  }

  /** Lists accounts, a page at a time. */
  @GET
  public Response list(
      @Context SecurityContext sc, @Context UriInfo uri, @BeanParam AccountListParams params) {
    AccountQuery q = params.query(uri);
    Page<Account> page = accounts.list(Actors.of(sc), q);
    Response.ResponseBuilder r =
        Response.ok(
            new AccountPage(
                page.items().stream().map(AccountView::of).toList(),
                page.nextCursor().orElse(null)));
    page.nextCursor()
        .ifPresent(
            c -> r.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", c).build(), "next"));
    return r.build();
  }

  /** Reads an account. */
  @GET
  @Path("{id}")
  public Response get(@Context SecurityContext sc, @PathParam("id") String id) {
    Account a = accounts.get(Actors.of(sc), Ids.parse("account", id));
    return Response.ok(AccountView.of(a)).tag(Etags.of(a.version())).build();
  }

  /** Replaces an account's fields; needs If-Match. */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      @QueryParam("duplicates") String dups,
      AccountBody body) {
    UUID uuid = Ids.parse("account", id);
    long version = Etags.requiredVersion(headers);
    AccountDraft draft = body == null ? null : body.toDraft();
    List<DuplicateCandidate> candidates =
        duplicates == null
            ? List.of()
            : duplicates.screenAccount(Actors.of(sc), draft, uuid, DuplicateDtos.ignore(dups));
    Account a = accounts.update(Actors.of(sc), uuid, version, draft);
    return Response.ok(DuplicateDtos.withCandidates(AccountView.of(a), candidates))
        .tag(Etags.of(a.version()))
        .build();
  }

  /** Archives an account; needs If-Match. */
  @POST
  @Path("{id}/archive")
  public Response archive(
      @Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("id") String id) {
    UUID uuid = Ids.parse("account", id);
    Account a = accounts.archive(Actors.of(sc), uuid, Etags.requiredVersion(headers));
    return Response.ok(AccountView.of(a)).tag(Etags.of(a.version())).build();
  }

  /** Restores an archived account; needs If-Match. */
  @POST
  @Path("{id}/restore")
  public Response restore(
      @Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("id") String id) {
    UUID uuid = Ids.parse("account", id);
    Account a = accounts.restore(Actors.of(sc), uuid, Etags.requiredVersion(headers));
    return Response.ok(AccountView.of(a)).tag(Etags.of(a.version())).build();
  }

  /** Deletes an archived account for good; admins only; needs If-Match. */
  @DELETE
  @Path("{id}")
  public Response delete(
      @Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("id") String id) {
    UUID uuid = Ids.parse("account", id);
    accounts.delete(Actors.of(sc), uuid, Etags.requiredVersion(headers));
    return Response.noContent().build();
  }

  /** Adds a contact. */
  @POST
  @Path("{id}/contacts")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addContact(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @PathParam("id") String id,
      @QueryParam("duplicates") String dups,
      ContactBody body) {
    UUID account = Ids.parse("account", id);
    ContactDraft draft = body == null ? null : body.toDraft();
    List<DuplicateCandidate> candidates =
        duplicates == null
            ? List.of()
            : duplicates.screenContact(
                Actors.of(sc), account, draft, null, DuplicateDtos.ignore(dups));
    Contact c = accounts.addContact(Actors.of(sc), account, draft);
    URI location = uri.getAbsolutePathBuilder().path(c.id().toString()).build();
    return Response.created(location)
        .tag(Etags.of(c.version()))
        .entity(DuplicateDtos.withCandidates(ContactView.of(c), candidates))
        .build();
  }

  /** Lists an account's contacts. */
  @GET
  @Path("{id}/contacts")
  public ContactList contacts(@Context SecurityContext sc, @PathParam("id") String id) {
    List<Contact> list = accounts.contacts(Actors.of(sc), Ids.parse("account", id));
    return new ContactList(list.stream().map(ContactView::of).toList());
  }

  /** Reads a contact. */
  @GET
  @Path("{id}/contacts/{contactId}")
  public Response contact(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @PathParam("contactId") String contactId) {
    Contact c =
        accounts.contact(Actors.of(sc), Ids.parse("account", id), Ids.parse("contact", contactId));
    return Response.ok(ContactView.of(c)).tag(Etags.of(c.version())).build();
  }

  /** Replaces a contact's fields; needs If-Match. */
  @PUT
  @Path("{id}/contacts/{contactId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response updateContact(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      @PathParam("contactId") String contactId,
      @QueryParam("duplicates") String dups,
      ContactBody body) {
    UUID account = Ids.parse("account", id);
    UUID contact = Ids.parse("contact", contactId);
    long version = Etags.requiredVersion(headers);
    ContactDraft draft = body == null ? null : body.toDraft();
    List<DuplicateCandidate> candidates =
        duplicates == null
            ? List.of()
            : duplicates.screenContact(
                Actors.of(sc), account, draft, contact, DuplicateDtos.ignore(dups));
    Contact c = accounts.updateContact(Actors.of(sc), account, contact, version, draft);
    return Response.ok(DuplicateDtos.withCandidates(ContactView.of(c), candidates))
        .tag(Etags.of(c.version()))
        .build();
  }

  /** Removes a contact; needs If-Match. */
  @DELETE
  @Path("{id}/contacts/{contactId}")
  public Response removeContact(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      @PathParam("contactId") String contactId) {
    UUID account = Ids.parse("account", id);
    UUID contact = Ids.parse("contact", contactId);
    accounts.removeContact(Actors.of(sc), account, contact, Etags.requiredVersion(headers));
    return Response.noContent().build();
  }

  /** An account's audit history, newest first; it stays readable after the account is deleted. */
  @GET
  @Path("{id}/history")
  public Response history(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @PathParam("id") String id,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    AuditQuery q =
        AuditResource.query(RECORD_TYPE, Ids.parse("account", id), null, from, to, limit, cursor);
    return AuditResource.page(audit.history(Actors.of(sc), q), uri);
  }

  /** Whom an account is shared with beyond its owner's circle. */
  @GET
  @Path("{id}/shares")
  public ShareList shares(@Context SecurityContext sc, @PathParam("id") String id) {
    return new ShareList(
        shares.shares(Actors.of(sc), RECORD_TYPE, Ids.parse("account", id)).stream()
            .map(ShareView::of)
            .toList());
  }

  /** Shares an account with a user or team, or changes the access of that share. */
  @POST
  @Path("{id}/shares")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response share(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @PathParam("id") String id,
      ShareBody body) {
    UUID account = Ids.parse("account", id);
    ShareBody b = body == null ? new ShareBody(null, null, null) : body;
    Share s = shares.share(Actors.of(sc), RECORD_TYPE, account, b.type(), b.principal(), b.level());
    URI location = uri.getAbsolutePathBuilder().path(s.id().toString()).build();
    return Response.created(location).entity(ShareView.of(s)).build();
  }

  /** Removes a share. */
  @DELETE
  @Path("{id}/shares/{shareId}")
  public Response unshare(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @PathParam("shareId") String shareId) {
    shares.unshare(
        Actors.of(sc), RECORD_TYPE, Ids.parse("account", id), Ids.parse("share", shareId));
    return Response.noContent().build();
  }

  /** What the caller may do with the account: READ or WRITE (as far as record access goes). */
  @GET
  @Path("{id}/access")
  public AccessView access(@Context SecurityContext sc, @PathParam("id") String id) {
    return new AccessView(
        shares.access(Actors.of(sc), RECORD_TYPE, Ids.parse("account", id)).name());
  }
}
