package org.loopcrm.crm.core.internal.demo;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration PID {@code crm.core}. */
@ObjectClassDefinition(
    name = "Loop CRM core",
    description = "Settings of the CRM's domain services.")
public @interface CoreConfiguration {

  /** Whether to load demo accounts into an empty database. */
  @AttributeDefinition(
      name = "Demo data",
      description = "Load a few demo accounts and contacts when the database has none.")
  boolean demo() default false;

  /**
   * Who sees accounts beyond their owner's circle: {@code private} (the default: owner, team,
   * manager hierarchy and shares), {@code public-read} (everyone reads, the circle writes) or
   * {@code public-read-write} (no record-level restriction).
   */
  @AttributeDefinition(
      name = "Account access",
      description =
          "private: accounts are visible to their owner, the owner's teams and managers, and whom"
              + " they are shared with; public-read: everyone reads them; public-read-write: no"
              + " record-level restriction.",
      options = {
        @Option(label = "private", value = "private"),
        @Option(label = "public-read", value = "public-read"),
        @Option(label = "public-read-write", value = "public-read-write")
      })
  String accountAccess() default "private";

  /**
   * The lifecycle rules, tried in order: {@code STAGE: fact op number [and ...]} separated by
   * {@code ;}. Facts: purchases, purchasesInWindow, daysSinceLastPurchase, daysSinceFirstPurchase.
   */
  @AttributeDefinition(
      name = "Lifecycle rules",
      description =
          "Ordered rules 'STAGE: fact op number [and fact op number]' separated by ';'. The first"
              + " that holds moves an account with purchases to its stage.")
  String lifecycleRules() default
      "CHURNED: daysSinceLastPurchase >= 365; AT_RISK: daysSinceLastPurchase >= 180;"
          + " LOYAL: purchasesInWindow >= 5; REPEAT: purchases >= 2; CUSTOMER: purchases >= 1";

  /** The window of the fact purchasesInWindow, in days. */
  @AttributeDefinition(
      name = "Lifecycle window (days)",
      description = "How many days back purchasesInWindow counts.")
  int lifecycleWindowDays() default 365;

  /**
   * What a party change from the ERP does to an account the CRM changed too since they last agreed:
   * {@code ERP_WINS}, {@code CRM_WINS} or {@code MANUAL}. Every such conflict is recorded.
   */
  @AttributeDefinition(
      name = "ERP conflict policy",
      description =
          "ERP_WINS: the ERP's master data is applied; CRM_WINS: the CRM's is kept and written back"
              + " to the ERP; MANUAL: nothing is applied until a person resolves the conflict.",
      options = {
        @Option(label = "ERP wins", value = "ERP_WINS"),
        @Option(label = "CRM wins", value = "CRM_WINS"),
        @Option(label = "Manual", value = "MANUAL")
      })
  String erpConflictPolicy() default "ERP_WINS";

  /** The currency of opportunities and quotes that name none (ISO 4217). */
  @AttributeDefinition(
      name = "Default currency",
      description = "ISO 4217 code of opportunities and quotes created without a currency.")
  String defaultCurrency() default "EUR";

  /** A quote line discounted more than this (percent) needs a manager's approval. */
  @AttributeDefinition(
      name = "Quote approval threshold (%)",
      description = "A quote with a line discounted more than this needs approval before sending.")
  double quoteApprovalDiscountPercent() default 15;

  /** How long a new quote is valid when it names no date, in days. */
  @AttributeDefinition(
      name = "Quote validity (days)",
      description = "The validity of a quote created without a date.")
  int quoteValidityDays() default 30;
}
