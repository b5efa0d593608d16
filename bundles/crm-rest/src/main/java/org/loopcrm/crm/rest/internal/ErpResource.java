package org.loopcrm.crm.rest.internal;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.rest.internal.ErpDtos.AvailabilityView;
import org.loopcrm.crm.rest.internal.ErpDtos.ConflictPage;
import org.loopcrm.crm.rest.internal.ErpDtos.ConflictView;
import org.loopcrm.crm.rest.internal.ErpDtos.ResolutionBody;
import org.loopcrm.crm.rest.internal.ErpDtos.StreamList;
import org.loopcrm.crm.rest.internal.ErpDtos.StreamView;
import org.loopcrm.crm.rest.internal.ErpDtos.WatermarkBody;

/**
 * {@code /erp}: the synchronisation with the ERP as its operators see it — master-data conflicts to
 * review and resolve, and the pollers' stream positions, which an administrator may set back.
 */
@Path("/erp")
@Produces(MediaType.APPLICATION_JSON)
public final class ErpResource {
  private final ErpServices erp;

  ErpResource(ErpServices erp) {
    this.erp = erp;
  }

  /** Conflicts newest first: {@code status=open} (default) or {@code all}. */
  @GET
  @Path("conflicts")
  public ConflictPage conflicts(
      @Context SecurityContext sc,
      @QueryParam("status") String status,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return ConflictPage.of(
        erp.accounts()
            .conflicts(
                Actors.of(sc),
                ErpDtos.openOnly(status),
                Params.integer("limit", limit, 50),
                cursor));
  }

  /** Resolves an open conflict: TOOK_ERP applies the ERP's values, KEPT_CRM keeps the CRM's. */
  /** One command to the ERP and how far it got. */
  @GET
  @Path("commands/{id}")
  public ErpCommandDtos.CommandView command(
      @Context SecurityContext sc, @PathParam("id") String id) {
    return ErpCommandDtos.CommandView.of(
        erp.commands().command(Actors.of(sc), Ids.parse("ERP command", id)));
  }

  /** Hands a FAILED command to the connector again (409 unless it is FAILED). */
  @POST
  @Path("commands/{id}/retry")
  public ErpCommandDtos.CommandView retry(@Context SecurityContext sc, @PathParam("id") String id) {
    return ErpCommandDtos.CommandView.of(
        erp.commands().retry(Actors.of(sc), Ids.parse("ERP command", id)));
  }

  @POST
  @Path("conflicts/{id}/resolve")
  @Consumes(MediaType.APPLICATION_JSON)
  public ConflictView resolve(
      @Context SecurityContext sc, @PathParam("id") String id, ResolutionBody body) {
    if (body == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    return ConflictView.of(
        erp.accounts().resolve(Actors.of(sc), Ids.parse("sync conflict", id), body.toResolution()));
  }

  /**
   * Available-to-promise of a product, asked live of the ERP: on hand now and forecast at {@code
   * date} (default today) in {@code warehouse} (default: the connector's).
   */
  @GET
  @Path("availability")
  public AvailabilityView availability(
      @Context SecurityContext sc,
      @QueryParam("product") String product,
      @QueryParam("quantity") String quantity,
      @QueryParam("date") String date,
      @QueryParam("warehouse") String warehouse,
      @QueryParam("system") String system) {
    return AvailabilityView.of(
        erp.live()
            .availability(
                Actors.of(sc),
                system,
                product,
                Params.decimal("quantity", quantity),
                Params.date("date", date),
                warehouse));
  }

  /** Every polled stream and its watermark. */
  @GET
  @Path("streams")
  public StreamList streams(@Context SecurityContext sc) {
    return new StreamList(erp.facts().streams(Actors.of(sc)).stream().map(StreamView::of).toList());
  }

  /** Sets a stream's watermark (back, usually), so its poller reads again from there; admins. */
  @PUT
  @Path("streams/{system}/{stream}")
  @Consumes(MediaType.APPLICATION_JSON)
  public StreamView rewind(
      @Context SecurityContext sc,
      @PathParam("system") String system,
      @PathParam("stream") String stream,
      WatermarkBody body) {
    if (body == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    return StreamView.of(erp.facts().rewind(Actors.of(sc), system, stream, body.toWatermark()));
  }
}
