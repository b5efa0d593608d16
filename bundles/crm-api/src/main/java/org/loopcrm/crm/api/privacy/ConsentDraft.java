package org.loopcrm.crm.api.privacy;

/**
 * A consent decision to record.
 *
 * @param purpose what the data is used for: a lowercase token of 2 to 40 characters, letters,
 *     digits, {@code -} and {@code _}, starting with a letter, e.g. {@code newsletter}
 * @param channel the channel the decision is for
 * @param status granted or withdrawn
 * @param source where the decision was made, e.g. {@code web-form} or {@code phone call}, required,
 *     at most 100 characters
 * @param evidence optional proof, e.g. the form's version or a ticket number, at most 1000
 *     characters
 */
public record ConsentDraft(
    String purpose, ConsentChannel channel, ConsentStatus status, String source, String evidence) {}
