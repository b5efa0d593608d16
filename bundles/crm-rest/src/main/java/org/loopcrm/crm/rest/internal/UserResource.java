package org.loopcrm.crm.rest.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.access.TeamService;
import org.loopcrm.crm.api.assignment.Absence;
import org.loopcrm.crm.api.assignment.AssignmentService;
import org.loopcrm.crm.rest.internal.AccessDtos.ManagerBody;
import org.loopcrm.crm.rest.internal.AccessDtos.ProfileView;
import org.loopcrm.crm.rest.internal.AssignmentDtos.AbsenceBody;
import org.loopcrm.crm.rest.internal.AssignmentDtos.AbsenceView;
import org.loopcrm.crm.rest.internal.AssignmentDtos.AssigneeView;
import org.loopcrm.crm.rest.internal.AssignmentDtos.CapacityBody;
import org.loopcrm.crm.rest.internal.AssignmentDtos.SkillsBody;

/** {@code /users/{user}}: a user's manager, teams and reports, which record access follows. */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
public final class UserResource {
  private final TeamService teams;
  private final AssignmentService assignment;

  UserResource(TeamService teams, AssignmentService assignment) {
    this.teams = teams;
    this.assignment = assignment;
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

  /** What the assignment rules know of a user: capacity, skills, current absences. */
  @GET
  @Path("{user}/capacity")
  public AssigneeView capacity(@Context SecurityContext sc, @PathParam("user") String user) {
    return AssigneeView.of(assignment.assignee(Actors.of(sc), user));
  }

  /** Sets how many open records of one kind the rules give the user (null: no limit). */
  @PUT
  @Path("{user}/capacity")
  @Consumes(MediaType.APPLICATION_JSON)
  public AssigneeView setCapacity(
      @Context SecurityContext sc, @PathParam("user") String user, CapacityBody body) {
    return AssigneeView.of(
        assignment.setCapacity(Actors.of(sc), user, body == null ? null : body.capacity()));
  }

  /** The user's skills (as part of what the rules know of them). */
  @GET
  @Path("{user}/skills")
  public AssigneeView skills(@Context SecurityContext sc, @PathParam("user") String user) {
    return AssigneeView.of(assignment.assignee(Actors.of(sc), user));
  }

  /** Replaces the user's skills. */
  @PUT
  @Path("{user}/skills")
  @Consumes(MediaType.APPLICATION_JSON)
  public AssigneeView setSkills(
      @Context SecurityContext sc, @PathParam("user") String user, SkillsBody body) {
    Set<String> skills =
        body == null || body.skills() == null ? Set.of() : new LinkedHashSet<>(body.skills());
    return AssigneeView.of(assignment.setSkills(Actors.of(sc), user, skills));
  }

  /** The user's absences that have not ended. */
  @GET
  @Path("{user}/absences")
  public List<AbsenceView> absences(@Context SecurityContext sc, @PathParam("user") String user) {
    return assignment.assignee(Actors.of(sc), user).absences().stream()
        .map(AbsenceView::of)
        .toList();
  }

  /** Records an absence (the user themself, crm-admin, crm-manager). */
  @POST
  @Path("{user}/absences")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addAbsence(
      @Context SecurityContext sc, @PathParam("user") String user, AbsenceBody body) {
    if (body == null) {
      throw new ValidationException(List.of(new FieldError("from", "is required")));
    }
    Absence a =
        assignment.addAbsence(
            Actors.of(sc),
            user,
            Params.instant("from", body.from()),
            Params.instant("to", body.to()),
            body.reason());
    return Response.status(Response.Status.CREATED).entity(AbsenceView.of(a)).build();
  }

  /** Removes an absence. */
  @DELETE
  @Path("{user}/absences/{id}")
  public Response removeAbsence(
      @Context SecurityContext sc, @PathParam("user") String user, @PathParam("id") String id) {
    assignment.removeAbsence(Actors.of(sc), user, Ids.parse("absence", id));
    return Response.noContent().build();
  }
}
