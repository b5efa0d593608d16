package org.loopcrm.crm.rest.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.lead.LeadForm;
import org.loopcrm.crm.api.lead.LeadService;
import org.loopcrm.crm.rest.internal.LeadDtos.FormBody;
import org.loopcrm.crm.rest.internal.LeadDtos.FormList;
import org.loopcrm.crm.rest.internal.LeadDtos.FormView;

/** {@code /lead-forms}: the web-to-lead forms (crm-admin). */
@Path("/lead-forms")
@Produces(MediaType.APPLICATION_JSON)
public final class LeadFormResource {
  private static final String KIND = "lead form";
  private final LeadService leads;

  LeadFormResource(LeadService leads) {
    this.leads = leads;
  }

  /** All forms. */
  @GET
  public FormList list(@Context SecurityContext sc) {
    return new FormList(leads.forms(Actors.of(sc)).stream().map(FormView::of).toList());
  }

  /** Creates a form; without a key it gets a random one. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Context SecurityContext sc, @Context UriInfo uri, FormBody body) {
    LeadForm f = leads.createForm(Actors.of(sc), required(body).toDraft());
    URI location = uri.getAbsolutePathBuilder().path(f.id().toString()).build();
    return Response.created(location).tag(Etags.of(f.version())).entity(FormView.of(f)).build();
  }

  /** One form. */
  @GET
  @Path("{id}")
  public Response get(@Context SecurityContext sc, @PathParam("id") String id) {
    LeadForm f = leads.form(Actors.of(sc), Ids.parse(KIND, id));
    return Response.ok(FormView.of(f)).tag(Etags.of(f.version())).build();
  }

  /** Replaces a form; needs If-Match. */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      FormBody body) {
    UUID uuid = Ids.parse(KIND, id);
    long version = Etags.requiredVersion(headers);
    LeadForm f = leads.updateForm(Actors.of(sc), uuid, version, required(body).toDraft());
    return Response.ok(FormView.of(f)).tag(Etags.of(f.version())).build();
  }

  /** Deletes a form; its leads stay. Needs If-Match. */
  @DELETE
  @Path("{id}")
  public Response delete(
      @Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("id") String id) {
    UUID uuid = Ids.parse(KIND, id);
    leads.deleteForm(Actors.of(sc), uuid, Etags.requiredVersion(headers));
    return Response.noContent().build();
  }

  private static FormBody required(FormBody body) {
    if (body == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    return body;
  }
}
