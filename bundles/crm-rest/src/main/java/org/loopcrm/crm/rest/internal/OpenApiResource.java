package org.loopcrm.crm.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * Serves the OpenAPI 3 document. It is written by hand next to this class and a unit test checks it
 * describes every resource method, so it cannot drift from the code.
 */
@Path(OpenApiResource.PATH)
public final class OpenApiResource {
  static final String PATH = "openapi.json";
  static final String DOCUMENT = "openapi.json";
  private final byte[] document;

  OpenApiResource() {
    try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
      if (in == null) {
        throw new IllegalStateException(DOCUMENT + " is missing from the bundle");
      }
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The OpenAPI document. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public byte[] get() {
    return document.clone();
  }
}
