package org.loopcrm.crm.core.internal.demo;

import java.util.List;
import java.util.Set;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.access.TeamService;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.account.ContactDraft;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a few demo accounts into an empty database when {@code crm.core} says {@code demo=true}.
 */
@Component(
    configurationPid = "crm.core",
    configurationPolicy = ConfigurationPolicy.OPTIONAL,
    immediate = true,
    service = {})
@Designate(ocd = CoreConfiguration.class)
public final class DemoData {
  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  private static final Actor LOADER =
      new Actor("demo-loader", Set.of(Role.CRM_ADMIN), Actor.Channel.SYSTEM);

  /** Loads the data if asked to and the database has no account yet. */
  @Activate
  public DemoData(
      @Reference AccountService accounts, @Reference TeamService teams, CoreConfiguration config) {
    if (!config.demo()) {
      return;
    }
    if (!accounts.list(LOADER, AccountQuery.firstPage(1)).items().isEmpty()) {
      LOG.info("demo mode: the database has accounts already, no demo data loaded");
      return;
    }
    load(accounts, teams);
  }

  static void load(AccountService accounts, TeamService teams) {
    // Accounts are private to their owner's circle: the demo viewer is in the sales team, so it
    // reads what sales owns (docs/security.md).
    if (teams.teams(LOADER).stream().noneMatch(t -> t.name().equals("Sales"))) {
      teams.createTeam(LOADER, "Sales", List.of("sales", "viewer"));
    }
    Account acme =
        accounts.create(
            LOADER,
            new AccountDraft("Acme Machining GmbH", "P-1001", "sales", LifecycleStage.CUSTOMER));
    accounts.addContact(
        LOADER,
        acme.id(),
        new ContactDraft(
            "Ada", "Lovelace", "ada@acme.example", "+49 30 1234567", "Head of Purchasing"));
    accounts.addContact(
        LOADER,
        acme.id(),
        new ContactDraft("Grace", "Hopper", "grace@acme.example", null, "Plant Engineer"));
    Account nordic =
        accounts.create(
            LOADER,
            new AccountDraft("Nordic Pumps AB", "P-1002", "sales", LifecycleStage.PROSPECT));
    accounts.addContact(
        LOADER,
        nordic.id(),
        new ContactDraft("Lars", "Eriksson", "lars@nordicpumps.example", null, "CEO"));
    accounts.create(
        LOADER, new AccountDraft("Helix Robotics Ltd", null, "admin", LifecycleStage.PROSPECT));
    LOG.warn("demo mode: loaded 3 demo accounts");
  }
}
