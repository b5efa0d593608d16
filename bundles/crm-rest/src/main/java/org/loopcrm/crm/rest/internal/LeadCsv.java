package org.loopcrm.crm.rest.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader for lead imports: comma-separated, fields in double quotes may hold
 * commas, quotes (doubled) and line breaks; CRLF or LF ends a record.
 */
final class LeadCsv {
  private LeadCsv() {}

  /** The records of the text; a quote left open is an error. */
  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int i = 0;
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || field.length() > 0) {
          row.add(field.toString());
          rows.add(row);
        }
        row = new ArrayList<>();
        field.setLength(0);
        any = false;
      } else {
        field.append(c);
        any = true;
      }
      i++;
    }
    if (quoted) {
      throw new IllegalArgumentException("a quoted field is not closed");
    }
    if (any || field.length() > 0) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
