package org.loopcrm.crm.api.dataexport;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The file formats an export is written in. */
public enum ExportFormat {
  /** RFC 4180 comma-separated values, UTF-8, with a header row. */
  CSV("csv", "text/csv; charset=UTF-8", "csv"),
  /** An Office Open XML workbook with one sheet and a header row. */
  XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
  /** vCard 4.0: one card per contact; accounts as {@code KIND:org} cards. */
  VCARD("vcard", "text/vcard; charset=UTF-8", "vcf"),
  /** One JSON array of objects, one object per record. */
  JSON("json", "application/json", "json");

  private final String token;
  private final String mediaType;
  private final String extension;

  ExportFormat(String token, String mediaType, String extension) {
    this.token = token;
    this.mediaType = mediaType;
    this.extension = extension;
  }

  /** The name used in requests and commands, e.g. {@code csv}. */
  public String token() {
    return token;
  }

  /** The media type of the written file. */
  public String mediaType() {
    return mediaType;
  }

  /** The usual file name extension, without the dot. */
  public String extension() {
    return extension;
  }

  /** The format of a token, case-insensitive; empty if there is none. */
  public static Optional<ExportFormat> fromToken(String token) {
    if (token == null) {
      return Optional.empty();
    }
    String t = token.strip().toLowerCase(Locale.ROOT);
    if (t.equals("vcf")) {
      return Optional.of(VCARD);
    }
    return Arrays.stream(values()).filter(f -> f.token.equals(t)).findFirst();
  }
}
