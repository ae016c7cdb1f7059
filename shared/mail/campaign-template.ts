import Handlebars from 'handlebars';
import type { CampaignContent } from '../domain/campaigns/campaign';
import type { FieldProblem } from '../domain/errors';

/** What a placeholder can stand for; strict mode makes anything else an error, never an empty gap. */
export interface CampaignContext {
  readonly name: string;
  readonly event: { readonly title: string };
  readonly manageUrl: string;
}

export const PLACEHOLDERS = ['name', 'event.title', 'manageUrl'] as const;
const allowed = new Set<string>(PLACEHOLDERS);
const listed = PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ');

// Its own environment: no helper or partial registered elsewhere can be reached from an organiser's text.
const hbs = Handlebars.create();

type Field = keyof CampaignContent;

/** Strict: a missing value throws. HTML escapes every value; subject and text are plain text. */
const compileField = (source: string, field: Field): HandlebarsTemplateDelegate<CampaignContext> =>
  hbs.compile<CampaignContext>(source, {
    strict: true,
    knownHelpersOnly: true,
    noEscape: field !== 'html',
  });

const sampleContext: CampaignContext = {
  name: 'Sample Delegate',
  event: { title: 'Sample event' },
  manageUrl: 'https://convene.example.org/registrations/reg_sample?token=sample',
};

/**
 * Handlebars' own words for a template it cannot read ("Parse error on line 1: ... Expecting 'ID', got
 * 'EOF'") are for programmers: an organiser is told, in plain words, where the braces go wrong and how to
 * write a placeholder. The line is kept, as a long text can have many.
 */
const braceProblem = (error: unknown): string => {
  const line = /on line (\d+)/.exec(error instanceof Error ? error.message : String(error))?.[1];
  return (
    `The curly braces ${line ? `on line ${line} ` : ''}do not make a placeholder. Write each placeholder ` +
    `with two braces on each side, such as {{${PLACEHOLDERS[0]}}}, and take out any brace that is not part of one.`
  );
};

/** Problems with the statements of one template: only the known placeholders, as plain `{{ }}` in HTML. */
const statementProblems = (program: hbs.AST.Program, field: Field): string[] =>
  program.body.flatMap((statement): string[] => {
    if (statement.type === 'ContentStatement' || statement.type === 'CommentStatement') return [];
    if (statement.type !== 'MustacheStatement') {
      return [`Only the placeholders ${listed} can be used: no blocks, partials or helpers.`];
    }
    const mustache = statement as hbs.AST.MustacheStatement;
    const path = mustache.path;
    const name = path.type === 'PathExpression' ? (path as hbs.AST.PathExpression).original : undefined;
    const plain =
      path.type === 'PathExpression' &&
      !(path as hbs.AST.PathExpression).data &&
      mustache.params.length === 0 &&
      (mustache.hash?.pairs.length ?? 0) === 0;
    if (name === undefined || !allowed.has(name)) {
      const shown = name ?? String((path as hbs.AST.StringLiteral).original);
      return [`Unknown placeholder {{${shown}}}: use ${listed}.`];
    }
    if (!plain) return [`Write the placeholder as {{${name}}}, with nothing else inside the braces.`];
    if (field === 'html' && !mustache.escaped) {
      return [`Use {{${name}}} rather than {{{${name}}}}: values are always escaped in HTML.`];
    }
    return [];
  });

/**
 * Why a campaign's templates cannot be sent, one problem per field (empty when they can): each is parsed,
 * its statements checked, then compiled and rendered against a sample recipient, as at send time.
 */
export const templateProblems = (content: CampaignContent): FieldProblem[] => {
  const fields: [Field, string | undefined][] = [
    ['subject', content.subject],
    ['text', content.text],
    ['html', content.html],
  ];
  return fields.flatMap(([field, source]): FieldProblem[] => {
    if (source === undefined) return [];
    let program: hbs.AST.Program;
    try {
      program = hbs.parse(source);
    } catch (error) {
      return [{ path: field, message: braceProblem(error) }];
    }
    const problems = statementProblems(program, field);
    if (problems.length > 0) return [{ path: field, message: [...new Set(problems)].join(' ') }];
    try {
      compileField(source, field)(sampleContext);
      return [];
    } catch {
      // Parsed and checked, yet it does not render for a sample delegate: say what may be used.
      return [{ path: field, message: `This cannot be sent as it is. Use only the placeholders ${listed}.` }];
    }
  });
};

export interface CompiledCampaign {
  (context: CampaignContext): { subject: string; text: string; html?: string };
}

/** Compiles checked content once; the result renders each recipient's parts. */
export const compileCampaign = (content: CampaignContent): CompiledCampaign => {
  const subject = compileField(content.subject, 'subject');
  const text = compileField(content.text, 'text');
  const html = content.html === undefined ? undefined : compileField(content.html, 'html');
  return (context) => ({
    subject: subject(context),
    text: text(context),
    ...(html ? { html: html(context) } : {}),
  });
};

export const escapeHtml = (value: string): string => hbs.Utils.escapeExpression(value);
