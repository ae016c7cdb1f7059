import { randomUUID } from 'node:crypto';
import { campaignAccepted, campaignRequest, type CampaignRequestBody } from '../../api/campaign-schemas';
import type { Conference } from '../../domain/conference';
import { DomainError, type FieldProblem } from '../../domain/errors';
import { eventTimeToInstant } from '../../domain/wall-clock';
import { json, seeOther, type HttpResult } from '../../http/respond';
import { problemsOf } from '../../http/zod-problems';
import { createCampaign } from '../../use-cases/campaigns/create';
import { previewCampaign } from '../../use-cases/campaigns/preview';
import { campaignReach } from '../../use-cases/campaigns/recipients';
import { loadConference } from '../../use-cases/load-conference';
import * as z from '../../zod';
import type { ConsolePage } from '../console-handler';
import { consolePage } from '../console-page';
import { audienceRows } from './audience-words';
import {
  audienceOf,
  blankCampaignForm,
  campaignFormFields,
  campaignRequestOf,
  readCampaignValues,
  type CampaignFormValues,
} from './campaign-form';
import { campaignFormErrors } from './campaign-form-errors';
import { campaignLinks } from './campaign-links';
import { composeView } from './compose-view';
import { sandboxedMail } from './mail-preview';
import { eventMoment } from './progress-view';
import { people, reachWords } from './reach-words';

type Request = Parameters<ConsolePage>[0];
type Preview = Awaited<ReturnType<typeof previewCampaign>>;

/** The id of the compose form's "Preview" button: where a problem on no field of its own is linked. */
const PREVIEW_BUTTON = 'preview';

const frameOf = (conference: Conference) => ({
  id: conference.eventId,
  title: conference.title,
  section: 'campaigns' as const,
});

/** The compose form, with what was typed and, when refused, each problem beside its field. */
const composePage = (
  request: Request,
  conference: Conference,
  values: CampaignFormValues,
  problems: readonly FieldProblem[] = [],
  status = 200,
): HttpResult => {
  const errors = campaignFormErrors(values, problems, PREVIEW_BUTTON);
  const { eventId } = conference;
  return consolePage(
    request,
    'campaigns/compose.njk',
    {
      title: 'Write a campaign',
      event: frameOf(conference),
      errors: errors.summary,
      previewUrl: campaignLinks.preview(eventId),
      countUrl: campaignLinks.count(eventId),
      listUrl: campaignLinks.list(eventId),
      ...composeView(conference, values, errors),
    },
    status,
  );
};

/** The form read as the JSON route's body, checked by the route's own schema; or why it cannot be. */
const checkedRequest = (
  values: CampaignFormValues,
): { ok: true; request: CampaignRequestBody } | { ok: false; problems: FieldProblem[] } => {
  const { request, problems } = campaignRequestOf(values);
  const parsed = campaignRequest.safeParse(request);
  const all = [...problems, ...(parsed.success ? [] : problemsOf(parsed.error))];
  return parsed.success && all.length === 0
    ? { ok: true, request: parsed.data }
    : { ok: false, problems: all };
};

const sendingTime = (seconds: number): string =>
  seconds < 60 ? 'Less than a minute' : `About ${Math.ceil(seconds / 60).toLocaleString('en-GB')} minutes`;

/** When it will go, in the event's zone: "Now" or the date and time. */
const whenText = (conference: Conference, sendAt: string | undefined): string => {
  if (sendAt === undefined) return 'Now, when you send it';
  const converted = eventTimeToInstant(sendAt, conference.timezone, 'sendAt');
  return converted.ok ? eventMoment(converted.instant, conference.timezone) : sendAt;
};

/**
 * Whether "Send" is offered, and if not, why: a campaign for now must reach someone, and none may go over
 * the daily quota (the use-case refuses both again when it is sent).
 */
const refusalOf = (preview: Preview, scheduled: boolean): string | undefined => {
  if (!scheduled && preview.recipients === 0) {
    return 'Nobody in this audience can get it now. Change who should get it, or send it later.';
  }
  if (!preview.sending.withinQuota) {
    const n = (x: number) => x.toLocaleString('en-GB');
    return (
      `${people(preview.recipients)} is more than today's sending limit allows: ${n(preview.sending.quotaAvailable)} ` +
      `of ${n(preview.sending.dailyQuota)} are left within 24 hours of it. Send it to fewer people, or at another time.`
    );
  }
  return undefined;
};

/** "Check your campaign": who gets it, who is left out and why, the mail for the first recipient, "Send". */
const previewPage = (
  request: Request,
  conference: Conference,
  values: CampaignFormValues,
  asked: CampaignRequestBody,
  preview: Preview,
  duplicate = false,
): HttpResult => {
  const { eventId } = conference;
  const scheduled = asked.sendAt !== undefined;
  const reach = reachWords(preview.recipients, preview.excluded);
  return consolePage(
    request,
    'campaigns/preview.njk',
    {
      title: 'Check your campaign',
      event: frameOf(conference),
      duplicate,
      reach,
      rows: [
        ...audienceRows(asked.audience, asked.purpose ?? 'event', conference.sessions),
        { key: { text: 'When' }, value: { text: whenText(conference, asked.sendAt) } },
        { key: { text: 'Sending takes' }, value: { text: sendingTime(preview.sending.estimatedSeconds) } },
      ],
      sample: preview.sample,
      hasHtml: asked.html !== undefined,
      refusal: refusalOf(preview, scheduled),
      sendLabel: duplicate
        ? 'Send anyway'
        : scheduled
          ? 'Schedule the campaign'
          : `Send to ${people(preview.recipients).toLowerCase()}`,
      hidden: campaignFormFields(values),
      createUrl: campaignLinks.create(eventId),
      previewUrl: campaignLinks.preview(eventId),
      listUrl: campaignLinks.list(eventId),
    },
    duplicate ? 409 : 200,
  );
};

/** What the organiser should do about a refusal of "Send", beside the field it concerns. */
const refusedSend = (error: DomainError): { problems: FieldProblem[]; newKey?: boolean } | undefined => {
  switch (error.code) {
    case 'invalid_request':
      return { problems: [...error.details] };
    case 'no_recipients':
      return {
        problems: [
          {
            path: 'audience.status',
            message: 'Nobody in this audience can get it now. Choose other delegates, or send it later',
          },
        ],
      };
    case 'daily_quota_exceeded':
      return { problems: [{ path: '', message: error.message }] };
    case 'idempotency_key_reused':
      return {
        problems: [
          {
            path: '',
            message:
              'This form has sent a campaign already. Check your campaigns before you send another; to send this one as well, preview it again',
          },
        ],
        newKey: true,
      };
    default:
      return undefined;
  }
};

const statusOfRefusal = (error: DomainError): number => (error.kind === 'invalid' ? 400 : 409);

export const composePages = {
  /** A new campaign's form: its idempotency key is made here, so the form sent twice sends once. */
  compose: (async (request) => {
    const { conference } = await loadConference(request.params.eventId!);
    return composePage(request, conference, blankCampaignForm(randomUUID()));
  }) satisfies ConsolePage,

  /** JSON for the live count: how many the chosen audience reaches now, and who it leaves out. */
  count: (async (request) => {
    const { query } = request;
    const audience = campaignRequest.shape.audience.safeParse(
      audienceOf({
        status: (query.status ?? '').split(',').filter((s) => s !== ''),
        sessionId: query.sessionId ?? '',
        survey: query.survey ?? '',
      }),
    );
    const purpose = campaignRequest.shape.purpose.safeParse(query.purpose || undefined);
    if (!audience.success || !purpose.success) {
      return json(200, {
        recipients: null,
        sentence: 'Select who should get it to see how many people will.',
      });
    }
    const { recipients, excluded } = await campaignReach(
      request.params.eventId!,
      audience.data,
      purpose.data,
    );
    return json(200, reachWords(recipients.length, excluded));
  }) satisfies ConsolePage,

  /** "Preview": the check page, or the form again with its problems; "Change" and the HTML version too. */
  preview: (async (request) => {
    const { conference } = await loadConference(request.params.eventId!);
    const values = readCampaignValues(request.form);
    const action = request.form.fields.action;
    if (action === 'change') return composePage(request, conference, values);
    const checked = checkedRequest(values);
    if (!checked.ok) return composePage(request, conference, values, checked.problems, 400);
    try {
      const preview = await previewCampaign(conference.eventId, checked.request);
      if (action === 'html') return sandboxedMail(preview.sample.html);
      return previewPage(request, conference, values, checked.request, preview);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'invalid') {
        return composePage(request, conference, values, error.details, 400);
      }
      throw error;
    }
  }) satisfies ConsolePage,

  /**
   * "Send": the same use-case as the JSON route, with the form's key, so a double click or a post sent
   * again creates one campaign. The same content to the same people within ten minutes is asked about
   * first ("Send anyway"); other refusals go back to the form.
   */
  create: (async (request) => {
    const { conference } = await loadConference(request.params.eventId!);
    const values = readCampaignValues(request.form);
    const checked = checkedRequest(values);
    if (!checked.ok) return composePage(request, conference, values, checked.problems, 400);
    try {
      // Picked from the shape: zod/mini refuses to pick from a schema with checks (its OpenAPI name is one).
      const answer = z.pick(z.object(campaignAccepted.shape), { campaignId: true, status: true }).parse(
        await createCampaign(conference.eventId, checked.request, {
          createdBy: request.session.subject,
          ...(values.idempotencyKey === '' ? {} : { idempotencyKey: values.idempotencyKey }),
          confirmDuplicate: request.form.fields.confirmDuplicate === 'yes',
          checkDuplicate: true,
        }),
      );
      return seeOther(`${campaignLinks.detail(conference.eventId, answer.campaignId)}?done=${answer.status}`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'possible_duplicate') {
        const preview = await previewCampaign(conference.eventId, checked.request);
        return previewPage(request, conference, values, checked.request, preview, true);
      }
      const refused = refusedSend(error);
      if (!refused) throw error;
      const kept = refused.newKey ? { ...values, idempotencyKey: randomUUID() } : values;
      return composePage(request, conference, kept, refused.problems, statusOfRefusal(error));
    }
  }) satisfies ConsolePage,
};
