import Handlebars from 'handlebars';
import { footerHtml, mailDocumentHtml, style } from './html-fragments';
import { footerText } from './text-fragments';
import { singleLine } from './single-line';

export interface SubstitutionNoteInput {
  /** The delegate who passed the place on. */
  readonly name: string;
  readonly eventTitle: string;
  readonly organiser: { readonly name: string; readonly email: string };
}

const hbs = Handlebars.create();
const htmlOptions = { strict: true, knownHelpersOnly: true } as const;

const intro = 'Your place at {{eventTitle}} has been passed to a colleague, as the organisers arranged.';
const after = 'You do not need to do anything.';

const html = hbs.compile(
  mailDocumentHtml(`<h1 style="${style.h1}">Your place has been passed on</h1>
<p style="${style.p}">Dear {{name}},</p>
<p style="${style.p}">${intro}</p>
<p style="${style.p}">${after}</p>
${footerHtml()}`),
  htmlOptions,
);
const text = hbs.compile(`Dear {{name}},\n\n${intro}\n\n${after}\n\n${footerText}`, {
  ...htmlOptions,
  noEscape: true,
});

/** The short note to a delegate whose place an organiser passed to a colleague (no booking, no invite). */
export const renderSubstitutionNote = (input: SubstitutionNoteInput) => {
  const view = {
    name: singleLine(input.name),
    eventTitle: singleLine(input.eventTitle),
    organiserName: singleLine(input.organiser.name),
    organiserEmail: singleLine(input.organiser.email),
    subject: singleLine(`Your place has been passed on: ${input.eventTitle}`),
  };
  return { subject: view.subject, text: text(view), html: html(view) };
};
