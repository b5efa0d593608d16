package org.loopcrm.crm.api.privacy;

/** The channel a consent is given or withdrawn for: how the CRM may reach the person. */
public enum ConsentChannel {
  /** E-mail. */
  EMAIL,
  /** Phone calls. */
  PHONE,
  /** Text messages. */
  SMS,
  /** Letters by post. */
  POST,
  /** Messenger apps and chat. */
  MESSAGING
}
