package org.loopcrm.crm.core.internal.security;

import static org.loopcrm.crm.api.Role.CRM_ADMIN;
import static org.loopcrm.crm.api.Role.CRM_INTEGRATION;
import static org.loopcrm.crm.api.Role.CRM_MANAGER;
import static org.loopcrm.crm.api.Role.CRM_MARKETING;
import static org.loopcrm.crm.api.Role.CRM_SALES;
import static org.loopcrm.crm.api.Role.CRM_SERVICE;
import static org.loopcrm.crm.api.Role.CRM_USER;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.account.Account;

/**
 * The permission matrix: which roles may do which action on which kind of record, and which roles
 * see finance facts. Every service checks here, so REST, the shell, routes and plugins obey the
 * same rules. Record-level visibility (owner, team, shares) comes on top of this matrix.
 */
public final class Permissions {

  /** The kinds of record (and record-like things) permissions are given on. */
  public enum Resource {
    ACCOUNT,
    CONTACT,
    /** The audit history of one record. */
    RECORD_HISTORY,
    /** The audit trail of one user. */
    USER_HISTORY,
    WEBHOOK,
    /** Teams and the manager hierarchy. */
    TEAM,
    /** Explicit shares of records. */
    SHARE,
    /** A person's consent register (GDPR); a decision is created, never updated. */
    CONSENT,
    /** The export of everything held on a data subject (GDPR). */
    SUBJECT_EXPORT,
    /** Erasure requests for data subjects (GDPR). */
    ERASURE,
    /** Contact mechanisms of accounts and contacts (e-mail, phone, postal, web, social). */
    CONTACT_MECHANISM,
    /** Roles of parties (customer, prospect, partner, competitor, supplier). */
    PARTY_ROLE,
    /** References to parties in other systems (ERP ids). */
    EXTERNAL_REF,
    /** Tags on parties. */
    TAG,
    /** Activities and tasks of accounts, and their timeline; completing a task is an update. */
    ACTIVITY,
    /** A user's own notifications; marking one read is an update. */
    NOTIFICATION,
    /**
     * An account's lifecycle: rules, purchase facts, stage history; evaluating one is an update.
     */
    LIFECYCLE,
    /** Applying the lifecycle rules to every account with purchases (the scheduled route does). */
    LIFECYCLE_SWEEP,
    /** Definitions of custom fields (their values are part of accounts and contacts). */
    CUSTOM_FIELD,
    /** Duplicate scans (create) and the review of their clusters (read, update). */
    DUPLICATE,
    /** Merges of duplicate parties: creating one merges, updating one undoes it. */
    MERGE,
    /** Master-data conflicts between the ERP and the CRM; resolving one is an update. */
    ERP_CONFLICT,
    /** The ERP pollers' watermarks; setting one back (rewind) is an update. */
    ERP_STREAM,
    /**
     * Commands to the ERP (sales, productions, projects): creating one places it; reporting its
     * outcome is an update, the connector's.
     */
    ERP_COMMAND,
    /**
     * Assignment rules and what they know of users (capacity, skills); a user's own absences are
     * theirs to set (decisions.md §29).
     */
    ASSIGNMENT_RULE,
    /** Re-assigning the open records of absent owners and overdue first responses. */
    ASSIGNMENT_SWEEP,
    /** Leads; converting one is an update (and creates an account and a contact). */
    LEAD,
    /** Web-to-lead forms. */
    LEAD_FORM,
    /** Lead-scoring rules; re-scoring every lead (decay) is an update. */
    LEAD_SCORING,
    /** Sales pipelines and their stages. */
    PIPELINE,
    /** Opportunities, their lines and stage history; winning or losing one is an update. */
    OPPORTUNITY,
    /** Reopening a won or lost opportunity (it changes closed figures of the forecast). */
    OPPORTUNITY_REOPEN,
    /** Quotes of opportunities; sending, accepting and rejecting one are updates. */
    QUOTE,
    /** Approving (or refusing) a quote whose discount exceeds the threshold. */
    QUOTE_APPROVAL,
    /** The sales forecast of a period (of the opportunities one sees). */
    FORECAST,
    /** Sales quotas of users and teams per period. */
    QUOTA,
    /** Snapshots of a period's opportunities, and the forecast accuracy measured on them. */
    FORECAST_SNAPSHOT,
    /**
     * Configure-to-order product models and their revisions; releasing or retiring is an update.
     */
    PRODUCT_MODEL,
    /**
     * Configurations of product models: configuring is a read, saving one (for a quote) a create.
     */
    CONFIGURATION,
    /** Engineering requests of engineer-to-order opportunities, their files, estimates, BOMs. */
    ENGINEERING_REQUEST,
    /** Engineering's decisions: feasibility, and releasing a BOM revision to production. */
    ENGINEERING_DECISION,
    /** Service cases, their status changes, replies and notes (all updates). */
    CASE
  }

  /** What is done. */
  public enum Action {
    READ,
    CREATE,
    UPDATE,
    ARCHIVE,
    DELETE
  }

  private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
  private static final Set<Role> WRITERS =
      EnumSet.of(CRM_ADMIN, CRM_MANAGER, CRM_SALES, CRM_USER, CRM_INTEGRATION);
  private static final Set<Role> FINANCE =
      EnumSet.of(CRM_ADMIN, CRM_MANAGER, CRM_SALES, CRM_USER, CRM_INTEGRATION);
  private static final Map<Resource, Map<Action, Set<Role>>> MATRIX = new EnumMap<>(Resource.class);

  static {
    grant(Resource.ACCOUNT, Action.READ, EVERYONE);
    grant(Resource.ACCOUNT, Action.CREATE, WRITERS);
    grant(Resource.ACCOUNT, Action.UPDATE, WRITERS);
    grant(
        Resource.ACCOUNT, Action.ARCHIVE, EnumSet.of(CRM_ADMIN, CRM_MANAGER, CRM_SALES, CRM_USER));
    grant(Resource.ACCOUNT, Action.DELETE, EnumSet.of(CRM_ADMIN));
    Set<Role> contactWriters = EnumSet.copyOf(WRITERS);
    contactWriters.addAll(EnumSet.of(CRM_MARKETING, CRM_SERVICE));
    grant(Resource.CONTACT, Action.READ, EVERYONE);
    grant(Resource.CONTACT, Action.CREATE, contactWriters);
    grant(Resource.CONTACT, Action.UPDATE, contactWriters);
    grant(Resource.CONTACT, Action.DELETE, contactWriters);
    grant(Resource.RECORD_HISTORY, Action.READ, EVERYONE);
    grant(Resource.USER_HISTORY, Action.READ, EnumSet.of(CRM_ADMIN, CRM_MANAGER));
    for (Action a : Action.values()) {
      grant(Resource.WEBHOOK, a, EnumSet.of(CRM_ADMIN));
    }
    grant(Resource.TEAM, Action.READ, EVERYONE);
    grant(Resource.TEAM, Action.CREATE, EnumSet.of(CRM_ADMIN));
    grant(Resource.TEAM, Action.UPDATE, EnumSet.of(CRM_ADMIN));
    grant(Resource.TEAM, Action.DELETE, EnumSet.of(CRM_ADMIN));
    grant(Resource.SHARE, Action.READ, EVERYONE);
    grant(Resource.SHARE, Action.CREATE, WRITERS);
    grant(Resource.SHARE, Action.DELETE, WRITERS);
    grant(Resource.CONSENT, Action.READ, EVERYONE);
    grant(Resource.CONSENT, Action.CREATE, contactWriters);
    grant(Resource.SUBJECT_EXPORT, Action.READ, EnumSet.of(CRM_ADMIN));
    grant(Resource.ERASURE, Action.READ, EnumSet.of(CRM_ADMIN));
    grant(Resource.ERASURE, Action.CREATE, EnumSet.of(CRM_ADMIN));
    // Party details (issue 4): mechanisms and tags are edited by whoever edits contacts; roles and
    // ERP references by whoever edits accounts.
    grant(Resource.CONTACT_MECHANISM, Action.READ, EVERYONE);
    grant(Resource.CONTACT_MECHANISM, Action.CREATE, contactWriters);
    grant(Resource.CONTACT_MECHANISM, Action.UPDATE, contactWriters);
    grant(Resource.CONTACT_MECHANISM, Action.DELETE, contactWriters);
    grant(Resource.PARTY_ROLE, Action.READ, EVERYONE);
    grant(Resource.PARTY_ROLE, Action.CREATE, WRITERS);
    grant(Resource.PARTY_ROLE, Action.DELETE, WRITERS);
    grant(Resource.EXTERNAL_REF, Action.READ, EVERYONE);
    grant(Resource.EXTERNAL_REF, Action.CREATE, WRITERS);
    grant(Resource.EXTERNAL_REF, Action.DELETE, WRITERS);
    grant(Resource.TAG, Action.READ, EVERYONE);
    grant(Resource.TAG, Action.CREATE, contactWriters);
    grant(Resource.TAG, Action.DELETE, contactWriters);
    grant(Resource.ACTIVITY, Action.READ, EVERYONE);
    grant(Resource.ACTIVITY, Action.CREATE, contactWriters);
    grant(Resource.ACTIVITY, Action.UPDATE, contactWriters);
    grant(Resource.ACTIVITY, Action.DELETE, EnumSet.of(CRM_ADMIN, CRM_MANAGER));
    grant(Resource.NOTIFICATION, Action.READ, EVERYONE);
    grant(Resource.NOTIFICATION, Action.UPDATE, EVERYONE);
    grant(Resource.LIFECYCLE, Action.READ, EVERYONE);
    grant(Resource.LIFECYCLE, Action.UPDATE, WRITERS);
    grant(Resource.LIFECYCLE_SWEEP, Action.UPDATE, EnumSet.of(CRM_ADMIN, CRM_INTEGRATION));
    grant(Resource.CUSTOM_FIELD, Action.READ, EVERYONE);
    grant(Resource.CUSTOM_FIELD, Action.CREATE, EnumSet.of(CRM_ADMIN));
    grant(Resource.CUSTOM_FIELD, Action.UPDATE, EnumSet.of(CRM_ADMIN));
    grant(Resource.CUSTOM_FIELD, Action.DELETE, EnumSet.of(CRM_ADMIN));
    // Duplicate scans see every record: for the roles that do (decisions.md §18).
    Set<Role> seeAll = EnumSet.of(CRM_ADMIN, CRM_INTEGRATION);
    grant(Resource.DUPLICATE, Action.READ, seeAll);
    grant(Resource.DUPLICATE, Action.CREATE, seeAll);
    grant(Resource.DUPLICATE, Action.UPDATE, seeAll);
    // Merging (issue 4, item 6) rewrites several records at once and is undone as a whole: only
    // administrators and managers merge and undo; whoever reads the survivor reads its merges.
    grant(Resource.MERGE, Action.READ, EVERYONE);
    grant(Resource.MERGE, Action.CREATE, EnumSet.of(CRM_ADMIN, CRM_MANAGER));
    grant(Resource.MERGE, Action.UPDATE, EnumSet.of(CRM_ADMIN, CRM_MANAGER));
    // ERP synchronisation (issue 5): conflicts are reviewed by the roles that run the integration;
    // moving a poller back re-reads the ERP, an administrator's decision (decisions.md §23).
    grant(Resource.ERP_CONFLICT, Action.READ, seeAll);
    grant(Resource.ERP_CONFLICT, Action.UPDATE, seeAll);
    grant(Resource.ERP_STREAM, Action.READ, seeAll);
    grant(Resource.ERP_STREAM, Action.UPDATE, EnumSet.of(CRM_ADMIN));
    // Commands to the ERP are placed by whoever edits the account (a sale for a customer is an
    // edit of its business); only the integration reports how they went (decisions.md §27).
    grant(Resource.ERP_COMMAND, Action.READ, EVERYONE);
    grant(Resource.ERP_COMMAND, Action.CREATE, WRITERS);
    grant(Resource.ERP_COMMAND, Action.UPDATE, seeAll);
    // Assignment rules (issue 6): everyone may see why a record went to whom; the rules, the
    // users' capacity and skills are set by administrators and managers; the sweep is run by
    // administrators and by the scheduled route (decisions.md §29).
    grant(Resource.ASSIGNMENT_RULE, Action.READ, EVERYONE);
    grant(Resource.ASSIGNMENT_RULE, Action.CREATE, EnumSet.of(CRM_ADMIN, CRM_MANAGER));
    grant(Resource.ASSIGNMENT_RULE, Action.UPDATE, EnumSet.of(CRM_ADMIN, CRM_MANAGER));
    grant(Resource.ASSIGNMENT_RULE, Action.DELETE, EnumSet.of(CRM_ADMIN, CRM_MANAGER));
    grant(Resource.ASSIGNMENT_SWEEP, Action.UPDATE, EnumSet.of(CRM_ADMIN, CRM_INTEGRATION));
    // Leads (issue 6): captured and worked by whoever works contacts (marketing too); forms are
    // public endpoints, so administrators own them; scoring rules are set by administrators and
    // managers, and the scheduled re-scoring runs as the integration (decisions.md §30).
    grant(Resource.LEAD, Action.READ, EVERYONE);
    grant(Resource.LEAD, Action.CREATE, contactWriters);
    grant(Resource.LEAD, Action.UPDATE, contactWriters);
    grant(Resource.LEAD_FORM, Action.READ, EnumSet.of(CRM_ADMIN, CRM_MANAGER, CRM_MARKETING));
    grant(Resource.LEAD_FORM, Action.CREATE, EnumSet.of(CRM_ADMIN));
    grant(Resource.LEAD_FORM, Action.UPDATE, EnumSet.of(CRM_ADMIN));
    grant(Resource.LEAD_FORM, Action.DELETE, EnumSet.of(CRM_ADMIN));
    grant(Resource.LEAD_SCORING, Action.READ, EVERYONE);
    grant(Resource.LEAD_SCORING, Action.CREATE, EnumSet.of(CRM_ADMIN, CRM_MANAGER));
    grant(
        Resource.LEAD_SCORING, Action.UPDATE, EnumSet.of(CRM_ADMIN, CRM_MANAGER, CRM_INTEGRATION));
    grant(Resource.LEAD_SCORING, Action.DELETE, EnumSet.of(CRM_ADMIN, CRM_MANAGER));
    // Sales (issue 6): pipelines are the administrators'; opportunities follow their account, and
    // reopening a closed one rewrites closed figures, for managers (decisions.md §31).
    grant(Resource.PIPELINE, Action.READ, EVERYONE);
    grant(Resource.PIPELINE, Action.CREATE, EnumSet.of(CRM_ADMIN));
    grant(Resource.PIPELINE, Action.UPDATE, EnumSet.of(CRM_ADMIN));
    grant(Resource.OPPORTUNITY, Action.READ, EVERYONE);
    grant(Resource.OPPORTUNITY, Action.CREATE, WRITERS);
    grant(Resource.OPPORTUNITY, Action.UPDATE, WRITERS);
    grant(Resource.OPPORTUNITY, Action.DELETE, EnumSet.of(CRM_ADMIN));
    grant(Resource.OPPORTUNITY_REOPEN, Action.UPDATE, EnumSet.of(CRM_ADMIN, CRM_MANAGER));
    grant(Resource.QUOTE, Action.READ, EVERYONE);
    grant(Resource.QUOTE, Action.CREATE, WRITERS);
    grant(Resource.QUOTE, Action.UPDATE, WRITERS);
    grant(Resource.QUOTE_APPROVAL, Action.UPDATE, EnumSet.of(CRM_ADMIN, CRM_MANAGER));
    // The forecast (issue 6, item 4): everyone reads it over what they see; quotas are set by
    // managers and administrators; snapshots are also taken by the scheduled route (decisions.md
    // §32).
    grant(Resource.FORECAST, Action.READ, EVERYONE);
    grant(Resource.QUOTA, Action.READ, EVERYONE);
    grant(Resource.QUOTA, Action.CREATE, EnumSet.of(CRM_ADMIN, CRM_MANAGER));
    grant(Resource.QUOTA, Action.UPDATE, EnumSet.of(CRM_ADMIN, CRM_MANAGER));
    grant(Resource.QUOTA, Action.DELETE, EnumSet.of(CRM_ADMIN, CRM_MANAGER));
    grant(Resource.FORECAST_SNAPSHOT, Action.READ, EVERYONE);
    grant(
        Resource.FORECAST_SNAPSHOT,
        Action.CREATE,
        EnumSet.of(CRM_ADMIN, CRM_MANAGER, CRM_INTEGRATION));
    // Configure-to-order (issue 6): product models are product management's, read by everyone;
    // whoever sells saves configurations for quotes (decisions.md §28).
    grant(Resource.PRODUCT_MODEL, Action.READ, EVERYONE);
    for (Action a : List.of(Action.CREATE, Action.UPDATE, Action.DELETE)) {
      grant(Resource.PRODUCT_MODEL, a, EnumSet.of(CRM_ADMIN, CRM_MANAGER));
    }
    grant(Resource.CONFIGURATION, Action.READ, EVERYONE);
    grant(Resource.CONFIGURATION, Action.CREATE, WRITERS);
    grant(Resource.ENGINEERING_REQUEST, Action.READ, EVERYONE);
    grant(Resource.ENGINEERING_REQUEST, Action.CREATE, WRITERS);
    grant(Resource.ENGINEERING_REQUEST, Action.UPDATE, WRITERS);
    grant(Resource.ENGINEERING_DECISION, Action.UPDATE, EnumSet.of(CRM_ADMIN, CRM_MANAGER));
    // Service cases (issue 6, item 2): every role reads them (within its circle); the service
    // desk opens and works them with whoever writes accounts; nobody deletes one, a case is
    // closed (decisions.md §36).
    Set<Role> caseWriters = EnumSet.copyOf(WRITERS);
    caseWriters.add(CRM_SERVICE);
    grant(Resource.CASE, Action.READ, EVERYONE);
    grant(Resource.CASE, Action.CREATE, caseWriters);
    grant(Resource.CASE, Action.UPDATE, caseWriters);
  }

  private Permissions() {}

  private static void grant(Resource resource, Action action, Set<Role> roles) {
    MATRIX
        .computeIfAbsent(resource, r -> new EnumMap<>(Action.class))
        .put(action, Set.copyOf(roles));
  }

  /** A user name as the realm and the CRM accept it. */
  public static final java.util.regex.Pattern USER_NAME =
      java.util.regex.Pattern.compile("[\\p{Alnum}._@-]{1,100}");

  /** Whether one of the actor's roles allows the action. */
  public static boolean allows(Actor actor, Resource resource, Action action) {
    Set<Role> allowed = MATRIX.getOrDefault(resource, Map.of()).getOrDefault(action, Set.of());
    return actor.roles().stream().anyMatch(allowed::contains);
  }

  /** Throws {@link AccessDeniedException} unless the actor may. */
  public static void require(Actor actor, Resource resource, Action action) {
    if (!allows(actor, resource, action)) {
      throw new AccessDeniedException(
          "user "
              + actor.user()
              + " may not "
              + action.name().toLowerCase(Locale.ROOT)
              + " "
              + resource.name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + (resource == Resource.ACCOUNT
                      || resource == Resource.CONTACT
                      || resource == Resource.TEAM
                      || resource == Resource.SHARE
                      || resource == Resource.CONTACT_MECHANISM
                      || resource == Resource.PARTY_ROLE
                      || resource == Resource.EXTERNAL_REF
                      || resource == Resource.TAG
                      || resource == Resource.NOTIFICATION
                      || resource == Resource.DUPLICATE
                      || resource == Resource.MERGE
                      || resource == Resource.ERP_CONFLICT
                      || resource == Resource.ERP_STREAM
                      || resource == Resource.ERP_COMMAND
                      || resource == Resource.ASSIGNMENT_RULE
                      || resource == Resource.LEAD
                      || resource == Resource.LEAD_FORM
                      || resource == Resource.PIPELINE
                      || resource == Resource.OPPORTUNITY
                      || resource == Resource.QUOTE
                      || resource == Resource.QUOTA
                      || resource == Resource.FORECAST_SNAPSHOT
                      || resource == Resource.PRODUCT_MODEL
                      || resource == Resource.CONFIGURATION
                      || resource == Resource.ENGINEERING_REQUEST
                      || resource == Resource.ENGINEERING_DECISION
                      || resource == Resource.CASE
                  ? "s"
                  : ""));
    }
  }

  /** Whether the actor sees finance facts (receivables, credit). */
  public static boolean seesFinance(Actor actor) {
    return actor.roles().stream().anyMatch(FINANCE::contains);
  }

  /** The account as the actor may see it: without the receivables unless it sees finance facts. */
  public static Account visible(Actor actor, Account a) {
    if (seesFinance(actor)) {
      return a;
    }
    return new Account(
        a.id(),
        a.name(),
        a.erpRef(),
        a.taxId(),
        a.owner(),
        a.stage(),
        a.status(),
        null,
        a.version(),
        a.createdAt(),
        a.updatedAt(),
        a.customFields());
  }
}
