package org.loopcrm.crm.api.account;

/**
 * The fields a caller sets on a contact (an update replaces them all).
 *
 * @param firstName given name, at most 100 characters
 * @param lastName family name, required, at most 100 characters
 * @param email e-mail address, optional, must look like one
 * @param phone phone number, optional, at most 40 characters
 * @param title title at the account, optional, at most 100 characters
 */
public record ContactDraft(
    String firstName, String lastName, String email, String phone, String title) {}
