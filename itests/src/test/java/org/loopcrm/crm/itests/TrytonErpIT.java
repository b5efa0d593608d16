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
 * show on the account's ERP snapshot, documents and timeline; a won engineer-to-order opportunity
 * becomes a Tryton project with its engineering tasks, then, once its BOM is released, a production
 * built from that BOM.
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

    // Contact mechanisms added in the CRM reach the party too.
    String email = "it-" + UUID.randomUUID() + "@example.com";
    HttpResult mail =
        post(
            API + "/accounts/" + id + "/mechanisms",
            DemoUser.ADMIN,
            "{\"kind\":\"EMAIL\",\"value\":\"" + email + "\",\"purposes\":[\"PRIMARY\"]}");
    assertEquals(mail.toString(), 201, mail.status());
    String street = "Hauptstrasse " + (System.nanoTime() % 1000);
    HttpResult postal =
        post(
            API + "/accounts/" + id + "/mechanisms",
            DemoUser.ADMIN,
            "{\"kind\":\"POSTAL\",\"address\":{\"street\":\""
                + street
                + "\",\"postalCode\":\"10115\",\"city\":\"Berlin\",\"country\":\"DE\"},\"purposes\":[\"PRIMARY\"]}");
    assertEquals(postal.toString(), 201, postal.status());
    waitFor(
        "the e-mail on the Tryton party",
        WAIT,
        () ->
            !tryton
                .search(
                    "party.contact_mechanism",
                    "[[\"party\",\"=\"," + party + "],[\"value\",\"=\",\"" + email + "\"]]")
                .isEmpty());
    waitFor(
        "the postal address on the Tryton party",
        WAIT,
        () ->
            !tryton
                .search(
                    "party.address",
                    "[[\"party\",\"=\"," + party + "],[\"street\",\"=\",\"" + street + "\"]]")
                .isEmpty());

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

  private static final Pattern PROJECT_COMMAND =
      Pattern.compile("\"projectCommandId\":\"([0-9a-f-]{36})\"");
  private static final Pattern PRODUCTION_COMMAND =
      Pattern.compile("\"productionCommandId\":\"([0-9a-f-]{36})\"");

  private static String etagOf(HttpResult r) {
    return r.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + r));
  }

  private HttpResult change(String method, String path, DemoUser user, String etag, String json) {
    HttpResult r =
        json == null
            ? request(method, path, user, null, "If-Match", etag)
            : request(
                method, path, user, json, "Content-Type", "application/json", "If-Match", etag);
    assertEquals(r.toString(), 200, r.status());
    return r;
  }

  private static String matched(Pattern p, HttpResult r) {
    Matcher m = p.matcher(r.body());
    assertTrue(r.toString(), m.find());
    return m.group(1);
  }

  private static boolean hasProduct(String json, long product) {
    return Pattern.compile("\"product\":\\s*" + product + "\\b").matcher(json).find();
  }

  private long productId(String code) throws Exception {
    return tryton.search("product.product", "[[\"code\",\"=\",\"" + code + "\"]]").get(0);
  }

  @Test
  public void aWonEngineerToOrderOpportunityBecomesATrytonProjectThenAProduction()
      throws Exception {
    String accountId = account("ETO maker " + UUID.randomUUID(), DemoUser.SALES);
    String name = "ETO press " + UUID.randomUUID();
    HttpResult opportunity =
        post(
            API + "/opportunities",
            DemoUser.SALES,
            "{\"accountId\":\""
                + accountId
                + "\",\"name\":\""
                + name
                + "\",\"type\":\"ENGINEER_TO_ORDER\",\"closeDate\":\"2027-03-31\"}");
    assertEquals(opportunity.toString(), 201, opportunity.status());
    String oppId = idOf(opportunity);
    HttpResult r = get(API + "/engineering-requests?opportunityId=" + oppId, DemoUser.SALES);
    assertEquals(r.toString(), 200, r.status());
    String path = API + "/engineering-requests/" + idOf(r);
    r =
        change(
            "PUT",
            path,
            DemoUser.SALES,
            etagOf(r),
            "{\"productCode\":\"ASSEMBLY\",\"quantity\":1,\"specification\":\"special\"}");
    r =
        change(
            "PUT", path + "/feasibility", DemoUser.ADMIN, etagOf(r), "{\"verdict\":\"FEASIBLE\"}");
    r =
        change(
            "PUT",
            path + "/tasks",
            DemoUser.SALES,
            etagOf(r),
            "{\"tasks\":[{\"name\":\"Design\",\"effortHours\":8},"
                + "{\"name\":\"Prototype\",\"effortHours\":24}]}");
    r =
        change(
            "POST",
            path + "/boms",
            DemoUser.SALES,
            etagOf(r),
            "{\"lines\":[{\"productCode\":\"WIDGET\",\"quantity\":2},"
                + "{\"productCode\":\"GADGET\",\"quantity\":3}]}");

    // Won without a quote: the ERP gets the project with the engineering tasks, no production yet.
    change(
        "POST",
        API + "/opportunities/" + oppId + "/win",
        DemoUser.SALES,
        etagOf(get(API + "/opportunities/" + oppId, DemoUser.SALES)),
        "{\"reason\":\"signed\"}");
    HttpResult won = get(path, DemoUser.SALES);
    assertTrue(won.body(), won.body().contains("\"status\":\"WON\""));
    assertTrue(won.body(), !PRODUCTION_COMMAND.matcher(won.body()).find());
    String project = done(matched(PROJECT_COMMAND, won));
    String work = tryton.model("project.work", "read", "[" + project + "],[\"name\",\"children\"]");
    assertTrue(work, work.contains(name));
    Matcher children = Pattern.compile("\"children\":\\s*\\[(\\d+),\\s*(\\d+)\\]").matcher(work);
    assertTrue(work, children.find());
    String tasks =
        tryton.model(
            "project.work",
            "read",
            "[" + children.group(1) + "," + children.group(2) + "],[\"name\",\"effort_duration\"]");
    assertTrue(tasks, tasks.contains("Design") && tasks.contains("Prototype"));

    // Engineering releases the BOM: the ERP gets the production built from it.
    HttpResult released =
        change("POST", path + "/boms/1/release", DemoUser.ADMIN, etagOf(won), null);
    String production = done(matched(PRODUCTION_COMMAND, released));
    String read =
        tryton.model("production", "read", "[" + production + "],[\"product\",\"inputs\"]");
    assertTrue(read, hasProduct(read, productId("ASSEMBLY")));
    Matcher inputs = Pattern.compile("\"inputs\":\\s*\\[([\\d,\\s]+)\\]").matcher(read);
    assertTrue(read, inputs.find());
    String moves =
        tryton.model("stock.move", "read", "[" + inputs.group(1) + "],[\"product\",\"quantity\"]");
    assertTrue(moves, hasProduct(moves, productId("WIDGET")));
    assertTrue(moves, hasProduct(moves, productId("GADGET")));
    String shown = executeCommand("crm:eto-show " + oppId);
    assertTrue(shown, shown.contains("ERP production: DONE"));
    assertTrue(shown, shown.contains("ERP project: DONE"));
  }

  private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");
  private static final Pattern DOCUMENT_REF = Pattern.compile("\"documentRef\":\"(\\d+)\"");

  /** Posts a command for the account as the user; 202 with the command, whose id it returns. */
  private String command(String accountId, DemoUser user, String json) {
    HttpResult r = post(API + "/accounts/" + accountId + "/erp/commands", user, json);
    assertEquals(r.toString(), 202, r.status());
    String id = idOf(r);
    assertTrue(r.toString(), r.header("Location").orElse("").endsWith("/erp/commands/" + id));
    return id;
  }

  /** Waits until the command is DONE and returns its Tryton document id. */
  private String done(String commandId) {
    java.util.concurrent.atomic.AtomicReference<String> last =
        new java.util.concurrent.atomic.AtomicReference<>();
    try {
      return waitFor(
          "ERP command " + commandId + " to be DONE",
          WAIT,
          () -> {
            HttpResult r = get(API + "/erp/commands/" + commandId, DemoUser.SALES);
            last.set(r.toString());
            Matcher status = STATUS.matcher(r.body());
            if (status.find() && status.group(1).equals("FAILED")) {
              throw new AssertionError("the command failed: " + r);
            }
            Matcher ref = DOCUMENT_REF.matcher(r.body());
            return status.find(0) && status.group(1).equals("DONE") && ref.find()
                ? ref.group(1)
                : null;
          });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last answer: " + last.get(), e);
    }
  }

  /** Waits until the account's documents show the document in the state (any case). */
  private void awaitDocumentState(String accountId, String documentRef, String state) {
    Pattern p =
        Pattern.compile(
            "\\{[^{}]*\"documentRef\":\""
                + documentRef
                + "\"[^{}]*\"state\":\"(?i:"
                + state
                + ")\"");
    java.util.concurrent.atomic.AtomicReference<String> last =
        new java.util.concurrent.atomic.AtomicReference<>();
    try {
      waitFor(
          "document " + documentRef + " " + state + " on the account",
          WAIT,
          () -> {
            HttpResult r = get(API + "/accounts/" + accountId + "/erp/documents", DemoUser.SALES);
            last.set(r.toString());
            return p.matcher(r.body()).find();
          });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last answer: " + last.get(), e);
    }
  }

  /** Pays an invoice in full with Tryton's pay wizard, as a cashier would (scripts/README.md). */
  private void pay(long invoice) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    String wizard = "account.invoice.pay";
    long session =
        json.readTree(tryton.wizard(wizard, "create", tryton.context("")))
            .get("result")
            .get(0)
            .asLong();
    String ctx =
        tryton.context(
            "\"active_model\":\"account.invoice\",\"active_id\":"
                + invoice
                + ",\"active_ids\":["
                + invoice
                + "]");
    com.fasterxml.jackson.databind.node.ObjectNode defaults =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            json.readTree(tryton.wizard(wizard, "execute", session + ",{},\"start\"," + ctx))
                .get("result")
                .get("view")
                .get("defaults");
    List<String> dotted = new java.util.ArrayList<>();
    defaults
        .fieldNames()
        .forEachRemaining(
            n -> {
              if (n.contains(".")) {
                dotted.add(n);
              }
            });
    dotted.forEach(defaults::remove);
    // The start state needs a description; the client asks the cashier for one.
    defaults.put("description", "IT payment");
    defaults.put(
        "payment_method",
        tryton.search("account.invoice.payment.method", "[[\"name\",\"=\",\"Cash\"]]").get(0));
    tryton.wizard(wizard, "execute", session + ",{\"start\":" + defaults + "},\"choice\"," + ctx);
    tryton.wizard(wizard, "delete", session + "," + ctx);
  }

  @Test
  public void aSaleAskedOverRestIsMadeOnceInTrytonAndItsInvoiceAndPaymentComeBack()
      throws Exception {
    String id = account("REST buyer " + UUID.randomUUID(), DemoUser.SALES);
    String body =
        "{\"kind\":\"SALE\",\"key\":\"quote-"
            + UUID.randomUUID()
            + "\",\"sale\":{\"reference\":\"PO-9\",\"lines\":[{\"product\":\"SERVICE\","
            + "\"quantity\":2,\"unitPrice\":80}]}}";
    String commandId = command(id, DemoUser.SALES, body);
    // The same key again is the same command: one sale, not two.
    assertEquals(commandId, command(id, DemoUser.SALES, body));
    HttpResult viewer = post(API + "/accounts/" + id + "/erp/commands", DemoUser.VIEWER, body);
    assertEquals(viewer.toString(), 403, viewer.status());
    HttpResult bad =
        post(
            API + "/accounts/" + id + "/erp/commands",
            DemoUser.SALES,
            "{\"kind\":\"SALE\",\"sale\":{\"lines\":[{\"product\":\"SERVICE\",\"quantity\":0}]}}");
    assertEquals(bad.toString(), 422, bad.status());
    assertTrue(bad.body(), bad.body().contains("lines[0].quantity"));

    String sale = done(commandId);
    assertEquals(
        List.of(Long.parseLong(sale)),
        tryton.search("sale.sale", "[[\"comment\",\"like\",\"%crm-key:" + commandId + "%\"]]"));
    awaitDocumentState(id, sale, "processing");

    // Tryton's credit limit for the party (module account_credit_limit) comes with the balance.
    tryton.model(
        "party.party",
        "write",
        "["
            + erpRefOf(id)
            + "],{\"credit_limit_amount\":{\"__class__\":\"Decimal\",\"decimal\":\"1000\"}}");
    String read = tryton.model("sale.sale", "read", "[" + sale + "],[\"invoices\"]");
    Matcher invoices = Pattern.compile("\"invoices\":\\s*\\[(\\d+)").matcher(read);
    assertTrue(read, invoices.find());
    long invoice = Long.parseLong(invoices.group(1));
    tryton.model("account.invoice", "post", "[" + invoice + "]");
    waitFor(
        "the posted invoice's receivable on the account",
        WAIT,
        () -> {
          Matcher m =
              RECEIVABLE.matcher(get(API + "/accounts/" + id + "/erp", DemoUser.SALES).body());
          return m.find() && new BigDecimal(m.group(1)).compareTo(new BigDecimal("160")) == 0;
        });

    Matcher limit =
        Pattern.compile("\"creditLimit\":\"?([-0-9.eE+]+)")
            .matcher(get(API + "/accounts/" + id + "/erp", DemoUser.SALES).body());
    assertTrue("the credit limit on the account", limit.find());
    assertEquals(0, new BigDecimal(limit.group(1)).compareTo(new BigDecimal("1000")));
    HttpResult credit = get(API + "/accounts/" + id + "/erp/credit?amount=900", DemoUser.SALES);
    assertTrue(credit.body(), credit.body().contains("\"allowed\":false"));

    pay(invoice);
    java.util.concurrent.atomic.AtomicReference<String> last =
        new java.util.concurrent.atomic.AtomicReference<>();
    try {
      waitFor(
          "the payment on the account",
          WAIT,
          () -> {
            HttpResult erp = get(API + "/accounts/" + id + "/erp", DemoUser.SALES);
            last.set(erp.toString());
            Matcher m = RECEIVABLE.matcher(erp.body());
            return erp.body().contains("\"paymentCount\":1")
                && m.find()
                && new BigDecimal(m.group(1)).signum() == 0;
          });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last answer: " + last.get(), e);
    }
    HttpResult timeline = get(API + "/accounts/" + id + "/timeline", DemoUser.SALES);
    assertTrue(timeline.body(), timeline.body().contains("payment.received"));
    assertTrue(timeline.body(), timeline.body().contains("sale.processing"));
    HttpResult commands = get(API + "/accounts/" + id + "/erp/commands", DemoUser.SALES);
    assertTrue(commands.body(), commands.body().contains("\"documentRef\":\"" + sale + "\""));
  }

  @Test
  public void aProductionAndAProjectAskedOverRestComeBackWithTheirStates() throws Exception {
    String id = account("REST maker " + UUID.randomUUID(), DemoUser.SALES);
    String production =
        done(
            command(
                id,
                DemoUser.SALES,
                "{\"kind\":\"PRODUCTION\",\"production\":{\"product\":\"ASSEMBLY\",\"quantity\":1,"
                    + "\"bom\":[{\"product\":\"WIDGET\",\"quantity\":2}],\"reference\":\"CTO-1\"}}"));
    String project =
        done(
            command(
                id,
                DemoUser.SALES,
                "{\"kind\":\"PROJECT\",\"project\":{\"name\":\"Line 4 retrofit "
                    + UUID.randomUUID()
                    + "\",\"tasks\":[{\"name\":\"Design\",\"effortHours\":8},"
                    + "{\"name\":\"Build\",\"effortHours\":16}]}}"));
    String tasks = tryton.model("project.work", "read", "[" + project + "],[\"children\"]");
    Matcher children = Pattern.compile("\"children\":\\s*\\[(\\d+),\\s*(\\d+)\\]").matcher(tasks);
    assertTrue(tasks, children.find());

    awaitDocumentState(id, production, "waiting");
    tryton.model("production", "assign_try", "[" + production + "]");
    tryton.model("production", "run", "[" + production + "]");
    awaitDocumentState(id, production, "running");

    awaitDocumentState(id, project, "open");
    long doneStatus = tryton.search("project.work.status", "[[\"name\",\"=\",\"Done\"]]").get(0);
    // Tryton lets a work be Done only at 100 % progress, and a project only after its tasks.
    tryton.model(
        "project.work",
        "write",
        "["
            + children.group(1)
            + ","
            + children.group(2)
            + "],{\"progress\":1.0,\"status\":"
            + doneStatus
            + "}");
    tryton.model(
        "project.work",
        "write",
        "[" + project + "],{\"progress\":1.0,\"status\":" + doneStatus + "}");
    awaitDocumentState(id, project, "done");

    HttpResult timeline = get(API + "/accounts/" + id + "/timeline", DemoUser.SALES);
    assertTrue(timeline.body(), timeline.body().contains("production.running"));
    assertTrue(timeline.body(), timeline.body().contains("project.done"));
  }

  private HttpResult change(String path, String etag, String json) {
    return request(
        "POST", path, DemoUser.SALES, json, "Content-Type", "application/json", "If-Match", etag);
  }

  @Test
  public void anAcceptedQuoteBecomesATrytonSaleOnTheOpportunityTimeline() throws Exception {
    String account = account("Quote buyer " + UUID.randomUUID(), DemoUser.SALES);
    HttpResult opp =
        post(
            API + "/opportunities",
            DemoUser.SALES,
            "{\"accountId\":\""
                + account
                + "\",\"name\":\"Widgets\",\"closeDate\":\"2027-03-31\"}");
    assertEquals(opp.toString(), 201, opp.status());
    String oppId = idOf(opp);
    // No unit price: Tryton's catalogue gives WIDGET's list price and name.
    HttpResult lined =
        change(
            API + "/opportunities/" + oppId + "/lines",
            etagOf(opp),
            "{\"productCode\":\"WIDGET\",\"quantity\":3}");
    assertEquals(lined.toString(), 200, lined.status());
    assertTrue(lined.body(), lined.body().contains("\"unitPrice\":10"));
    assertTrue(lined.body(), lined.body().contains("\"description\":\"Widget\""));
    HttpResult unknown =
        change(
            API + "/opportunities/" + oppId + "/lines",
            etagOf(lined),
            "{\"productCode\":\"NO-SUCH-" + UUID.randomUUID() + "\",\"quantity\":1}");
    assertEquals(unknown.toString(), 404, unknown.status());

    HttpResult quote = post(API + "/opportunities/" + oppId + "/quotes", DemoUser.SALES, "{}");
    assertEquals(quote.toString(), 201, quote.status());
    String path = API + "/quotes/" + idOf(quote);
    HttpResult checked = post(path + "/check", DemoUser.SALES, null);
    assertEquals(checked.toString(), 200, checked.status());
    assertTrue(checked.body(), checked.body().contains("\"availability\":{\"onHand\":"));
    HttpResult submitted = change(path + "/submit", etagOf(checked), null);
    HttpResult sent = change(path + "/send", etagOf(submitted), null);
    HttpResult accepted = change(path + "/accept", etagOf(sent), null);
    assertEquals(accepted.toString(), 200, accepted.status());
    Matcher command =
        Pattern.compile("\"saleCommandId\":\"([0-9a-f-]{36})\"").matcher(accepted.body());
    assertTrue(accepted.body(), command.find());
    String sale = done(command.group(1));
    String state = tryton.model("sale.sale", "read", "[" + sale + "],[\"state\",\"reference\"]");
    assertTrue(
        state,
        state.contains("\"state\": \"processing\"") || state.contains("\"state\":\"processing\""));

    // The poller brings the sale's state back onto the opportunity's timeline.
    waitFor(
        "the Tryton sale on the opportunity's timeline",
        WAIT,
        () -> {
          String t = get(API + "/opportunities/" + oppId + "/timeline", DemoUser.SALES).body();
          return t.contains("\"kind\":\"erp-document\"") && t.contains("processing") ? t : null;
        });

    // Its invoice posted and paid, its shipment on its way and done: each state reaches the
    // opportunity's timeline, followed back from the invoice and the shipment to the sale.
    String read = tryton.model("sale.sale", "read", "[" + sale + "],[\"invoices\",\"shipments\"]");
    Matcher invoices = Pattern.compile("\"invoices\":\\s*\\[(\\d+)").matcher(read);
    Matcher shipments = Pattern.compile("\"shipments\":\\s*\\[(\\d+)").matcher(read);
    assertTrue(read, invoices.find() && shipments.find());
    long invoice = Long.parseLong(invoices.group(1));
    tryton.model("account.invoice", "post", "[" + invoice + "]");
    awaitOnOpportunity(oppId, "INVOICE [^\"]+ posted");
    pay(invoice);
    awaitOnOpportunity(oppId, "INVOICE [^\"]+ paid");
    String shipment = shipments.group(1);
    tryton.model("stock.shipment.out", "assign_try", "[" + shipment + "]");
    awaitOnOpportunity(oppId, "SHIPMENT [^\"]+ assigned");
    for (String step : List.of("pick", "pack", "done")) {
      tryton.model("stock.shipment.out", step, "[" + shipment + "]");
    }
    String timeline = awaitOnOpportunity(oppId, "SHIPMENT [^\"]+ done");
    // The account's timeline has the invoice once, as posted, and its payment.
    HttpResult onAccount = get(API + "/accounts/" + account + "/timeline", DemoUser.SALES);
    assertEquals(
        onAccount.body(),
        1,
        Pattern.compile("\"kind\":\"invoice\\.").matcher(onAccount.body()).results().count());
    assertTrue(timeline, timeline.contains("SHIPMENT"));

    // Withdrawn after delivery: the CRM records the cancellation, Tryton 6.0 refuses it (it
    // cancels only draft and quotation sales), and the command says so.
    HttpResult cancelled =
        change(path + "/cancel-order", etagOf(accepted), "{\"reason\":\"returned goods\"}");
    assertEquals(cancelled.toString(), 200, cancelled.status());
    assertTrue(cancelled.body(), cancelled.body().contains("\"status\":\"ORDER_CANCELLED\""));
    String cancel = commandByKey(account, "cancel-" + command.group(1));
    String refusal = failed(cancel);
    assertTrue(refusal, refusal.contains("Tryton did not cancel sale"));
    assertTrue(refusal, refusal.contains("processing") || refusal.contains("done"));
    awaitOnOpportunity(oppId, "SALE refused");
  }

  /** Waits until the command is FAILED and returns it. */
  private String failed(String commandId) {
    return waitFor(
        "ERP command " + commandId + " to be FAILED",
        WAIT,
        () -> {
          HttpResult r = get(API + "/erp/commands/" + commandId, DemoUser.SALES);
          Matcher status = STATUS.matcher(r.body());
          if (status.find() && status.group(1).equals("DONE")) {
            throw new AssertionError("the command was carried out: " + r);
          }
          return status.find(0) && status.group(1).equals("FAILED") ? r.body() : null;
        });
  }

  /** Waits until the opportunity's timeline has an event whose title matches; returns it all. */
  private String awaitOnOpportunity(String oppId, String title) {
    Pattern p = Pattern.compile("\"title\":\"" + title + "\"");
    java.util.concurrent.atomic.AtomicReference<String> last =
        new java.util.concurrent.atomic.AtomicReference<>();
    try {
      return waitFor(
          "'" + title + "' on the opportunity's timeline",
          WAIT,
          () -> {
            String t = get(API + "/opportunities/" + oppId + "/timeline", DemoUser.SALES).body();
            last.set(t);
            return p.matcher(t).find() ? t : null;
          });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last answer: " + last.get(), e);
    }
  }

  private static final Pattern CTO_COMMAND =
      Pattern.compile(
          "\"id\":\"([0-9a-f-]{36})\",\"accountId\":\"[0-9a-f-]{36}\","
              + "\"erpSystem\":(?:null|\"[^\"]*\"),\"key\":\"cto-");

  @Test
  public void aWonConfigureToOrderQuoteMakesATrytonSaleAndAProductionWithTheConfiguredBom()
      throws Exception {
    String code = "KIT-" + UUID.randomUUID().toString().substring(0, 8);
    String model =
        ("{\"code\":\"%s\",\"name\":\"Assembly kit\",\"erpProductCode\":\"ASSEMBLY\","
                + "\"currency\":\"EUR\",\"basePrice\":100,\"attributes\":["
                + "{\"code\":\"kit\",\"label\":\"Kit\",\"kind\":\"OPTION\",\"options\":["
                + "{\"code\":\"K1\",\"label\":\"Widgets\",\"price\":20,"
                + "\"components\":[{\"productCode\":\"WIDGET\",\"quantity\":2}]},"
                + "{\"code\":\"K2\",\"label\":\"Gadgets\",\"price\":30,"
                + "\"components\":[{\"productCode\":\"GADGET\",\"quantity\":3}]}]}],"
                + "\"constraints\":[],\"pricing\":[],"
                + "\"bom\":[{\"component\":\"GADGET\",\"quantity\":\"1\"}],"
                + "\"routing\":[{\"sequence\":10,\"operation\":\"Assemble\","
                + "\"workCentre\":\"ASSY\",\"minutes\":\"30\"}]}")
            .formatted(code);
    HttpResult created = post(API + "/product-models", DemoUser.MANAGER, model);
    assertEquals(created.toString(), 201, created.status());
    HttpResult released = post(API + "/product-models/" + code + "/release", DemoUser.MANAGER, "");
    assertEquals(released.toString(), 200, released.status());
    HttpResult saved =
        post(
            API + "/configurations",
            DemoUser.SALES,
            "{\"model\":\"" + code + "\",\"selections\":{\"kit\":\"K1\"}}");
    assertEquals(saved.toString(), 201, saved.status());
    String configuration = idOf(saved);

    String account = account("Kit buyer " + UUID.randomUUID(), DemoUser.SALES);
    String oppId =
        idOf(
            post(
                API + "/opportunities",
                DemoUser.SALES,
                "{\"accountId\":\""
                    + account
                    + "\",\"name\":\"Kits\",\"type\":\"CONFIGURE_TO_ORDER\","
                    + "\"closeDate\":\"2027-03-31\"}"));
    HttpResult quote =
        post(
            API + "/opportunities/" + oppId + "/quotes",
            DemoUser.SALES,
            "{\"lines\":[{\"productCode\":\"ASSEMBLY\",\"quantity\":2,\"unitPrice\":120,"
                + "\"configurationId\":\""
                + configuration
                + "\"}]}");
    assertEquals(quote.toString(), 201, quote.status());
    String path = API + "/quotes/" + idOf(quote);
    HttpResult submitted = change(path + "/submit", etagOf(quote), null);
    HttpResult accepted = change(path + "/accept", etagOf(submitted), null);
    assertEquals(accepted.toString(), 200, accepted.status());
    Matcher command =
        Pattern.compile("\"saleCommandId\":\"([0-9a-f-]{36})\"").matcher(accepted.body());
    assertTrue(accepted.body(), command.find());
    String sale = done(command.group(1));
    assertEquals(
        List.of(Long.parseLong(sale)),
        tryton.search(
            "sale.sale", "[[\"comment\",\"like\",\"%crm-key:" + command.group(1) + "%\"]]"));

    // The configured line's production: the configured product, with the configuration's BOM.
    String productionCommand =
        waitFor(
            "the configured line's production command",
            WAIT,
            () -> {
              Matcher m =
                  CTO_COMMAND.matcher(
                      get(API + "/accounts/" + account + "/erp/commands", DemoUser.SALES).body());
              return m.find() ? m.group(1) : null;
            });
    String production = done(productionCommand);
    String read =
        tryton.model(
            "production", "read", "[" + production + "],[\"product\",\"inputs\",\"quantity\"]");
    Matcher inputs = Pattern.compile("\"inputs\":\\s*\\[([0-9, ]+)\\]").matcher(read);
    assertTrue(read, inputs.find());
    String moves =
        tryton.model("stock.move", "read", "[" + inputs.group(1) + "],[\"product\",\"quantity\"]");
    long widget = tryton.search("product.product", "[[\"code\",\"=\",\"WIDGET\"]]").get(0);
    long gadget = tryton.search("product.product", "[[\"code\",\"=\",\"GADGET\"]]").get(0);
    long assembly = tryton.search("product.product", "[[\"code\",\"=\",\"ASSEMBLY\"]]").get(0);
    assertTrue(read, read.replace(" ", "").contains("\"product\":" + assembly));
    String compact = moves.replace(" ", "");
    assertTrue(moves, compact.contains("\"product\":" + widget));
    assertTrue(moves, compact.contains("\"product\":" + gadget));
    assertTrue(moves, compact.contains("\"quantity\":4.0"));
    assertTrue(moves, compact.contains("\"quantity\":2.0"));

    // The customer takes one kit, not two: the sale line and the production follow.
    HttpResult more =
        change(
            path + "/reduce-order",
            etagOf(accepted),
            "{\"lines\":[{\"position\":1,\"quantity\":3}],\"reason\":\"more\"}");
    assertEquals(more.toString(), 422, more.status());
    HttpResult none =
        change(
            path + "/reduce-order",
            etagOf(accepted),
            "{\"lines\":[{\"position\":1,\"quantity\":0}],\"reason\":\"none\"}");
    assertEquals(none.toString(), 409, none.status());
    HttpResult reduced =
        change(
            path + "/reduce-order",
            etagOf(accepted),
            "{\"lines\":[{\"position\":1,\"quantity\":1}],\"reason\":\"one kit\"}");
    assertEquals(reduced.toString(), 200, reduced.status());
    assertTrue(reduced.body(), reduced.body().contains("\"orderedQuantity\":1"));
    String changeSale = commandByKey(account, "change-" + command.group(1) + "-1");
    String changeProduction = commandByKey(account, "change-" + productionCommand + "-1");
    assertEquals(sale, done(changeSale));
    assertEquals(production, done(changeProduction));
    String line = tryton.model("sale.sale", "read", "[" + sale + "],[\"lines\"]");
    Matcher lineId = Pattern.compile("\"lines\":\\s*\\[(\\d+)").matcher(line);
    assertTrue(line, lineId.find());
    String saleLine = tryton.model("sale.line", "read", "[" + lineId.group(1) + "],[\"quantity\"]");
    assertTrue(saleLine, saleLine.replace(" ", "").contains("\"quantity\":1.0"));
    String after =
        tryton.model("production", "read", "[" + production + "],[\"quantity\",\"state\"]");
    assertTrue(after, after.replace(" ", "").contains("\"quantity\":1.0"));
    String inputsAfter =
        tryton
            .model("stock.move", "read", "[" + inputs.group(1) + "],[\"quantity\"]")
            .replace(" ", "");
    assertTrue(inputsAfter, inputsAfter.contains("\"quantity\":2.0"));
    assertTrue(inputsAfter, inputsAfter.contains("\"quantity\":1.0"));
    String timeline = get(API + "/opportunities/" + oppId + "/timeline", DemoUser.SALES).body();
    assertTrue(timeline, timeline.contains("change-" + command.group(1) + "-1"));
    assertTrue(timeline, timeline.contains("change-" + productionCommand + "-1"));
  }

  /** The id of the account's command with this key, once it is there. */
  private String commandByKey(String accountId, String key) {
    Pattern p =
        Pattern.compile(
            "\"id\":\"([0-9a-f-]{36})\",\"accountId\":\"[0-9a-f-]{36}\","
                + "\"erpSystem\":(?:null|\"[^\"]*\"),\"key\":\""
                + Pattern.quote(key)
                + "\"");
    return waitFor(
        "the command " + key,
        WAIT,
        () -> {
          Matcher m =
              p.matcher(
                  get(API + "/accounts/" + accountId + "/erp/commands", DemoUser.SALES).body());
          return m.find() ? m.group(1) : null;
        });
  }
}
