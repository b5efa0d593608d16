package org.loopcrm.crm.rest.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.access.Share;
import org.loopcrm.crm.api.access.ShareService;
import org.loopcrm.crm.api.assignment.AssignmentService;
import org.loopcrm.crm.api.assignment.RecordKind;
import org.loopcrm.crm.api.lead.Lead;
import org.loopcrm.crm.api.lead.LeadDraft;
import org.loopcrm.crm.api.lead.LeadQuery;
import org.loopcrm.crm.api.lead.LeadService;
import org.loopcrm.crm.api.lead.LeadStatus;
import org.loopcrm.crm.rest.internal.AccessDtos.ShareBody;
import org.loopcrm.crm.rest.internal.AccessDtos.ShareList;
import org.loopcrm.crm.rest.internal.AccessDtos.ShareView;
import org.loopcrm.crm.rest.internal.AssignmentDtos.AssignmentList;
import org.loopcrm.crm.rest.internal.AssignmentDtos.AssignmentView;
import org.loopcrm.crm.rest.internal.LeadDtos.ActivityBody;
import org.loopcrm.crm.rest.internal.LeadDtos.ActivityView;
import org.loopcrm.crm.rest.internal.LeadDtos.CandidateView;
import org.loopcrm.crm.rest.internal.LeadDtos.ConversionView;
import org.loopcrm.crm.rest.internal.LeadDtos.ConvertBody;
import org.loopcrm.crm.rest.internal.LeadDtos.ErrorView;
import org.loopcrm.crm.rest.internal.LeadDtos.ImportReport;
import org.loopcrm.crm.rest.internal.LeadDtos.ImportRowView;
import org.loopcrm.crm.rest.internal.LeadDtos.LeadBody;
import org.loopcrm.crm.rest.internal.LeadDtos.LeadPage;
import org.loopcrm.crm.rest.internal.LeadDtos.LeadView;
import org.loopcrm.crm.rest.internal.LeadDtos.ScoreView;
import org.loopcrm.crm.rest.internal.LeadDtos.StatusBody;

/** {@code /leads}: capture, work, scoring, conversion and CSV import of leads. */
@Path("/leads")
@Produces(MediaType.APPLICATION_JSON)
public final class LeadResource {
  static final int MAX_IMPORT_ROWS = 1000;
  private static final String KIND = "lead";
  private final LeadService leads;
  private final AssignmentService assignment;

  private final ShareService shares;

  LeadResource(LeadService leads, AssignmentService assignment) {
    this(leads, assignment, null);
  }

  LeadResource(LeadService leads, AssignmentService assignment, ShareService shares) {
    this.leads = leads;
    this.assignment = assignment;
    this.shares = shares;
  }

  /** The lead's shares. */
  @GET
  @Path("{id}/shares")
  public ShareList shares(@Context SecurityContext sc, @PathParam("id") String id) {
    return new ShareList(
        shares.shares(Actors.of(sc), KIND, Ids.parse(KIND, id)).stream()
            .map(ShareView::of)
            .toList());
  }

  /** Shares the lead with a user or team beyond its owner's circle, or changes that share. */
  @POST
  @Path("{id}/shares")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response share(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @PathParam("id") String id,
      ShareBody body) {
    ShareBody b = body == null ? new ShareBody(null, null, null) : body;
    Share s =
        shares.share(Actors.of(sc), KIND, Ids.parse(KIND, id), b.type(), b.principal(), b.level());
    URI location = uri.getAbsolutePathBuilder().path(s.id().toString()).build();
    return Response.created(location).entity(ShareView.of(s)).build();
  }

  /** Removes a share of the lead. */
  @DELETE
  @Path("{id}/shares/{shareId}")
  public Response unshare(
      @Context SecurityContext sc,
      @PathParam("id") String id,
      @PathParam("shareId") String shareId) {
    shares.unshare(Actors.of(sc), KIND, Ids.parse(KIND, id), Ids.parse("share", shareId));
    return Response.noContent().build();
  }

  /** Leads, newest first, filtered. */
  @GET
  public LeadPage list(
      @Context SecurityContext sc,
      @QueryParam("status") String status,
      @QueryParam("owner") String owner,
      @QueryParam("source") String source,
      @QueryParam("q") String q,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    LeadStatus s = null;
    if (status != null && !status.isBlank()) {
      s = new StatusBody(status, null).target();
    }
    Page<Lead> page =
        leads.list(
            Actors.of(sc),
            new LeadQuery(s, owner, source, q, Params.integer("limit", limit, 50), cursor));
    return new LeadPage(
        page.items().stream().map(LeadView::of).toList(), page.nextCursor().orElse(null));
  }

  /** Captures a lead; the assignment rules choose the owner unless one is given. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Context SecurityContext sc, @Context UriInfo uri, LeadBody body) {
    Lead l = leads.create(Actors.of(sc), required(body).toDraft());
    URI location = uri.getAbsolutePathBuilder().path(l.id().toString()).build();
    return Response.created(location).tag(Etags.of(l.version())).entity(LeadView.of(l)).build();
  }

  /** One lead. */
  @GET
  @Path("{id}")
  public Response get(@Context SecurityContext sc, @PathParam("id") String id) {
    Lead l = leads.get(Actors.of(sc), Ids.parse(KIND, id));
    return Response.ok(LeadView.of(l)).tag(Etags.of(l.version())).build();
  }

  /** Replaces a lead's fields; needs If-Match. */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      LeadBody body) {
    UUID uuid = Ids.parse(KIND, id);
    long version = Etags.requiredVersion(headers);
    Lead l = leads.update(Actors.of(sc), uuid, version, required(body).toDraft());
    return Response.ok(LeadView.of(l)).tag(Etags.of(l.version())).build();
  }

  /** Moves a lead to another status; needs If-Match. */
  @POST
  @Path("{id}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response status(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      StatusBody body) {
    UUID uuid = Ids.parse(KIND, id);
    long version = Etags.requiredVersion(headers);
    if (body == null) {
      throw new ValidationException(List.of(new FieldError("status", "is required")));
    }
    Lead l = leads.transition(Actors.of(sc), uuid, version, body.target(), body.reason());
    return Response.ok(LeadView.of(l)).tag(Etags.of(l.version())).build();
  }

  /** The lead's score now, each contribution explained. */
  @GET
  @Path("{id}/score")
  public ScoreView score(@Context SecurityContext sc, @PathParam("id") String id) {
    return ScoreView.of(leads.score(Actors.of(sc), Ids.parse(KIND, id)));
  }

  /** The lead's activities, newest first. */
  @GET
  @Path("{id}/activities")
  public List<ActivityView> activities(@Context SecurityContext sc, @PathParam("id") String id) {
    return leads.activities(Actors.of(sc), Ids.parse(KIND, id)).stream()
        .map(ActivityView::of)
        .toList();
  }

  /** Logs an activity of the lead (scored by ACTIVITY rules). */
  @POST
  @Path("{id}/activities")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addActivity(
      @Context SecurityContext sc, @PathParam("id") String id, ActivityBody body) {
    ActivityBody b = body == null ? new ActivityBody(null, null) : body;
    return Response.status(Response.Status.CREATED)
        .entity(
            ActivityView.of(
                leads.addActivity(Actors.of(sc), Ids.parse(KIND, id), b.kind(), b.note())))
        .build();
  }

  /** Existing accounts and contacts that look like the lead, to merge into at conversion. */
  @GET
  @Path("{id}/conversion-candidates")
  public List<CandidateView> candidates(@Context SecurityContext sc, @PathParam("id") String id) {
    return leads.conversionCandidates(Actors.of(sc), Ids.parse(KIND, id)).stream()
        .map(CandidateView::of)
        .toList();
  }

  /** Converts the lead into account, contact (and opportunity) in one transaction; If-Match. */
  @POST
  @Path("{id}/convert")
  @Consumes(MediaType.APPLICATION_JSON)
  public ConversionView convert(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      ConvertBody body) {
    UUID uuid = Ids.parse(KIND, id);
    long version = Etags.requiredVersion(headers);
    ConvertBody b = body == null ? new ConvertBody(null, null, null) : body;
    return ConversionView.of(leads.convert(Actors.of(sc), uuid, version, b.toConversion()));
  }

  /** The lead's assignments, newest first, each explained. */
  @GET
  @Path("{id}/assignments")
  public AssignmentList assignments(@Context SecurityContext sc, @PathParam("id") String id) {
    UUID uuid = Ids.parse(KIND, id);
    return new AssignmentList(
        assignment.history(Actors.of(sc), RecordKind.LEAD, uuid.toString()).stream()
            .map(AssignmentView::of)
            .toList());
  }

  /**
   * Imports leads from CSV (a header row naming lead fields, then one lead per row); each row is
   * its own transaction and the answer reports every row.
   */
  @POST
  @Path("import")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  public ImportReport importCsv(@Context SecurityContext sc, String body) {
    return importRows(leads, Actors.of(sc), body);
  }

  static ImportReport importRows(LeadService leads, Actor actor, String body) {
    List<List<String>> rows;
    try {
      rows = LeadCsv.parse(body == null ? "" : body);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(List.of(new FieldError("body", e.getMessage())));
    }
    if (rows.isEmpty()) {
      throw new ValidationException(
          List.of(new FieldError("body", "needs a header row naming lead fields")));
    }
    List<String> header = rows.get(0).stream().map(String::strip).toList();
    List<String> known =
        List.of(
            "firstName",
            "lastName",
            "company",
            "title",
            "email",
            "phone",
            "country",
            "region",
            "postcode",
            "industry",
            "employees",
            "source",
            "campaign",
            "owner");
    List<FieldError> bad = new ArrayList<>();
    for (String h : header) {
      if (!known.contains(h)) {
        bad.add(new FieldError("header", "'" + h + "' is not one of " + String.join(", ", known)));
      }
    }
    if (!bad.isEmpty()) {
      throw new ValidationException(bad);
    }
    if (rows.size() - 1 > MAX_IMPORT_ROWS) {
      throw new ValidationException(
          List.of(new FieldError("body", "at most " + MAX_IMPORT_ROWS + " rows per import")));
    }
    List<ImportRowView> results = new ArrayList<>();
    int created = 0;
    for (int r = 1; r < rows.size(); r++) {
      Map<String, String> v = new LinkedHashMap<>();
      List<String> row = rows.get(r);
      for (int c = 0; c < header.size() && c < row.size(); c++) {
        v.put(header.get(c), row.get(c));
      }
      try {
        if (row.size() > header.size()) {
          throw new ValidationException(
              List.of(new FieldError("row", "has more fields than the header")));
        }
        Integer employees = null;
        String e = v.get("employees");
        if (e != null && !e.isBlank()) {
          try {
            employees = Integer.valueOf(e.strip());
          } catch (NumberFormatException x) {
            throw new ValidationException(
                List.of(new FieldError("employees", "must be a whole number")));
          }
        }
        String source = v.get("source");
        Lead l =
            leads.create(
                actor,
                new LeadDraft(
                    v.get("firstName"),
                    v.get("lastName"),
                    v.get("company"),
                    v.get("title"),
                    v.get("email"),
                    v.get("phone"),
                    v.get("country"),
                    v.get("region"),
                    v.get("postcode"),
                    v.get("industry"),
                    employees,
                    source == null || source.isBlank() ? "import" : source,
                    v.get("campaign"),
                    v.get("owner"),
                    null));
        results.add(new ImportRowView(r + 1, l.id(), List.of()));
        created++;
      } catch (ValidationException x) {
        results.add(
            new ImportRowView(
                r + 1,
                null,
                x.errors().stream().map(f -> new ErrorView(f.field(), f.message())).toList()));
      }
    }
    return new ImportReport(rows.size() - 1, created, rows.size() - 1 - created, results);
  }

  private static LeadBody required(LeadBody body) {
    if (body == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    return body;
  }
}
