package org.loopcrm.crm.rest.internal;

import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** A trivial authenticated endpoint that touches no database: the benchmark's baseline. */
@Path("/ping")
@Produces(MediaType.APPLICATION_JSON)
public final class PingResource {
  private static final Map<String, String> OK = Map.of("status", "ok");

  /** Answers {@code {"status":"ok"}}. */
  @GET
  public Map<String, String> ping() {
    return OK;
  }
}
