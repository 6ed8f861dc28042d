/** What every page of the web app shows before anyone has logged in: the accessibility feedback contact and the legal links. */
export class SiteDto {
  /** Who takes feedback on barriers (ACCESSIBILITY_CONTACT_NAME), e.g. "IT-Service der Stadt Musterstadt". */
  accessibilityContactName: string | null;
  /** Email address for that feedback (ACCESSIBILITY_CONTACT_EMAIL). */
  accessibilityContactEmail: string | null;
  /** Link to the operator's privacy statement (PRIVACY_URL). */
  privacyUrl: string | null;
  /** Link to the operator's imprint (IMPRINT_URL). */
  imprintUrl: string | null;
}
