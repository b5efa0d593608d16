package org.loopcrm.crm.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The embedded libraries do what the bundle relies on: the dependency set is complete. */
class EmbeddedLibrariesTest {

  @Test
  void streamingXlsxWrittenIsReadBack() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
      Sheet sheet = wb.createSheet("accounts");
      Row header = sheet.createRow(0);
      header.createCell(0).setCellValue("name");
      Row row = sheet.createRow(1);
      row.createCell(0).setCellValue("Acme Ümlaut GmbH");
      wb.write(out);
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(wb.getSheet("accounts").getRow(1).getCell(0).getStringCellValue())
          .isEqualTo("Acme Ümlaut GmbH");
    }
  }

  @Test
  void csvWithQuotedSeparatorsParses() throws IOException {
    List<CSVRecord> records =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader("name,city\n\"Acme, Inc.\",Berlin\n"))
            .getRecords();
    assertThat(records).hasSize(1);
    assertThat(records.get(0).get("name")).isEqualTo("Acme, Inc.");
  }

  @Test
  void vcardIsWrittenAsVersionFour() {
    VCard card = new VCard();
    card.setFormattedName("Ada Lovelace");
    card.addEmail("ada@example.org");
    String text = Ezvcard.write(card).version(VCardVersion.V4_0).prodId(false).go();
    assertThat(text).contains("VERSION:4.0").contains("FN:Ada Lovelace");
  }
}
