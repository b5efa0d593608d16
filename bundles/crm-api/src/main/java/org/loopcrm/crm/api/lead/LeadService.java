package org.loopcrm.crm.api.lead;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Page;

/**
 * Leads: capture, work, scoring and conversion; web forms and scoring rules. A lead is seen and
 * changed by its owner's circle (owner, team mates, managers) and those it is shared with; for
 * everybody else it does not exist. Conversion copies the lead's consent into the contact's consent
 * register. Calls throw {@link org.loopcrm.crm.api.AccessDeniedException}, {@link
 * org.loopcrm.crm.api.ValidationException}, {@link org.loopcrm.crm.api.NotFoundException}, {@link
 * org.loopcrm.crm.api.StaleVersionException} and {@link org.loopcrm.crm.api.ConflictException} (a
 * transition that makes no sense).
 */
public interface LeadService {

  /**
   * Captures a lead: owner by the assignment rules unless given, duplicates flagged (never
   * refused), scored.
   */
  Lead create(Actor actor, LeadDraft draft);

  /** One lead. */
  Lead get(Actor actor, UUID id);

  /** Leads, newest first. */
  Page<Lead> list(Actor actor, LeadQuery query);

  /** Replaces a lead's fields; a CONVERTED lead cannot change. */
  Lead update(Actor actor, UUID id, long expectedVersion, LeadDraft draft);

  /**
   * Moves a lead to another status (not CONVERTED: see {@link #convert}); reason for DISQUALIFIED.
   */
  Lead transition(Actor actor, UUID id, long expectedVersion, LeadStatus to, String reason);

  /** Records an activity of the lead and scores it again. */
  LeadActivity addActivity(Actor actor, UUID id, String kind, String note);

  /** The lead's activities, newest first. */
  List<LeadActivity> activities(Actor actor, UUID id);

  /** The lead's score now, with each contribution; stores it on the lead. */
  LeadScore score(Actor actor, UUID id);

  /** Scores every open lead again (decay); returns how many changed. */
  int rescoreAll(Actor actor);

  /** Existing accounts and contacts that look like the lead. */
  List<ConversionCandidate> conversionCandidates(Actor actor, UUID id);

  /**
   * Converts a lead into an account, a contact and, if asked, an opportunity, in one transaction.
   */
  Conversion.Result convert(Actor actor, UUID id, long expectedVersion, Conversion conversion);

  /** The web forms. */
  List<LeadForm> forms(Actor actor);

  /** One web form. */
  LeadForm form(Actor actor, UUID id);

  /** Creates a web form. */
  LeadForm createForm(Actor actor, LeadFormDraft draft);

  /** Replaces a web form. */
  LeadForm updateForm(Actor actor, UUID id, long expectedVersion, LeadFormDraft draft);

  /** Deletes a web form; its leads stay. */
  void deleteForm(Actor actor, UUID id, long expectedVersion);

  /**
   * The enabled form with the public key, for the public endpoint (no actor: the form is public);
   * NotFoundException for an unknown or disabled key.
   */
  LeadForm publicForm(String key);

  /**
   * Takes a public submission of an enabled form: fields the form does not allow are refused, a
   * filled honeypot is dropped (and counted), anything else becomes a lead.
   */
  Submission submit(String key, Map<String, String> fields, String ip);

  /** Submissions dropped by honeypots since the start. */
  long discardedSubmissions();

  /** The scoring rules, by name. */
  List<ScoringRule> scoringRules(Actor actor);

  /** Creates a scoring rule. */
  ScoringRule createScoringRule(Actor actor, ScoringRule rule);

  /** Replaces a scoring rule. */
  ScoringRule updateScoringRule(Actor actor, UUID id, long expectedVersion, ScoringRule rule);

  /** Deletes a scoring rule. */
  void deleteScoringRule(Actor actor, UUID id, long expectedVersion);
}
