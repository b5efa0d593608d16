package org.loopcrm.crm.core.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.account.Receivables;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;

/**
 * Walks every role × resource × action against the matrix as the README states it, written here
 * independently of the code: any grant or denial that differs fails, naming the cell.
 */
class PermissionsTest {
  // Columns: admin manager sales marketing service integration user viewer. R/C/U/A/D = read,
  // create, update, archive, delete allowed; '-' = nothing.
  private static final String[] MATRIX = {
    "ACCOUNT        RCUAD RCUA RCUA R R RCU RCUA R",
    "CONTACT        RCUD  RCUD RCUD RCUD RCUD RCUD RCUD R",
    "RECORD_HISTORY R     R    R    R    R    R    R    R",
    "USER_HISTORY   R     R    -    -    -    -    -    -",
    "WEBHOOK        RCUAD -    -    -    -    -    -    -",
    "TEAM           RCUD  R    R    R    R    R    R    R",
    "SHARE          RCD   RCD  RCD  R    R    RCD  RCD  R",
    "CONSENT        RC    RC   RC   RC   RC   RC   RC   R",
    "SUBJECT_EXPORT R     -    -    -    -    -    -    -",
    "ERASURE        RC    -    -    -    -    -    -    -",
    "CONTACT_MECHANISM RCUD RCUD RCUD RCUD RCUD RCUD RCUD R",
    "PARTY_ROLE     RCD   RCD  RCD  R    R    RCD  RCD  R",
    "EXTERNAL_REF   RCD   RCD  RCD  R    R    RCD  RCD  R",
    "TAG            RCD   RCD  RCD  RCD  RCD  RCD  RCD  R",
    "ACTIVITY       RCUD  RCUD RCU  RCU  RCU  RCU  RCU  R",
    "NOTIFICATION   RU    RU   RU   RU   RU   RU   RU   RU",
    "LIFECYCLE      RU    RU   RU   R    R    RU   RU   R",
    "LIFECYCLE_SWEEP U    -    -    -    -    U    -    -",
    "CUSTOM_FIELD   RCUD  R    R    R    R    R    R    R",
    "DUPLICATE      RCU   -    -    -    -    RCU  -    -",
    "MERGE          RCU   RCU  R    R    R    R    R    R",
    "ERP_CONFLICT   RU    -    -    -    -    RU   -    -",
    "ERP_STREAM     RU    -    -    -    -    R    -    -",
    "ERP_COMMAND    RCU   RC   RC   R    R    RCU  RC   R",
    "ASSIGNMENT_RULE RCUD RCUD R    R    R    R    R    R",
    "ASSIGNMENT_SWEEP U   -    -    -    -    U    -    -",
    "LEAD           RCU   RCU  RCU  RCU  RCU  RCU  RCU  R",
    "LEAD_FORM      RCUD  R    -    R    -    -    -    -",
    "LEAD_SCORING   RCUD  RCUD R    R    R    RU   R    R",
    "PIPELINE       RCU   R    R    R    R    R    R    R",
    "OPPORTUNITY    RCUD  RCU  RCU  R    R    RCU  RCU  R",
    "OPPORTUNITY_REOPEN U U    -    -    -    -    -    -",
    "QUOTE          RCU   RCU  RCU  R    R    RCU  RCU  R",
    "QUOTE_APPROVAL U     U    -    -    -    -    -    -",
    "FORECAST       R     R    R    R    R    R    R    R",
    "QUOTA          RCUD  RCUD R    R    R    R    R    R",
    "FORECAST_SNAPSHOT RC RC   R    R    R    RC   R    R",
    "PRODUCT_MODEL  RCUD  RCUD R    R    R    R    R    R",
    "CONFIGURATION  RC    RC   RC   R    R    RC   RC   R",
    "ENGINEERING_REQUEST RCU RCU RCU R  R    RCU  RCU  R",
    "ENGINEERING_DECISION U U    -    -    -    -    -    -",
    "CASE           RCU   RCU  RCU  R    RCU  RCU  RCU  R",
  };
  private static final Role[] COLUMNS = {
    Role.CRM_ADMIN, Role.CRM_MANAGER, Role.CRM_SALES, Role.CRM_MARKETING,
    Role.CRM_SERVICE, Role.CRM_INTEGRATION, Role.CRM_USER, Role.CRM_VIEWER
  };

  @Test
  void everyCellOfTheMatrixHolds() {
    List<String> wrong = new ArrayList<>();
    for (String row : MATRIX) {
      String[] cells = row.trim().split("\\s+");
      Resource resource = Resource.valueOf(cells[0]);
      for (int c = 0; c < COLUMNS.length; c++) {
        Actor actor = new Actor("u", Set.of(COLUMNS[c]), Actor.Channel.REST);
        for (Action action : Action.values()) {
          boolean expected = cells[c + 1].indexOf(action.name().charAt(0)) >= 0;
          if (Permissions.allows(actor, resource, action) != expected) {
            wrong.add(
                COLUMNS[c].realmName() + " " + action + " " + resource + " should be " + expected);
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(MATRIX).hasSize(Resource.values().length);
  }

  @Test
  void noRoleNoAccessAndTheDenialSaysWhat() {
    Actor nobody = new Actor("nobody", Set.of(), Actor.Channel.SHELL);
    for (Resource r : Resource.values()) {
      for (Action a : Action.values()) {
        assertThat(Permissions.allows(nobody, r, a)).isFalse();
      }
    }
    assertThatThrownBy(() -> Permissions.require(nobody, Resource.ACCOUNT, Action.READ))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage("user nobody may not read accounts");
  }

  @Test
  void financeFactsAreHiddenFromRolesWithoutFinanceAccess() {
    Account a =
        new Account(
            UUID.randomUUID(),
            "A",
            "P-1",
            "sales",
            LifecycleStage.CUSTOMER,
            AccountStatus.ACTIVE,
            new Receivables(new BigDecimal("10"), "EUR", 1, "INV-1", Instant.EPOCH),
            2,
            Instant.EPOCH,
            Instant.EPOCH);
    for (Role r : List.of(Role.CRM_MARKETING, Role.CRM_SERVICE, Role.CRM_VIEWER)) {
      Account seen = Permissions.visible(new Actor("u", Set.of(r), Actor.Channel.REST), a);
      assertThat(seen.receivables()).as(r.realmName()).isNull();
      assertThat(seen.name()).isEqualTo("A");
      assertThat(seen.version()).isEqualTo(2);
    }
    for (Role r :
        List.of(
            Role.CRM_ADMIN,
            Role.CRM_MANAGER,
            Role.CRM_SALES,
            Role.CRM_USER,
            Role.CRM_INTEGRATION)) {
      assertThat(Permissions.visible(new Actor("u", Set.of(r), Actor.Channel.REST), a))
          .isEqualTo(a);
    }
    Actor both = new Actor("u", Set.of(Role.CRM_VIEWER, Role.CRM_SALES), Actor.Channel.REST);
    assertThat(Permissions.visible(both, a).receivables()).isNotNull();
  }
}
