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
import org.loopcrm.crm.api.access.Team;
import org.loopcrm.crm.api.access.TeamService;
import org.loopcrm.crm.rest.internal.AccessDtos.TeamBody;
import org.loopcrm.crm.rest.internal.AccessDtos.TeamList;
import org.loopcrm.crm.rest.internal.AccessDtos.TeamView;

/** {@code /teams}: the teams whose members see each other's records. */
@Path("/teams")
@Produces(MediaType.APPLICATION_JSON)
public final class TeamResource {
  private static final String KIND = "team";
  private final TeamService teams;

  TeamResource(TeamService teams) {
    this.teams = teams;
  }

  /** All teams, by name. */
  @GET
  public TeamList list(@Context SecurityContext sc) {
    return new TeamList(teams.teams(Actors.of(sc)).stream().map(TeamView::of).toList());
  }

  /** Creates a team. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Context SecurityContext sc, @Context UriInfo uri, TeamBody body) {
    TeamBody b = body == null ? new TeamBody(null, List.of()) : body;
    Team t =
        teams.createTeam(Actors.of(sc), b.name(), b.members() == null ? List.of() : b.members());
    URI location = uri.getAbsolutePathBuilder().path(t.id().toString()).build();
    return Response.created(location).tag(Etags.of(t.version())).entity(TeamView.of(t)).build();
  }

  /** One team. */
  @GET
  @Path("{id}")
  public Response get(@Context SecurityContext sc, @PathParam("id") String id) {
    Team t = teams.team(Actors.of(sc), Ids.parse(KIND, id));
    return Response.ok(TeamView.of(t)).tag(Etags.of(t.version())).build();
  }

  /** Renames a team and replaces its members; needs If-Match. */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @Context SecurityContext sc,
      @Context HttpHeaders headers,
      @PathParam("id") String id,
      TeamBody body) {
    UUID uuid = Ids.parse(KIND, id);
    long version = Etags.requiredVersion(headers);
    TeamBody b = body == null ? new TeamBody(null, null) : body;
    Team t = teams.updateTeam(Actors.of(sc), uuid, version, b.name(), b.members());
    return Response.ok(TeamView.of(t)).tag(Etags.of(t.version())).build();
  }

  /** Deletes a team and the shares given to it; needs If-Match. */
  @DELETE
  @Path("{id}")
  public Response delete(
      @Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("id") String id) {
    UUID uuid = Ids.parse(KIND, id);
    teams.deleteTeam(Actors.of(sc), uuid, Etags.requiredVersion(headers));
    return Response.noContent().build();
  }
}
