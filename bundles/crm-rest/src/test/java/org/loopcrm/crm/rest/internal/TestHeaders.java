package org.loopcrm.crm.rest.internal;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;

/** Request headers holding at most an If-Match value. */
final class TestHeaders implements HttpHeaders {
  private final String ifMatch;

  TestHeaders(String ifMatch) {
    this.ifMatch = ifMatch;
  }

  @Override
  public List<String> getRequestHeader(String name) {
    return ifMatch != null && IF_MATCH.equalsIgnoreCase(name) ? List.of(ifMatch) : List.of();
  }

  @Override
  public String getHeaderString(String name) {
    return IF_MATCH.equalsIgnoreCase(name) ? ifMatch : null;
  }

  @Override
  public MultivaluedMap<String, String> getRequestHeaders() {
    return new MultivaluedHashMap<>();
  }

  @Override
  public List<MediaType> getAcceptableMediaTypes() {
    return List.of();
  }

  @Override
  public List<Locale> getAcceptableLanguages() {
    return List.of();
  }

  @Override
  public MediaType getMediaType() {
    return null;
  }

  @Override
  public Locale getLanguage() {
    return null;
  }

  @Override
  public Map<String, Cookie> getCookies() {
    return Map.of();
  }

  @Override
  public Date getDate() {
    return null;
  }

  @Override
  public int getLength() {
    return -1;
  }
}
