package org.loopcrm.crm.rest.internal;

import java.net.URI;
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
import org.loopcrm.crm.api.customfield.CustomField;
import org.loopcrm.crm.api.customfield.CustomFieldService;
import org.loopcrm.crm.api.customfield.FieldTarget;
import org.loopcrm.crm.rest.internal.CustomFieldDtos.CustomFieldBody;
import org.loopcrm.crm.rest.internal.CustomFieldDtos.CustomFieldList;
import org.loopcrm.crm.rest.internal.CustomFieldDtos.CustomFieldView;

/** {@code /custom-fields}: definitions of custom fields; every role reads, admins change. */
@Path("/custom-fields")
@Produces(MediaType.APPLICATION_JSON)
public final class CustomFieldResource {
  private final CustomFieldService fields;

  CustomFieldResource(CustomFieldService fields) {
    this.fields = fields;
  }

  /** Lists the definitions, of one target with {@code ?target=}. */
  @GET
  public CustomFieldList list(@Context SecurityContext sc, @QueryParam("target") String target) {
    FieldTarget t = target == null || target.isBlank() ? null : parseTarget(target);
    return new CustomFieldList(
        fields.list(Actors.of(sc), t).stream().map(CustomFieldView::of).toList());
  }

  /** Defines a field. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response define(@Context SecurityContext sc, @Context UriInfo uri, CustomFieldBody body) {
    CustomField f = fields.define(Actors.of(sc), body == null ? null : body.toDraft());
    URI location =
        uri.getAbsolutePathBuilder()
            .path(f.target().name().toLowerCase(java.util.Locale.ROOT))
            .path(f.key())
            .build();
    return Response.created(location)
        .tag(Etags.of(f.version()))
        .entity(CustomFieldView.of(f))
        .build();
  }

  /** Reads a field. */
  @GET
  @Path("{target}/{key}")
  public Response get(
      @Context SecurityContext sc,
      @PathParam("target") String target,
      @PathParam("key") String key) {
    CustomField f = fields.get(Actors.of(sc), CustomFieldDtos.target(target), key);
    return Response.ok(CustomFieldView.of(f)).tag(Etags.of(f.version())).build();
  }

  /** Changes a field (label, required, constraints; the type only while it has no values). */
  @PUT
  @Path("{target}/{key}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("target") String target,
      @PathParam("key") String key,
      CustomFieldBody body) {
    FieldTarget t = CustomFieldDtos.target(target);
    long version = Etags.requiredVersion(headers);
    CustomField f =
        fields.update(Actors.of(sc), t, key, version, body == null ? null : body.toDraft());
    return Response.ok(CustomFieldView.of(f)).tag(Etags.of(f.version())).build();
  }

  /** Deletes a field; with values stored only with {@code ?purge=true}. */
  @DELETE
  @Path("{target}/{key}")
  public Response delete(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("target") String target,
      @PathParam("key") String key,
      @QueryParam("purge") String purge) {
    FieldTarget t = CustomFieldDtos.target(target);
    long version = Etags.requiredVersion(headers);
    fields.delete(Actors.of(sc), t, key, version, Params.bool("purge", purge));
    return Response.noContent().build();
  }

  private static FieldTarget parseTarget(String text) {
    try {
      return FieldTarget.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Params.invalid("target", "must be ACCOUNT or CONTACT");
    }
  }
}
