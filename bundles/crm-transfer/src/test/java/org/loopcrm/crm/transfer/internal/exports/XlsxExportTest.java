package org.loopcrm.crm.transfer.internal.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loopcrm.crm.transfer.internal.exports.FakeCrm.ACTOR;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.dataexport.ExportFormat;
import org.loopcrm.crm.api.dataexport.ExportRequest;
import org.loopcrm.crm.api.dataexport.ExportSubject;

class XlsxExportTest {

  private static XSSFWorkbook export(FakeCrm crm, List<String> columns) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    crm.service()
        .export(
            ACTOR,
            new ExportRequest(
                ExportSubject.ACCOUNTS,
                ExportFormat.XLSX,
                AccountQuery.firstPage(50),
                columns,
                false),
            out);
    return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
  }

  @Test
  void headerTextNumbersAndUnicodeAreReadBack() throws IOException {
    Account a = FakeCrm.account("Ærø \"Fisk\", Ltd. =1+1", FakeCrm.open("99.95"));
    try (XSSFWorkbook wb = export(new FakeCrm(List.of(a)), List.of())) {
      XSSFSheet sheet = wb.getSheet("accounts");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("id");
      assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("name");
      assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
      // Text cells are never formulas: no guard needed, the value is kept as it is.
      assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.STRING);
      assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(a.name());
      int open =
          List.copyOf(new FakeCrm(List.of()).service().defaultColumns(ExportSubject.ACCOUNTS))
              .indexOf("openReceivables");
      assertThat(sheet.getRow(1).getCell(open).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(sheet.getRow(1).getCell(open).getNumericCellValue()).isEqualTo(99.95);
    }
  }

  @Test
  void moreRowsThanTheWindowAreAllWritten() throws IOException {
    int n = XlsxSink.WINDOW * 5 + 7;
    FakeCrm crm = new FakeCrm(n, i -> FakeCrm.account("Account " + i, null));
    try (XSSFWorkbook wb = export(crm, List.of("name"))) {
      XSSFSheet sheet = wb.getSheet("accounts");
      assertThat(sheet.getLastRowNum()).isEqualTo(n);
      assertThat(
              IntStream.rangeClosed(1, n)
                  .mapToObj(i -> sheet.getRow(i).getCell(0).getStringCellValue()))
          .startsWith("Account 0", "Account 1")
          .endsWith("Account " + (n - 1));
    }
  }

  @Test
  void anEmptyListIsAHeaderOnly() throws IOException {
    try (XSSFWorkbook wb = export(new FakeCrm(List.of()), List.of("name", "tags"))) {
      XSSFSheet sheet = wb.getSheet("accounts");
      assertThat(sheet.getLastRowNum()).isZero();
      assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("tags");
    }
  }
}
