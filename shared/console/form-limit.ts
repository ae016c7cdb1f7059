/**
 * A console form's largest body, as sent (percent-encoded). A character can take nine bytes there (three
 * UTF-8 bytes, each as %XX), so the forms the schemas allow reach: a campaign at its limits 272 KB, a
 * survey of 50 questions with 20 options each 2 MB. Anything larger is refused whole, as no page could
 * show it again; 64 KB refused a campaign of 11,000 accented letters that the schema takes, and the
 * organiser lost what they wrote. Below Lambda's 6 MB request.
 */
export const MAX_FORM_BYTES = 4 * 1024 * 1024;
