package org.loopcrm.crm.rest.internal;

import java.time.Clock;
import javax.ws.rs.BeanParam;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.loopcrm.crm.api.dataexport.ExportService;
import org.loopcrm.crm.api.dataexport.ExportSubject;

/**
 * {@code /accounts/export}: the accounts the list {@code GET /accounts} would show for the same
 * query parameters, as CSV, XLSX, vCard or JSON, streamed.
 */
@Path("/accounts/export")
public final class AccountExportResource {
  private final ExportService exports;
  private final Clock clock;

  AccountExportResource(ExportService exports, Clock clock) {
    this.exports = exports;
    this.clock = clock;
  }

  /** Streams the export; format and columns are checked before the first byte. */
  @GET
  public Response export(
      @Context SecurityContext sc,
      @Context UriInfo uri,
      @BeanParam AccountListParams list,
      @QueryParam("format") String format,
      @QueryParam("columns") String columns,
      @QueryParam("bom") String bom) {
    return Exports.stream(
        exports,
        Actors.of(sc),
        ExportSubject.ACCOUNTS,
        list.query(uri),
        format,
        columns,
        bom,
        clock);
  }
}
