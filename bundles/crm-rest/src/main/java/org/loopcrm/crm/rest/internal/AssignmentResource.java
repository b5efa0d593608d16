package org.loopcrm.crm.rest.internal;

import java.util.ArrayList;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.assignment.AssignmentService;
import org.loopcrm.crm.api.assignment.RecordKind;
import org.loopcrm.crm.rest.internal.AssignmentDtos.AssignmentList;
import org.loopcrm.crm.rest.internal.AssignmentDtos.AssignmentView;

/** {@code /assignments/{kind}/{recordId}}: the assignments of one record, with why. */
@Path("/assignments")
@Produces(MediaType.APPLICATION_JSON)
public final class AssignmentResource {
  private final AssignmentService assignment;

  AssignmentResource(AssignmentService assignment) {
    this.assignment = assignment;
  }

  /** The record's assignments, newest first. */
  @GET
  @Path("{kind}/{recordId}")
  public AssignmentList history(
      @Context SecurityContext sc,
      @PathParam("kind") String kind,
      @PathParam("recordId") String recordId) {
    List<FieldError> errors = new ArrayList<>();
    RecordKind k = AssignmentDtos.parse(RecordKind.class, "kind", kind, errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new AssignmentList(
        assignment.history(Actors.of(sc), k, recordId).stream().map(AssignmentView::of).toList());
  }
}
