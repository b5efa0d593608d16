package org.loopcrm.crm.rest.internal;

import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.dataimport.ImportEntity;
import org.loopcrm.crm.api.dataimport.ImportFormat;
import org.loopcrm.crm.api.dataimport.ImportJob;
import org.loopcrm.crm.api.dataimport.ImportMode;
import org.loopcrm.crm.api.dataimport.ImportOptions;
import org.loopcrm.crm.api.dataimport.ImportState;
import org.loopcrm.crm.api.dataimport.Importer;
import org.loopcrm.crm.api.dataimport.MatchKey;
import org.loopcrm.crm.api.dataimport.RowOutcome;
import org.loopcrm.crm.api.dataimport.RowResult;

/**
 * {@code /imports}: upload a CSV or XLSX file as the raw request body and get a job (202) that runs
 * in the background; poll the job for progress and page through its per-row report.
 */
@Path(ImportResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public final class ImportResource {
  static final String PATH = "imports";
  static final String CSV = "text/csv";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final int DEFAULT_LIMIT = 100;
  private final Importer importer;

  ImportResource(Importer importer) {
    this.importer = importer;
  }

  /** Starts an import of the body; 202 with the QUEUED job and its Location. */
  @POST
  @Consumes({CSV, XLSX})
  public Response start(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      @QueryParam("fileName") String fileName,
      @QueryParam("entity") String entity,
      @QueryParam("match") String match,
      @QueryParam("mode") String mode,
      @QueryParam("dryRun") String dryRun,
      @QueryParam("mapping") List<String> mapping,
      InputStream body) {
    MediaType type = headers.getMediaType();
    ImportFormat format =
        type != null && type.isCompatible(MediaType.valueOf(XLSX))
            ? ImportFormat.XLSX
            : ImportFormat.CSV;
    ImportOptions options =
        new ImportOptions(
            entity(entity),
            mapping(mapping),
            match(match),
            mode(mode),
            dryRun != null && Params.bool("dryRun", dryRun));
    String name =
        fileName == null || fileName.isBlank()
            ? "upload." + format.name().toLowerCase(Locale.ROOT)
            : fileName;
    ImportJob job = importer.submit(Actors.of(sc), name, format, body, options);
    URI location = uri.getAbsolutePathBuilder().path(job.id().toString()).build();
    return Response.accepted(JobView.of(job)).location(location).build();
  }

  /** The job: state and counters. */
  @GET
  @Path("{id}")
  public JobView get(@Context SecurityContext sc, @PathParam("id") String id) {
    return JobView.of(importer.job(Actors.of(sc), Ids.parse("import", id)));
  }

  /** The per-row results, in row order, a page at a time. */
  @GET
  @Path("{id}/report")
  public Response report(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @PathParam("id") String id,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    Page<RowResult> page =
        importer.report(
            Actors.of(sc),
            Ids.parse("import", id),
            cursor,
            Params.integer("limit", limit, DEFAULT_LIMIT));
    Response.ResponseBuilder r =
        Response.ok(
            new ReportPage(
                page.items().stream().map(RowView::of).toList(), page.nextCursor().orElse(null)));
    page.nextCursor()
        .ifPresent(
            c -> r.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", c).build(), "next"));
    return r.build();
  }

  /** Cancels the job; rows written so far stay. */
  @POST
  @Path("{id}/cancel")
  public JobView cancel(@Context SecurityContext sc, @PathParam("id") String id) {
    return JobView.of(importer.cancel(Actors.of(sc), Ids.parse("import", id)));
  }

  private static ImportEntity entity(String text) {
    if (text == null || text.isBlank()) {
      return ImportEntity.ACCOUNT;
    }
    try {
      return ImportEntity.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Params.invalid("entity", "must be ACCOUNT");
    }
  }

  /** ERP_REF, erpRef, erp-ref … are one key. */
  static MatchKey match(String text) {
    if (text == null || text.isBlank()) {
      return MatchKey.NONE;
    }
    String t = text.strip().toUpperCase(Locale.ROOT).replace("_", "").replace("-", "");
    for (MatchKey k : MatchKey.values()) {
      if (k.name().replace("_", "").equals(t)) {
        return k;
      }
    }
    throw Params.invalid("match", "must be one of erpRef, email, taxId, none");
  }

  static ImportMode mode(String text) {
    if (text == null || text.isBlank()) {
      return ImportMode.UPSERT;
    }
    String t = text.strip().toUpperCase(Locale.ROOT).replace("-", "_");
    try {
      return ImportMode.valueOf(t);
    } catch (IllegalArgumentException e) {
      throw Params.invalid("mode", "must be upsert or insert-only");
    }
  }

  /** {@code column=field} pairs, comma-separated or as repeated parameters. */
  static Map<String, String> mapping(List<String> params) {
    Map<String, String> m = new LinkedHashMap<>();
    if (params == null) {
      return m;
    }
    for (String param : params) {
      for (String pair : param.split(",")) {
        if (pair.isBlank()) {
          continue;
        }
        int eq = pair.lastIndexOf('=');
        if (eq < 1) {
          throw Params.invalid("mapping", "must be column=field pairs, not " + pair.strip());
        }
        m.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    return m;
  }

  /** An import job as the API shows it. */
  record JobView(
      UUID id,
      ImportState state,
      String user,
      String fileName,
      ImportFormat format,
      ImportEntity entity,
      Map<String, String> mapping,
      MatchKey match,
      ImportMode mode,
      boolean dryRun,
      Long rowsTotal,
      long rowsProcessed,
      long inserted,
      long updated,
      long rejected,
      long lastRow,
      Integer percent,
      String message,
      String createdAt,
      String updatedAt) {
    static JobView of(ImportJob j) {
      Integer percent =
          j.rowsTotal() == null
              ? null
              : j.rowsTotal() == 0
                  ? 100
                  : (int) Math.min(100, j.rowsProcessed() * 100 / j.rowsTotal());
      return new JobView(
          j.id(),
          j.state(),
          j.user(),
          j.fileName(),
          j.format(),
          j.options().entity(),
          j.options().mapping(),
          j.options().matchKey(),
          j.options().mode(),
          j.options().dryRun(),
          j.rowsTotal(),
          j.rowsProcessed(),
          j.inserted(),
          j.updated(),
          j.rejected(),
          j.lastRow(),
          percent,
          j.message(),
          j.createdAt().toString(),
          j.updatedAt().toString());
    }
  }

  /** One row's result. */
  record RowView(long row, RowOutcome outcome, UUID recordId, List<Map<String, String>> errors) {
    static RowView of(RowResult r) {
      return new RowView(
          r.rowNumber(),
          r.outcome(),
          r.recordId(),
          r.errors().stream()
              .map(e -> Map.of("field", e.field(), "message", e.message()))
              .toList());
    }
  }

  /** A page of row results. */
  record ReportPage(List<RowView> items, String nextCursor) {}
}
