package org.loopcrm.crm.transfer.internal.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV in UTF-8 (a byte-order mark is skipped), RFC 4180 quoting, comma or semicolon separated (the
 * header line decides: Excel writes semicolons in many locales). Rows are numbered by record, so a
 * quoted value over two lines is still one row.
 */
final class CsvRowReader implements RowReader {

  @Override
  public void read(Path file, Handler handler) {
    char delimiter = delimiter(file);
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .setIgnoreEmptyLines(false)
            .setTrim(true)
            .get();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.mark(1);
      if (in.read() != '\uFEFF') {
        in.reset();
      }
      boolean headerSeen = false;
      for (CSVRecord record : format.parse(in)) {
        List<String> cells = new ArrayList<>(record.size());
        record.forEach(cells::add);
        if (RowReader.blank(cells)) {
          continue;
        }
        if (!headerSeen) {
          headerSeen = true;
          handler.header(cells);
        } else {
          handler.row(record.getRecordNumber(), cells);
        }
      }
    } catch (CharacterCodingException e) {
      throw new UnreadableFile("the file is not UTF-8 text", e);
    } catch (UncheckedIOException e) {
      throw new UnreadableFile("the file is not CSV: " + e.getCause().getMessage(), e);
    } catch (IllegalStateException e) {
      throw new UnreadableFile("the file is not CSV: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UnreadableFile("the file could not be read: " + e.getMessage(), e);
    }
  }

  private static char delimiter(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      if (first == null) {
        return ',';
      }
      long commas = first.chars().filter(c -> c == ',').count();
      long semicolons = first.chars().filter(c -> c == ';').count();
      return semicolons > commas ? ';' : ',';
    } catch (IOException | UncheckedIOException e) {
      return ',';
    }
  }
}
