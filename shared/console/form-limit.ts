/**
 * A console form's largest body, as the browser sends it (percent-encoded). One UTF-16 code unit can take
 * nine bytes there (a three-byte UTF-8 character, each byte as %XX), so the forms the schemas allow
 * reach: a campaign at its limits 272 kB, a survey of 50 questions with 20 options each 2.03 MB. The
 * bound is Lambda's 6 MB each way: API Gateway hands a form over base64-encoded (a third more), and a
 * refused form is shown again with what was typed, in which a `"` sent as 3 bytes (%22) is 6 (&quot;).
 * 64 KB refused a campaign of 11,000 accented letters that the schema takes, and the organiser lost what
 * they wrote.
 */
export const MAX_FORM_BYTES = 2.5 * 1024 * 1024;
