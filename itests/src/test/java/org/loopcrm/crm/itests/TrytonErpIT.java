package org.loopcrm.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.loopcrm.crm.api.erp.port.DocumentRef;
import org.loopcrm.crm.api.erp.port.SaleCommand;
import org.loopcrm.crm.api.erp.port.SaleLine;
import org.loopcrm.crm.api.erp.port.SalesPort;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The Tryton connector in the distribution, against the real Tryton of {@code scripts/tryton.sh}
 * (erp profile): an account made over REST becomes a Tryton party and gets its ERP reference; the
 * party renamed in Tryton renames the account; a sale confirmed and its invoice posted in Tryton
 * show on the account's ERP snapshot, documents and timeline.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TrytonErpIT extends CrmTestSupport {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern RECEIVABLE = Pattern.compile("\"receivable\":\"?([-0-9.eE+]+)");
  private static final Pattern ERP_REF = Pattern.compile("\"erpRef\":\"(\\d+)\"");

  private TrytonJsonRpc tryton;

  @Override
  protected Option[] additionalOptions() {
    String cfg = "etc/crm.erp.tryton.cfg";
    return new Option[] {
      editConfigurationFilePut(cfg, "url", TrytonJsonRpc.required("tryton.url")),
      editConfigurationFilePut(cfg, "database", TrytonJsonRpc.required("tryton.db")),
      editConfigurationFilePut(cfg, "user", System.getProperty("tryton.user", "admin")),
      editConfigurationFilePut(cfg, "passwordFile", TrytonJsonRpc.required("tryton.passwordFile")),
      editConfigurationFilePut(cfg, "pollIntervalMs", "1000"),
      // The test driver's properties reach the probe too.
      org.ops4j.pax.exam.CoreOptions.systemProperty("tryton.url")
          .value(TrytonJsonRpc.required("tryton.url")),
      org.ops4j.pax.exam.CoreOptions.systemProperty("tryton.db")
          .value(TrytonJsonRpc.required("tryton.db")),
      org.ops4j.pax.exam.CoreOptions.systemProperty("tryton.passwordFile")
          .value(TrytonJsonRpc.required("tryton.passwordFile"))
    };
  }

  @Before
  public void connect() throws Exception {
    awaitCrmReady();
    if (!featuresService.isInstalled(featuresService.getFeature("crm-erp-tryton"))) {
      featuresService.installFeature(
          "crm-erp-tryton", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
    }
    waitFor(
        "the Tryton ports", BOOT_TIMEOUT, () -> bundleContext.getServiceReference(SalesPort.class));
    tryton = new TrytonJsonRpc();
  }

  private String account(String name) {
    return account(name, DemoUser.ADMIN);
  }

  private String account(String name, DemoUser owner) {
    HttpResult created =
        post(API + "/accounts", owner, "{\"name\":\"" + name + "\",\"stage\":\"PROSPECT\"}");
    assertEquals(created.toString(), 201, created.status());
    return idOf(created);
  }

  private String erpRefOf(String accountId) {
    return waitFor(
        "account " + accountId + " to get its Tryton party as ERP reference",
        WAIT,
        () -> {
          Matcher m = ERP_REF.matcher(get(API + "/accounts/" + accountId, DemoUser.ADMIN).body());
          return m.find() ? m.group(1) : null;
        });
  }

  @Test
  public void anAccountBecomesATrytonPartyAndTrytonsRenameComesBack() throws Exception {
    String name = "Tryton IT " + UUID.randomUUID();
    String id = account(name);

    String party = erpRefOf(id);
    List<Long> byCrmId =
        tryton.search("party.party", "[[\"identifiers.code\",\"=\",\"CRM:" + id + "\"]]");
    assertEquals(List.of(Long.parseLong(party)), byCrmId);
    assertTrue(tryton.model("party.party", "read", "[" + party + "],[\"name\"]").contains(name));

    String renamed = "Renamed in Tryton " + UUID.randomUUID();
    tryton.model("party.party", "write", "[" + party + "],{\"name\":\"" + renamed + "\"}");

    waitFor(
        "Tryton's new name on the account",
        WAIT,
        () -> get(API + "/accounts/" + id, DemoUser.ADMIN).body().contains(renamed));
  }

  @Test
  public void aSaleAndItsPostedInvoiceInTrytonShowOnTheAccount() throws Exception {
    String id = account("Tryton buyer " + UUID.randomUUID());
    String party = erpRefOf(id);
    SalesPort sales = bundleContext.getService(bundleContext.getServiceReference(SalesPort.class));
    DocumentRef sale =
        sales.placeSale(
            new SaleCommand(
                "it-" + UUID.randomUUID(),
                party,
                "IT-1",
                null,
                List.of(new SaleLine("SERVICE", new BigDecimal("2"), new BigDecimal("80"), null)),
                true));
    String read = tryton.model("sale.sale", "read", "[" + sale.id() + "],[\"invoices\"]");
    Matcher invoices = Pattern.compile("\"invoices\":\\s*\\[(\\d+)").matcher(read);
    assertTrue(read, invoices.find());
    tryton.model("account.invoice", "post", "[" + invoices.group(1) + "]");

    java.util.concurrent.atomic.AtomicReference<String> last =
        new java.util.concurrent.atomic.AtomicReference<>();
    try {
      waitFor(
          "the posted invoice's receivable on the account",
          WAIT,
          () -> {
            HttpResult erp = get(API + "/accounts/" + id + "/erp", DemoUser.ADMIN);
            last.set(erp.toString());
            Matcher m = RECEIVABLE.matcher(erp.body());
            return erp.status() == 200
                && m.find()
                && new BigDecimal(m.group(1)).compareTo(new BigDecimal("160")) == 0;
          });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last answer: " + last.get(), e);
    }
    waitFor(
        "the sale among the account's ERP documents",
        WAIT,
        () ->
            get(API + "/accounts/" + id + "/erp/documents", DemoUser.ADMIN)
                .body()
                .contains("\"documentRef\":\"" + sale.id() + "\""));
    HttpResult timeline = get(API + "/accounts/" + id + "/timeline", DemoUser.ADMIN);
    assertTrue(timeline.body(), timeline.body().contains("sale."));
  }

  @Test
  public void availabilityAndCreditAreAskedOfTrytonLive() throws Exception {
    HttpResult widget = get(API + "/erp/availability?product=WIDGET&quantity=1", DemoUser.SALES);
    assertEquals(widget.toString(), 200, widget.status());
    assertTrue(widget.body(), widget.body().contains("\"available\":true"));
    assertTrue(widget.body(), widget.body().contains("\"warehouse\":\"WH\""));
    HttpResult gadget = get(API + "/erp/availability?product=GADGET&quantity=1", DemoUser.SALES);
    assertTrue(gadget.body(), gadget.body().contains("\"available\":false"));
    HttpResult unknown = get(API + "/erp/availability?product=NO-SUCH&quantity=1", DemoUser.SALES);
    assertEquals(unknown.toString(), 404, unknown.status());
    HttpResult bad = get(API + "/erp/availability?product=WIDGET&quantity=-1", DemoUser.SALES);
    assertEquals(bad.toString(), 422, bad.status());

    String id = account("Credit check " + UUID.randomUUID(), DemoUser.SALES);
    erpRefOf(id);
    HttpResult credit = get(API + "/accounts/" + id + "/erp/credit?amount=10", DemoUser.SALES);
    assertEquals(credit.toString(), 200, credit.status());
    assertTrue(credit.body(), credit.body().contains("\"allowed\":true"));
    assertTrue(credit.body(), credit.body().contains("\"currency\":\"EUR\""));
    HttpResult viewer = get(API + "/accounts/" + id + "/erp/credit", DemoUser.VIEWER);
    assertEquals(viewer.toString(), 403, viewer.status());
  }
}
