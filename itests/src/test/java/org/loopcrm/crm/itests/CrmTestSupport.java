package org.loopcrm.crm.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.security.auth.Subject;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Base class of the CRM's Pax Exam tests: boots the distribution that {@code karaf-assembly} built
 * in this reactor, and offers what the tests need inside the container.
 *
 * <p>The container:
 *
 * <ul>
 *   <li>is the reactor's {@code crm-karaf-assembly} tar.gz, through a {@code file:} URL (system
 *       property {@code crm.distribution}, set by failsafe). A {@code maven()} URL would boot
 *       whatever stale copy sits in {@code ~/.m2};
 *   <li>gets free ports for HTTP, SSH, the two RMI ports and the embedded broker, so that two
 *       containers can run side by side and nothing collides with services of the machine;
 *   <li>has the demo users of {@code bin/crm-demo} ({@link DemoUser}: admin/admin, sales/sales,
 *       viewer/viewer) and a broker user for the routes, from {@code
 *       src/test/resources/etc/users.properties};
 *   <li>stays offline-capable: only pax-url's local repository is pointed at the build's {@code
 *       ~/.m2}, where Pax Exam finds its probe and {@code exam} feature.
 * </ul>
 *
 * <p>Subclasses are {@code @RunWith(PaxExam.class)} JUnit 4 classes named {@code *IT}. Those that
 * need nothing but this configuration are {@code @ExamReactorStrategy(PerSuite.class)}: they share
 * one container (booting one costs most of a class's time), so they must not depend on a database
 * nobody else writes to (make names unique, filter by them) and must put back any setting they
 * change. A class that needs options of its own overrides {@link #additionalOptions()} and is
 * {@code PerClass}: it gets a container of its own. Every test that relies on the CRM should start
 * with {@link #awaitCrmReady()}, which fails loudly, with the reason, when a feature, bundle or
 * component did not start. Tests run inside the container: they can use only packages that some
 * bundle there exports (plus JUnit and Pax Exam), so use JUnit's assertions, not AssertJ.
 *
 * <p>Keep the container after a run with {@code -Dcrm.itest.keepRuntime=true}: it stays under
 * {@code itests/target/exam/}.
 */
public abstract class CrmTestSupport {

  /** How long the container may take to install the crm features and start the CRM. */
  public static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);

  /** The features of the crm repository; {@code crm} installs all of them. */
  public static final List<String> CRM_FEATURES =
      List.of(
          "crm-persistence",
          "crm-cxf",
          "crm-broker",
          "crm-core",
          "crm-rest",
          "crm-shell",
          "crm-configurator",
          "crm-camel",
          "crm-routes",
          "crm");

  /** The product's bundles (symbolic names); each must be ACTIVE. */
  public static final List<String> CRM_BUNDLES =
      List.of(
          "org.loopcrm.crm-api",
          "org.loopcrm.crm-core",
          "org.loopcrm.crm-rest",
          "org.loopcrm.crm-shell",
          "org.loopcrm.crm-transfer",
          "org.loopcrm.crm-configurator",
          "org.loopcrm.crm-camel",
          "org.loopcrm.crm-routes");

  /** Symbolic name prefix of every product bundle. */
  public static final String CRM_BUNDLE_PREFIX = "org.loopcrm";

  /** Base path of the REST API. */
  public static final String API = "/crm/api/v1";

  /** The demo users every test container has, with the CRM role each one holds. */
  public enum DemoUser {
    /** admin/admin: crm-admin and Karaf administrator. */
    ADMIN("admin", "crm-admin"),
    /** sales/sales: crm-user. */
    SALES("sales", "crm-user"),
    /** viewer/viewer: crm-viewer. */
    VIEWER("viewer", "crm-viewer"),
    /** manager/manager: crm-manager (test users only, not demo mode). */
    MANAGER("manager", "crm-manager"),
    /** marketing/marketing: crm-marketing (test users only). */
    MARKETING("marketing", "crm-marketing"),
    /** service/service: crm-service (test users only). */
    SERVICE("service", "crm-service"),
    /** integration/integration: crm-integration (test users only). */
    INTEGRATION("integration", "crm-integration"),
    /** nobody/nobody: authenticated, but no CRM role (test users only). */
    NOBODY("nobody", "none");

    private final String name;
    private final String role;

    DemoUser(String name, String role) {
      this.name = name;
      this.role = role;
    }

    /** The login name, which is also the password. */
    public String userName() {
      return name;
    }

    /** The CRM role of the realm the user holds. */
    public String role() {
      return role;
    }
  }

  /** A response of the REST API, body decoded as UTF-8. */
  public record HttpResult(int status, Map<String, List<String>> headers, String body) {

    /** The first value of a response header (case-insensitive), if present. */
    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
          .map(e -> e.getValue().get(0))
          .findFirst();
    }

    @Override
    public String toString() {
      return "HTTP " + status + " " + headers + "\n" + body;
    }
  }

  /** Names of the system properties that carry the chosen ports into the container. */
  private static final String HTTP_PORT = "crm.itest.http.port";

  private static final String SSH_PORT = "crm.itest.ssh.port";
  private static final String BROKER_PORT = "crm.itest.broker.port";

  /** The system property naming this container's canonical file-drop folder. */
  protected static final String FACTS_DIRECTORY = "crm.itest.factsDirectory";

  @Inject protected BundleContext bundleContext;

  @Inject protected FeaturesService featuresService;

  @Inject protected SessionFactory sessionFactory;

  @Inject protected ServiceComponentRuntime componentRuntime;

  private final HttpClient httpClient =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  // ---------------------------------------------------------------------------------------------
  // The container (this part runs in the test driver, outside the container)
  // ---------------------------------------------------------------------------------------------

  /** The Pax Exam configuration: the distribution, ports, users, and {@link #additionalOptions}. */
  @Configuration
  public Option[] config() {
    File distribution = distribution();
    String httpPort = Integer.toString(freePort());
    String sshPort = Integer.toString(freePort());
    String rmiRegistryPort = Integer.toString(freePort());
    String rmiServerPort = Integer.toString(freePort());
    String brokerPort = Integer.toString(freePort());

    List<Option> options = new ArrayList<>();
    options.add(
        karafDistributionConfiguration()
            .frameworkUrl(distribution.toURI().toString())
            .karafVersion(requiredProperty("karaf.version"))
            .name("Loop CRM")
            .unpackDirectory(new File("target/exam"))
            .useDeployFolder(false));
    // Without a terminal the local console would flood the log.
    options.add(configureConsole().ignoreLocalConsole());
    if (Boolean.getBoolean("crm.itest.keepRuntime")) {
      options.add(keepRuntimeFolder());
    }

    options.add(
        editConfigurationFilePut(
            "etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort));
    options.add(editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", sshPort));
    options.add(
        editConfigurationFilePut(
            "etc/org.apache.karaf.management.cfg", "rmiRegistryPort", rmiRegistryPort));
    options.add(
        editConfigurationFilePut(
            "etc/org.apache.karaf.management.cfg", "rmiServerPort", rmiServerPort));
    // The embedded broker's acceptor (etc/artemis.xml) and crm.routes' brokerUrl both read it.
    options.add(editConfigurationFilePut("etc/system.properties", "crm.broker.port", brokerPort));
    options.add(systemProperty(HTTP_PORT).value(httpPort));
    options.add(systemProperty(SSH_PORT).value(sshPort));
    options.add(systemProperty(BROKER_PORT).value(brokerPort));

    // Demo users and the broker user of the routes (the distribution ships none).
    options.add(
        replaceConfigurationFile("etc/users.properties", testResource("etc/users.properties")));
    options.add(
        replaceConfigurationFile(
            "etc/crm-broker.password", testResource("etc/crm-broker.password")));
    options.add(editConfigurationFilePut("etc/crm.routes.cfg", "brokerUser", "crm-broker"));
    options.add(
        editConfigurationFilePut(
            "etc/crm.routes.cfg", "brokerPasswordFile", "${karaf.etc}/crm-broker.password"));

    // Pax Exam installs its probe and "exam" feature from Maven: let pax-url find the build's
    // local repository (the distribution itself needs nothing from it).
    String localRepository = System.getProperty("maven.repo.local");
    if (localRepository != null && !localRepository.isBlank()) {
      options.add(
          editConfigurationFilePut(
              "etc/org.ops4j.pax.url.mvn.cfg",
              "org.ops4j.pax.url.mvn.localRepository",
              localRepository));
    }
    options.add(new VMOption("-Xmx768m"));
    // The canonical connector's file drop, in a folder of this container's own.
    File facts = new File("target/exam-facts-" + UUID.randomUUID()).getAbsoluteFile();
    options.add(editConfigurationFilePut("etc/crm.routes.cfg", "factsDirectory", facts.getPath()));
    options.add(systemProperty(FACTS_DIRECTORY).value(facts.getPath()));
    // The machine may be slow: give the container more time to come up than Pax Exam's default.
    options.add(CoreOptions.systemTimeout(600_000));

    options.addAll(Arrays.asList(additionalOptions()));
    return options.toArray(new Option[0]);
  }

  /** Options a test class adds to (or puts over) the defaults; none by default. */
  protected Option[] additionalOptions() {
    return new Option[0];
  }

  private static File distribution() {
    File file = new File(requiredProperty("crm.distribution"));
    if (!file.isFile()) {
      throw new IllegalStateException(
          "The CRM distribution "
              + file
              + " does not exist: build it first (mvn install -pl karaf-assembly -am -DskipTests)");
    }
    return file;
  }

  private static File testResource(String path) {
    File file = new File("src/test/resources", path);
    if (!file.isFile()) {
      throw new IllegalStateException("Missing test resource " + file.getAbsolutePath());
    }
    return file;
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "System property " + name + " is not set: run the ITs through failsafe (mvn verify)");
    }
    return value;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Inside the container
  // ---------------------------------------------------------------------------------------------

  /** The CRM's CamelContext ("crm"), once the routes bundle has published it. */
  protected org.apache.camel.CamelContext crmCamelContext() {
    return waitFor(
        "the CamelContext 'crm'",
        BOOT_TIMEOUT,
        () -> {
          var refs =
              bundleContext.getServiceReferences(
                  org.apache.camel.CamelContext.class, "(camel.context.name=crm)");
          return refs.isEmpty() ? null : bundleContext.getService(refs.iterator().next());
        });
  }

  /** The HTTP port of this container. */
  protected static int httpPort() {
    return Integer.parseInt(requiredProperty(HTTP_PORT));
  }

  /** The SSH port of this container. */
  protected static int sshPort() {
    return Integer.parseInt(requiredProperty(SSH_PORT));
  }

  /** The port of the embedded broker's CORE acceptor in this container. */
  protected static int brokerPort() {
    return Integer.parseInt(requiredProperty(BROKER_PORT));
  }

  /**
   * Waits until the CRM is up: every crm feature installed, every product bundle ACTIVE, every DS
   * component of the product active or satisfied, and the REST API answering. Fails with the
   * reasons (which feature, bundle, component, and why) after {@link #BOOT_TIMEOUT}.
   */
  protected void awaitCrmReady() {
    waitFor("the crm features to be installed", BOOT_TIMEOUT, () -> none(missingFeatures()));
    waitFor("the product bundles to be ACTIVE", BOOT_TIMEOUT, () -> none(inactiveCrmBundles()));
    waitFor(
        "the product's DS components to be satisfied",
        BOOT_TIMEOUT,
        () -> none(unsatisfiedCrmComponents()));
    waitFor(
        "the REST API to answer",
        BOOT_TIMEOUT,
        () -> {
          HttpResult result = get(API + "/accounts?limit=1", DemoUser.VIEWER);
          if (result.status() != 200) {
            throw new AssertionError("GET " + API + "/accounts answered " + result);
          }
          return true;
        });
  }

  /**
   * {@code true} when {@code problems} is empty; otherwise throws them, so that {@link #waitFor}
   * reports the last ones on timeout.
   */
  protected static boolean none(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new AssertionError(String.join("\n  ", problems));
    }
    return true;
  }

  /** The crm features that are not installed, with the reason if the feature is unknown. */
  protected List<String> missingFeatures() throws Exception {
    List<String> missing = new ArrayList<>();
    for (String name : CRM_FEATURES) {
      Feature feature = featuresService.getFeature(name);
      if (feature == null) {
        missing.add(name + " (unknown: is the crm features repository registered?)");
      } else if (!featuresService.isInstalled(feature)) {
        missing.add(name + "/" + feature.getVersion());
      }
    }
    return missing;
  }

  /** Every product bundle ({@value #CRM_BUNDLE_PREFIX}*) and its state, by symbolic name. */
  protected Map<String, Bundle> crmBundles() {
    return Arrays.stream(bundleContext.getBundles())
        .filter(b -> b.getSymbolicName() != null)
        .filter(b -> b.getSymbolicName().startsWith(CRM_BUNDLE_PREFIX))
        .collect(Collectors.toMap(Bundle::getSymbolicName, b -> b, (a, b) -> a));
  }

  /** Product bundles that are missing or not ACTIVE, each with its state. */
  protected List<String> inactiveCrmBundles() {
    Map<String, Bundle> bundles = crmBundles();
    List<String> problems = new ArrayList<>();
    for (String name : CRM_BUNDLES) {
      if (!bundles.containsKey(name)) {
        problems.add(name + " is not installed");
      }
    }
    for (Bundle bundle : bundles.values()) {
      if (!isFragment(bundle) && bundle.getState() != Bundle.ACTIVE) {
        problems.add(describe(bundle));
      }
    }
    return problems;
  }

  /** Bundles of the whole container that did not start (fragments only need to be resolved). */
  protected List<String> bundlesNotStarted() {
    List<String> problems = new ArrayList<>();
    for (Bundle bundle : bundleContext.getBundles()) {
      int expected = isFragment(bundle) ? Bundle.RESOLVED : Bundle.ACTIVE;
      if (bundle.getState() != expected) {
        problems.add(describe(bundle));
      }
    }
    return problems;
  }

  /**
   * DS components of the product bundles that are disabled, have no configuration, or are neither
   * satisfied nor active — each with its unsatisfied references or activation failure.
   */
  protected List<String> unsatisfiedCrmComponents() {
    List<String> problems = new ArrayList<>();
    for (Bundle bundle : crmBundles().values()) {
      for (ComponentDescriptionDTO description :
          componentRuntime.getComponentDescriptionDTOs(bundle)) {
        String name = bundle.getSymbolicName() + "/" + description.name;
        if (!componentRuntime.isComponentEnabled(description)) {
          problems.add(name + " is disabled");
          continue;
        }
        var configurations = componentRuntime.getComponentConfigurationDTOs(description);
        if (configurations.isEmpty()) {
          problems.add(
              name
                  + " has no configuration (configuration-policy "
                  + description.configurationPolicy
                  + ", PIDs "
                  + Arrays.toString(description.configurationPid)
                  + ")");
        }
        for (ComponentConfigurationDTO configuration : configurations) {
          if (configuration.state != ComponentConfigurationDTO.ACTIVE
              && configuration.state != ComponentConfigurationDTO.SATISFIED) {
            problems.add(name + " is " + componentState(configuration));
          }
        }
      }
    }
    return problems;
  }

  private static String componentState(ComponentConfigurationDTO configuration) {
    switch (configuration.state) {
      case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
        return "waiting for its configuration";
      case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
        return "missing references "
            + Arrays.stream(configuration.unsatisfiedReferences)
                .map(r -> r.name + " " + r.target)
                .collect(Collectors.joining(", "));
      case ComponentConfigurationDTO.FAILED_ACTIVATION:
        return "failed to activate: " + rootCause(configuration.failure);
      default:
        return "in state " + configuration.state;
    }
  }

  /** The first line of a stack trace as text, and its innermost "Caused by:" line, if any. */
  private static String rootCause(String stackTrace) {
    if (stackTrace == null || stackTrace.isBlank()) {
      return "(no reason given)";
    }
    String[] lines = stackTrace.split("\\R");
    String cause = null;
    for (String line : lines) {
      if (line.startsWith("Caused by:")) {
        cause = line;
      }
    }
    return cause == null ? lines[0] : lines[0] + " ... " + cause;
  }

  private static boolean isFragment(Bundle bundle) {
    return bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
  }

  private static String describe(Bundle bundle) {
    String[] states = {"UNINSTALLED", "INSTALLED", "RESOLVED", "STARTING", "STOPPING", "ACTIVE"};
    int index = Integer.numberOfTrailingZeros(bundle.getState());
    String state = index < states.length ? states[index] : Integer.toString(bundle.getState());
    return bundle.getSymbolicName()
        + "/"
        + bundle.getVersion()
        + " ["
        + bundle.getBundleId()
        + "] is "
        + state;
  }

  // --- shell ----------------------------------------------------------------------------------

  /** Runs a shell command as the demo admin (roles admin, manager, viewer, crm-admin). */
  protected String executeCommand(String command) {
    return executeCommand(
        command, Duration.ofSeconds(30), "admin", "admin", "manager", "viewer", "crm-admin");
  }

  /**
   * Runs a shell command in a new session as the given user and roles, and returns what it printed.
   * Fails when the command throws or does not finish within the timeout.
   */
  @SuppressWarnings("removal") // Subject.doAs: Karaf 4.4's shell reads the subject from the ACC.
  protected String executeCommand(String command, Duration timeout, String user, String... roles) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Subject subject = new Subject();
    subject.getPrincipals().add(new UserPrincipal(user));
    for (String role : roles) {
      subject.getPrincipals().add(new RolePrincipal(role));
    }
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out)) {
      Future<Object> result =
          executor.submit(
              () ->
                  Subject.doAs(
                      subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command)));
      result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      out.flush();
      return bytes.toString(StandardCharsets.UTF_8);
    } catch (ExecutionException e) {
      throw new AssertionError(
          "Command '" + command + "' failed: " + e.getCause() + "\nOutput:\n" + bytes,
          e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError(
          "Command '" + command + "' did not finish within " + timeout + "\nOutput:\n" + bytes, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while running '" + command + "'", e);
    } finally {
      executor.shutdownNow();
    }
  }

  // --- REST -----------------------------------------------------------------------------------

  /** The first {@code "id"} of a JSON body (a record's, or a page's first item's). */
  protected static final Pattern ID_FIELD = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

  /** The {@code "id"} of the record in a response body; fails if there is none. */
  protected static String idOf(HttpResult result) {
    Matcher m = ID_FIELD.matcher(result.body());
    if (!m.find()) {
      throw new AssertionError("no id in " + result);
    }
    return m.group(1);
  }

  /**
   * Makes the users team mates (as the admin), so each sees the others' accounts; accounts are
   * private to their owner's circle. A team of that name that exists already is left as it is.
   */
  protected void ensureTeam(String name, DemoUser... members) {
    StringBuilder json = new StringBuilder("{\"name\":\"").append(name).append("\",\"members\":[");
    for (int i = 0; i < members.length; i++) {
      json.append(i == 0 ? "\"" : ",\"").append(members[i].userName()).append('"');
    }
    HttpResult r = post(API + "/teams", DemoUser.ADMIN, json.append("]}").toString());
    if (r.status() != 201 && r.status() != 409) {
      throw new AssertionError("could not create team " + name + ": " + r);
    }
  }

  /** GET {@code path} (e.g. {@code API + "/accounts"}) as the user; {@code null} is anonymous. */
  protected HttpResult get(String path, DemoUser user) {
    return request("GET", path, user, null);
  }

  /** POST a JSON body as the user. */
  protected HttpResult post(String path, DemoUser user, String json) {
    return request("POST", path, user, json, "Content-Type", "application/json");
  }

  /**
   * Sends a request to this container's HTTP port. {@code user} {@code null} sends no credentials;
   * {@code body} {@code null} sends none; {@code headers} are name/value pairs.
   */
  protected HttpResult request(
      String method, String path, DemoUser user, String body, String... headers) {
    return send(
        method,
        path,
        user == null ? null : user.userName(),
        user == null ? null : user.userName(),
        body,
        headers);
  }

  /**
   * Sends a request with any credentials ({@code user} {@code null} sends none); see {@link
   * #request(String, String, DemoUser, String, String...)}.
   */
  protected HttpResult send(
      String method, String path, String user, String password, String body, String... headers) {
    if (headers.length % 2 != 0) {
      throw new IllegalArgumentException("headers must be name/value pairs");
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort() + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (user != null) {
      String token = user + ":" + password;
      builder.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          httpClient.send(
              builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new HttpResult(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted: " + method + " " + path, e);
    }
  }

  // --- waiting --------------------------------------------------------------------------------

  /**
   * Polls {@code condition} every 200 ms until it returns {@code true} or a non-null value other
   * than {@code Boolean.FALSE}, and returns that value. Exceptions thrown by the condition count as
   * "not yet". Fails after {@code timeout} with {@code description} and the last exception.
   */
  public static <T> T waitFor(String description, Duration timeout, Callable<T> condition) {
    CompletableFuture<T> result = new CompletableFuture<>();
    AtomicReference<Throwable> lastFailure = new AtomicReference<>();
    ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    try {
      poller.scheduleWithFixedDelay(
          () -> {
            try {
              T value = condition.call();
              if (value != null && !Boolean.FALSE.equals(value)) {
                result.complete(value);
              }
            } catch (Exception | AssertionError e) {
              lastFailure.set(e);
            }
          },
          0,
          200,
          TimeUnit.MILLISECONDS);
      return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      Throwable cause = lastFailure.get();
      throw new AssertionError(
          "Timed out after "
              + timeout
              + " waiting for "
              + description
              + (cause == null ? "" : "; last failure: " + cause),
          cause);
    } catch (ExecutionException e) {
      throw new AssertionError("Failed waiting for " + description, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted waiting for " + description, e);
    } finally {
      poller.shutdownNow();
    }
  }
}
