import { checkFormToken, postedFromAnotherSite, type FormName } from '../form-guard';

export type Headers = Readonly<Record<string, string | undefined>>;
export type Form = Readonly<Record<string, string>>;

/** A form's own value checked: posted from this site, for this form and subject (CSRF). */
export const freshForm = (headers: Headers, form: FormName, subject: string, fields: Form): boolean =>
  !postedFromAnotherSite(headers) && checkFormToken(form, subject, fields.formToken).ok;
