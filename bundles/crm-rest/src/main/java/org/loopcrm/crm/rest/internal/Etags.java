package org.loopcrm.crm.rest.internal;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;

/** Versions as strong entity tags, and the If-Match precondition every change requires. */
final class Etags {
  private Etags() {}

  static EntityTag of(long version) {
    return new EntityTag(Long.toString(version));
  }

  /**
   * The version an If-Match header names. Missing → 428; a tag that names no version can match
   * nothing → 412.
   */
  static long requiredVersion(HttpHeaders headers) {
    String value = headers.getHeaderString(HttpHeaders.IF_MATCH);
    if (value == null || value.isBlank()) {
      throw new WebApplicationException(
          Problems.response(
              428,
              "precondition-required",
              "Precondition required",
              "send If-Match with the ETag of the version you read"));
    }
    String tag = value.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      long v = Long.parseLong(tag);
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new WebApplicationException(
        Problems.response(
            412,
            "stale-version",
            "Precondition failed",
            "If-Match " + value + " matches no version of this resource"));
  }
}
