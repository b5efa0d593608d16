package org.loopcrm.crm.itests.shared;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.loopcrm.crm.itests.CrmTestSupport;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * The distribution boots: every crm feature is installed, every product bundle and DS component is
 * up, no bundle of the container failed to start, and the REST API and shell answer. Each check
 * waits up to {@link CrmTestSupport#BOOT_TIMEOUT} and then fails with what did not start and why.
 * If the container itself never comes up, Pax Exam fails the class before any test runs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CrmBootIT extends CrmTestSupport {

  @Test
  public void everyCrmFeatureIsInstalled() {
    waitFor("the crm features to be installed", BOOT_TIMEOUT, () -> none(missingFeatures()));
  }

  @Test
  public void everyProductBundleIsActive() {
    waitFor("the product bundles to be ACTIVE", BOOT_TIMEOUT, () -> none(inactiveCrmBundles()));
    assertTrue(
        "expected the bundles " + CRM_BUNDLES + ", found " + crmBundles().keySet(),
        crmBundles().keySet().containsAll(CRM_BUNDLES));
  }

  @Test
  public void everyProductComponentIsSatisfied() {
    waitFor(
        "the product's DS components to be satisfied",
        BOOT_TIMEOUT,
        () -> none(unsatisfiedCrmComponents()));
  }

  @Test
  public void noBundleOfTheContainerFailedToStart() {
    awaitCrmReady();
    List<String> notStarted = bundlesNotStarted();
    assertTrue(
        "bundles that did not start:\n  " + String.join("\n  ", notStarted), notStarted.isEmpty());
  }

  @Test
  public void restApiAuthenticatesAgainstTheKarafRealm() {
    awaitCrmReady();
    assertEquals(200, get(API + "/accounts", DemoUser.VIEWER).status());
    assertEquals(401, get(API + "/accounts", null).status());
  }

  @Test
  public void shellListsAccounts() {
    awaitCrmReady();
    String output = executeCommand("crm:account-list");
    assertTrue("crm:account-list printed:\n" + output, output.contains("Name"));
  }
}
