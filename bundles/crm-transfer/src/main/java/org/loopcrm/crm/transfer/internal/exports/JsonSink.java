package org.loopcrm.crm.transfer.internal.exports;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * One JSON array of objects, written with Jackson's streaming generator: keys are the column names,
 * numbers stay numbers, tags are an array, absent values are null.
 */
final class JsonSink<R> implements Sink<R> {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          // A failed export must not look complete: no closing bracket is added on close.
          .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
          .build();
  private final List<Column<R>> columns;
  private final JsonGenerator json;

  JsonSink(OutputStream out, List<Column<R>> columns) throws IOException {
    this.columns = columns;
    this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    json.writeStartArray();
  }

  @Override
  public void write(R row) throws IOException {
    json.writeStartObject();
    for (Column<R> c : columns) {
      json.writeFieldName(c.name());
      Object v = c.value().apply(row);
      if (v == null) {
        json.writeNull();
      } else if (v instanceof BigDecimal d) {
        json.writeNumber(d);
      } else if (v instanceof Long n) {
        json.writeNumber(n);
      } else if (v instanceof Integer n) {
        json.writeNumber(n);
      } else if (v instanceof List<?> list) {
        json.writeStartArray();
        for (Object item : list) {
          json.writeString(String.valueOf(item));
        }
        json.writeEndArray();
      } else {
        json.writeString(Cells.text(v));
      }
    }
    json.writeEndObject();
  }

  @Override
  public void flush() throws IOException {
    json.flush();
  }

  @Override
  public void finish() throws IOException {
    json.writeEndArray();
    json.flush();
  }

  @Override
  public void close() throws IOException {
    json.close();
  }
}
