package org.loopcrm.crm.core.internal.account;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.ContactDraft;
import org.loopcrm.crm.api.account.LifecycleStage;

/** Validation, lifecycle transitions and permissions of accounts and contacts. */
public final class AccountRules {
  private static final Pattern ERP_REF = Pattern.compile("[\\p{Alnum}._:/-]{1,64}");
  private static final Pattern USER = Pattern.compile("[\\p{Alnum}._@-]{1,100}");
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{3,40}");

  private static final Pattern TAX_ID = Pattern.compile("[A-Z0-9]{2,32}");
  private static final Pattern TAX_ID_NOISE = Pattern.compile("[\\s.\\-/]");

  /** The stages an account may be created in; the others are reached through the rules. */
  private static final Set<LifecycleStage> CREATE_STAGES =
      EnumSet.of(
          LifecycleStage.SUSPECT,
          LifecycleStage.PROSPECT,
          LifecycleStage.CUSTOMER,
          LifecycleStage.CHURNED);

  private AccountRules() {}

  /**
   * A tax id as stored and compared: upper case without spaces, dots, dashes or slashes; null if
   * blank. "de 123.456-789" and "DE123456789" are the same id.
   */
  public static String normalTaxId(String taxId) {
    if (taxId == null) {
      return null;
    }
    String t = TAX_ID_NOISE.matcher(taxId).replaceAll("").toUpperCase(Locale.ROOT);
    return t.isEmpty() ? null : t;
  }

  /** The draft with defaults applied (owner = caller, stage = prospect) and trimmed, or throws. */
  public static AccountDraft validNewAccount(Actor actor, AccountDraft draft) {
    if (draft == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    AccountDraft d =
        new AccountDraft(
            trim(draft.name()),
            trim(draft.erpRef()),
            normalTaxId(draft.taxId()),
            draft.owner() == null ? actor.user() : trim(draft.owner()),
            draft.stage() == null ? LifecycleStage.PROSPECT : draft.stage().canonical(),
            draft.customFields());
    validate(d);
    if (!CREATE_STAGES.contains(d.stage())) {
      throw new ValidationException(
          List.of(
              new FieldError(
                  "stage",
                  "a new account starts as one of "
                      + CREATE_STAGES
                      + "; "
                      + d.stage()
                      + " is reached through the lifecycle rules")));
    }
    return d;
  }

  /** The trimmed draft of a full update, or throws; every field but erpRef is required. */
  public static AccountDraft validUpdate(AccountDraft draft) {
    if (draft == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    AccountDraft d =
        new AccountDraft(
            trim(draft.name()),
            trim(draft.erpRef()),
            normalTaxId(draft.taxId()),
            trim(draft.owner()),
            draft.stage() == null ? null : draft.stage().canonical(),
            draft.customFields());
    validate(d);
    return d;
  }

  private static void validate(AccountDraft d) {
    List<FieldError> errors = new ArrayList<>();
    if (d.name() == null) {
      errors.add(new FieldError("name", "must not be blank"));
    } else if (d.name().length() > 200) {
      errors.add(new FieldError("name", "must be at most 200 characters"));
    }
    if (d.erpRef() != null && !ERP_REF.matcher(d.erpRef()).matches()) {
      errors.add(
          new FieldError("erpRef", "must be 1 to 64 letters, digits or . _ : / - (no spaces)"));
    }
    if (d.taxId() != null && !TAX_ID.matcher(d.taxId()).matches()) {
      errors.add(
          new FieldError(
              "taxId", "must be 2 to 32 letters or digits (spaces, dots and dashes ignored)"));
    }
    if (d.owner() == null) {
      errors.add(new FieldError("owner", "must not be blank"));
    } else if (!USER.matcher(d.owner()).matches()) {
      errors.add(new FieldError("owner", "must be a user name of at most 100 characters"));
    }
    if (d.stage() == null) {
      errors.add(
          new FieldError(
              "stage",
              "is required (SUSPECT, PROSPECT, CUSTOMER, REPEAT, LOYAL, AT_RISK or CHURNED)"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  /** The trimmed contact draft, or throws. */
  public static ContactDraft validContact(ContactDraft draft) {
    if (draft == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    ContactDraft d =
        new ContactDraft(
            trim(draft.firstName()),
            trim(draft.lastName()),
            trim(draft.email()),
            trim(draft.phone()),
            trim(draft.title()),
            draft.customFields());
    List<FieldError> errors = new ArrayList<>();
    if (d.firstName() != null && d.firstName().length() > 100) {
      errors.add(new FieldError("firstName", "must be at most 100 characters"));
    }
    if (d.lastName() == null) {
      errors.add(new FieldError("lastName", "must not be blank"));
    } else if (d.lastName().length() > 100) {
      errors.add(new FieldError("lastName", "must be at most 100 characters"));
    }
    if (d.email() != null && (d.email().length() > 254 || !EMAIL.matcher(d.email()).matches())) {
      errors.add(new FieldError("email", "must be an e-mail address such as ada@example.com"));
    }
    if (d.phone() != null && !PHONE.matcher(d.phone()).matches()) {
      errors.add(
          new FieldError("phone", "must be a phone number of 3 to 40 digits and + ( ) . / -"));
    }
    if (d.title() != null && d.title().length() > 100) {
      errors.add(new FieldError("title", "must be at most 100 characters"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return d;
  }

  /** Refuses a stage change that makes no sense, e.g. a customer back to prospect. */
  public static void checkTransition(LifecycleStage from, LifecycleStage to) {
    if (!from.canMoveTo(to)) {
      throw new ConflictException(
          "an account cannot move from " + from + " to " + to + "; allowed: " + from.next());
    }
  }

  private static String trim(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
