package org.loopcrm.crm.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.eto.EngineeringService;

/**
 * HTTP Basic authentication of every request; no credentials or wrong ones → 401 with a challenge.
 * Also refuses bodies larger than the configured limit (413) before anything reads them.
 */
@Priority(Priorities.AUTHENTICATION)
final class BasicAuthFilter implements ContainerRequestFilter {
  static final String ACTOR = "crm.actor";
  private final Authenticator authenticator;
  private final long maxBodyBytes;
  private final long maxImportBytes;

  BasicAuthFilter(Authenticator authenticator, long maxBodyBytes) {
    this(authenticator, maxBodyBytes, maxBodyBytes);
  }

  /** With a separate, larger limit for file uploads to {@code /imports}. */
  BasicAuthFilter(Authenticator authenticator, long maxBodyBytes, long maxImportBytes) {
    this.authenticator = authenticator;
    this.maxBodyBytes = maxBodyBytes;
    this.maxImportBytes = maxImportBytes;
  }

  /** Public web-form posts are small: a form never needs more. */
  static final long MAX_PUBLIC_BODY_BYTES = 16 * 1024;

  private static final java.util.regex.Pattern PUBLIC_PATH =
      java.util.regex.Pattern.compile(
          java.util.regex.Pattern.quote(PublicLeadResource.PREFIX) + "[A-Za-z0-9_-]{1,64}");

  /**
   * The one request that needs no credentials besides the OpenAPI document: a POST of a web-to-lead
   * form, {@code public/leads/{formKey}}, nothing below it and no other method.
   */
  static boolean isPublic(String method, String path) {
    return "POST".equals(method) && path != null && PUBLIC_PATH.matcher(path).matches();
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    boolean open = isPublic(request.getMethod(), path);
    long maxBodyBytes =
        open
            ? Math.min(MAX_PUBLIC_BODY_BYTES, this.maxBodyBytes)
            : ImportResource.PATH.equals(path)
                ? maxImportBytes
                : "POST".equals(request.getMethod())
                        && EngineeringResource.ATTACHMENT_UPLOAD.matcher(path).matches()
                    ? Math.max(this.maxBodyBytes, EngineeringService.MAX_ATTACHMENT_BYTES)
                    : this.maxBodyBytes;
    if (request.getLength() > maxBodyBytes) {
      request.abortWith(Problems.tooLarge(maxBodyBytes));
      return;
    }
    if (request.hasEntity()) {
      // Content-Length may be absent (chunked) or wrong: count what is actually read.
      request.setEntityStream(new BodyLimit(request.getEntityStream(), maxBodyBytes));
    }
    if ("GET".equals(request.getMethod())
        && OpenApiResource.PATH.equals(request.getUriInfo().getPath())) {
      return; // the API's description is public
    }
    if (open) {
      return; // web-to-lead: the form's key, rate limit and honeypot guard it
    }
    Optional<Actor> actor = credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (actor.isEmpty()) {
      request.abortWith(
          Response.fromResponse(
                  Problems.response(
                      401,
                      "unauthorized",
                      "Unauthorized",
                      "send HTTP Basic credentials of a CRM user"))
              .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"crm\", charset=\"UTF-8\"")
              .build());
      return;
    }
    Actor a = actor.get();
    request.setProperty(ACTOR, a);
    boolean secure =
        request.getSecurityContext() != null && request.getSecurityContext().isSecure();
    request.setSecurityContext(
        new SecurityContext() {
          @Override
          public Principal getUserPrincipal() {
            return a::user;
          }

          @Override
          public boolean isUserInRole(String role) {
            return a.roles().stream().anyMatch(r -> r.realmName().equals(role));
          }

          @Override
          public boolean isSecure() {
            return secure;
          }

          @Override
          public String getAuthenticationScheme() {
            return SecurityContext.BASIC_AUTH;
          }
        });
  }

  private Optional<Actor> credentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return authenticator.authenticate(
        decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray());
  }
}
