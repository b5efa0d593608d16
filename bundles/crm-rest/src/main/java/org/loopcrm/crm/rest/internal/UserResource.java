package org.loopcrm.crm.rest.internal;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.access.TeamService;
import org.loopcrm.crm.rest.internal.AccessDtos.ManagerBody;
import org.loopcrm.crm.rest.internal.AccessDtos.ProfileView;

/** {@code /users/{user}}: a user's manager, teams and reports, which record access follows. */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
public final class UserResource {
  private final TeamService teams;

  UserResource(TeamService teams) {
    this.teams = teams;
  }

  /** A user's manager, teams and direct reports. */
  @GET
  @Path("{user}")
  public ProfileView profile(@Context SecurityContext sc, @PathParam("user") String user) {
    return ProfileView.of(teams.profile(Actors.of(sc), user));
  }

  /** Sets whom a user reports to. */
  @PUT
  @Path("{user}/manager")
  @Consumes(MediaType.APPLICATION_JSON)
  public ProfileView setManager(
      @Context SecurityContext sc, @PathParam("user") String user, ManagerBody body) {
    String manager = body == null ? null : body.manager();
    if (manager == null || manager.isBlank()) {
      throw new ValidationException(
          List.of(new FieldError("manager", "is required; DELETE the manager to clear it")));
    }
    return ProfileView.of(teams.setManager(Actors.of(sc), user, manager));
  }

  /** Clears whom a user reports to. */
  @DELETE
  @Path("{user}/manager")
  public ProfileView clearManager(@Context SecurityContext sc, @PathParam("user") String user) {
    return ProfileView.of(teams.setManager(Actors.of(sc), user, null));
  }
}
