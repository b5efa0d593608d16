package org.loopcrm.crm.transfer.internal.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loopcrm.crm.transfer.internal.exports.FakeCrm.ACTOR;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.dataexport.ExportFormat;
import org.loopcrm.crm.api.dataexport.ExportRequest;
import org.loopcrm.crm.api.dataexport.ExportSubject;

/**
 * 50,000 generated accounts go out page by page: the list is read {@value ExportServiceImpl#PAGE}
 * at a time through the cursor (the service never asks for more), and the text formats hand their
 * first bytes to the stream after the first page, long before the source is exhausted.
 */
class StreamingExportTest {
  private static final int SIZE = 50_000;
  private static final int PAGES = SIZE / ExportServiceImpl.PAGE;

  /** Counts bytes and notes how many pages the source had served at each write. */
  private static final class PageObservingStream extends OutputStream {
    final FakeCrm crm;
    final List<Integer> pagesAtWrite = new ArrayList<>();
    long bytes;

    PageObservingStream(FakeCrm crm) {
      this.crm = crm;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
      pagesAtWrite.add(crm.pagesServed);
    }
  }

  private static PageObservingStream export(ExportFormat format) throws IOException {
    FakeCrm crm = new FakeCrm(SIZE, i -> FakeCrm.account("Account " + i, null));
    PageObservingStream out = new PageObservingStream(crm);
    long count =
        crm.service()
            .export(
                ACTOR,
                new ExportRequest(
                    ExportSubject.ACCOUNTS,
                    format,
                    AccountQuery.firstPage(50),
                    format == ExportFormat.VCARD ? List.of() : List.of("id", "name"),
                    false),
                out);
    assertThat(count).isEqualTo(SIZE);
    assertThat(crm.pagesServed).isEqualTo(PAGES);
    assertThat(crm.queries).allSatisfy(q -> assertThat(q.limit()).isEqualTo(200));
    assertThat(crm.audits)
        .singleElement()
        .satisfies(a -> assertThat(a).containsEntry("count", "50000"));
    return out;
  }

  @ParameterizedTest
  @EnumSource(
      value = ExportFormat.class,
      names = {"CSV", "JSON", "VCARD"})
  void textFormatsWriteEachPageBeforeReadingTheNext(ExportFormat format) throws IOException {
    PageObservingStream out = export(format);

    assertThat(out.pagesAtWrite.get(0)).isEqualTo(1);
    // Bytes reached the stream while every single page was the latest one read.
    assertThat(new TreeSet<>(out.pagesAtWrite)).hasSize(PAGES);
    assertThat(out.bytes).isGreaterThan(SIZE * 10L);
  }

  @ParameterizedTest
  @EnumSource(
      value = ExportFormat.class,
      names = {"XLSX"})
  void xlsxReadsPageByPageAndWritesTheZipAtTheEnd(ExportFormat format) throws IOException {
    PageObservingStream out = export(format);

    // SXSSF keeps a window of rows and spills the rest to a temporary file; the zip comes last.
    assertThat(out.pagesAtWrite).allSatisfy(p -> assertThat(p).isEqualTo(PAGES));
    assertThat(out.bytes).isGreaterThan(100_000L);
  }
}
