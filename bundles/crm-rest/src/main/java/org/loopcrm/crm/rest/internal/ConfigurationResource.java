package org.loopcrm.crm.rest.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
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
import javax.ws.rs.core.UriInfo;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.cto.Configuration;
import org.loopcrm.crm.api.cto.ConfiguratorService;
import org.loopcrm.crm.rest.internal.CtoDtos.ConfigurationBody;
import org.loopcrm.crm.rest.internal.CtoDtos.ConfigurationView;

/** {@code /configurations}: complete, valid configurations saved for quotes; never changed. */
@Path("/configurations")
@Produces(MediaType.APPLICATION_JSON)
public final class ConfigurationResource {
  private final ConfiguratorService configurator;

  ConfigurationResource(ConfiguratorService configurator) {
    this.configurator = configurator;
  }

  /** Saves a complete, valid configuration of a model's released revision: 201 + Location. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response save(@Context SecurityContext sc, @Context UriInfo uri, ConfigurationBody body) {
    if (body == null || body.model() == null || body.model().isBlank()) {
      throw new ValidationException(List.of(new FieldError("model", "is required")));
    }
    Map<String, String> selections = body.selections() == null ? Map.of() : body.selections();
    Configuration c = configurator.save(Actors.of(sc), body.model(), selections);
    URI location = uri.getAbsolutePathBuilder().path(c.id().toString()).build();
    return Response.created(location).entity(ConfigurationView.of(c)).build();
  }

  /** A saved configuration. */
  @GET
  @Path("{id}")
  public ConfigurationView get(@Context SecurityContext sc, @PathParam("id") String id) {
    return ConfigurationView.of(configurator.get(Actors.of(sc), Ids.parse("configuration", id)));
  }
}
