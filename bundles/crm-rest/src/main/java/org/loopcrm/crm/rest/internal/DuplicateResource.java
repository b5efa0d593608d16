package org.loopcrm.crm.rest.internal;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.dedupe.ClusterStatus;
import org.loopcrm.crm.api.dedupe.DuplicateCluster;
import org.loopcrm.crm.api.dedupe.DuplicateScan;
import org.loopcrm.crm.api.dedupe.DuplicateService;
import org.loopcrm.crm.rest.internal.Dtos.AccountBody;
import org.loopcrm.crm.rest.internal.Dtos.ContactBody;
import org.loopcrm.crm.rest.internal.DuplicateDtos.CandidateList;
import org.loopcrm.crm.rest.internal.DuplicateDtos.CandidateView;
import org.loopcrm.crm.rest.internal.DuplicateDtos.ClusterList;
import org.loopcrm.crm.rest.internal.DuplicateDtos.ClusterView;
import org.loopcrm.crm.rest.internal.DuplicateDtos.ScanView;
import org.loopcrm.crm.rest.internal.DuplicateDtos.SettingsView;

/**
 * {@code /duplicates}: checks of drafts without writing, scans, and the review of the clusters they
 * found.
 */
@Path("/duplicates")
@Produces(MediaType.APPLICATION_JSON)
public final class DuplicateResource {
  private static final int DEFAULT_LIMIT = 50;
  private final DuplicateService duplicates;

  DuplicateResource(DuplicateService duplicates) {
    this.duplicates = duplicates;
  }

  /** The configuration in force. */
  @GET
  @Path("settings")
  public SettingsView settings() {
    return SettingsView.of(duplicates.settings());
  }

  /** Scores an account draft against the readable accounts; writes nothing. */
  @POST
  @Path("check/account")
  @Consumes(MediaType.APPLICATION_JSON)
  public CandidateList checkAccount(
      @Context SecurityContext sc, @QueryParam("exceptId") String exceptId, AccountBody body) {
    return new CandidateList(
        CandidateView.of(
            duplicates.checkAccount(
                Actors.of(sc),
                body == null ? null : body.toDraft(),
                exceptId == null ? null : Params.uuid("exceptId", exceptId))));
  }

  /** Scores a contact draft of an account against the readable contacts; writes nothing. */
  @POST
  @Path("check/contact")
  @Consumes(MediaType.APPLICATION_JSON)
  public CandidateList checkContact(
      @Context SecurityContext sc,
      @QueryParam("accountId") String accountId,
      @QueryParam("exceptId") String exceptId,
      ContactBody body) {
    if (accountId == null) {
      throw Params.invalid("accountId", "is required");
    }
    return new CandidateList(
        CandidateView.of(
            duplicates.checkContact(
                Actors.of(sc),
                Params.uuid("accountId", accountId),
                body == null ? null : body.toDraft(),
                exceptId == null ? null : Params.uuid("exceptId", exceptId))));
  }

  /** Starts a scan in the background: 202 with the scan to poll. */
  @POST
  @Path("scans")
  public Response startScan(@Context SecurityContext sc, @Context UriInfo uri) {
    DuplicateScan s = duplicates.startScan(Actors.of(sc));
    URI location = uri.getAbsolutePathBuilder().path(s.id().toString()).build();
    return Response.accepted(ScanView.of(s)).location(location).build();
  }

  /** The most recent scan. */
  @GET
  @Path("scans/latest")
  public ScanView latestScan(@Context SecurityContext sc) {
    return ScanView.of(
        duplicates
            .latestScan(Actors.of(sc))
            .orElseThrow(() -> new NotFoundException("duplicate scan", "latest")));
  }

  /** Reads a scan. */
  @GET
  @Path("scans/{id}")
  public ScanView scan(@Context SecurityContext sc, @PathParam("id") String id) {
    return ScanView.of(duplicates.scan(Actors.of(sc), Ids.parse("scan", id)));
  }

  /** Stored clusters, best score first. */
  @GET
  @Path("clusters")
  public ClusterList clusters(
      @Context SecurityContext sc,
      @QueryParam("status") String status,
      @QueryParam("limit") String limit) {
    ClusterStatus st = null;
    if (status != null) {
      try {
        st = ClusterStatus.valueOf(status.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw Params.invalid("status", "must be one of OPEN, DISMISSED, MERGED");
      }
    }
    return new ClusterList(
        duplicates
            .clusters(Actors.of(sc), st, Params.integer("limit", limit, DEFAULT_LIMIT))
            .stream()
            .map(ClusterView::of)
            .toList());
  }

  /** Reads a cluster. */
  @GET
  @Path("clusters/{id}")
  public Response cluster(@Context SecurityContext sc, @PathParam("id") String id) {
    DuplicateCluster c = duplicates.cluster(Actors.of(sc), Ids.parse("cluster", id));
    return Response.ok(ClusterView.of(c)).tag(Etags.of(c.version())).build();
  }

  /** Dismisses an open cluster: its members' pairs do not come back; needs If-Match. */
  @POST
  @Path("clusters/{id}/dismiss")
  public Response dismiss(
      @Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("id") String id) {
    UUID uuid = Ids.parse("cluster", id);
    DuplicateCluster c = duplicates.dismiss(Actors.of(sc), uuid, Etags.requiredVersion(headers));
    return Response.ok(ClusterView.of(c)).tag(Etags.of(c.version())).build();
  }

  /** Marks an open cluster merged (after a merge of its members); needs If-Match. */
  @POST
  @Path("clusters/{id}/merged")
  public Response merged(
      @Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("id") String id) {
    UUID uuid = Ids.parse("cluster", id);
    DuplicateCluster c = duplicates.markMerged(Actors.of(sc), uuid, Etags.requiredVersion(headers));
    return Response.ok(ClusterView.of(c)).tag(Etags.of(c.version())).build();
  }
}
