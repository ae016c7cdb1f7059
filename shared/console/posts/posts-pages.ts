import type * as z from '../../zod';
import { createSocialPostRequest, updateSocialPostRequest } from '../../api/social-schemas';
import { now } from '../../clock';
import type { Conference } from '../../domain/conference';
import { DomainError, notFound, type FieldProblem } from '../../domain/errors';
import { MAX_PARTS } from '../../domain/social/post-parts';
import { MAX_WEIGHTED_LENGTH } from '../../domain/social/weighted-length';
import { timezoneNote } from '../../domain/wall-clock';
import { seeOther, type HttpResult } from '../../http/respond';
import { problemsOf } from '../../http/zod-problems';
import { noErrors, type PageErrors } from '../../pages/form-errors';
import { loadConference } from '../../use-cases/load-conference';
import { listSocialPosts } from '../../use-cases/social/list';
import { cancelSocialPost } from '../../use-cases/social/cancel';
import { createSocialPost, updateSocialPost } from '../../use-cases/social/manage';
import { retrySocialPost } from '../../use-cases/social/retry';
import type { ConsolePages, ConsoleRequest } from '../console-handler';
import { consolePage } from '../console-page';
import {
  blankPostForm,
  partBoxes,
  postFormOf,
  postRequestOf,
  readPostForm,
  type PostFormValues,
} from './post-form';
import { partProblemsOf, postFormErrors } from './post-form-errors';
import { postLinks } from './post-links';
import { anchorOptions, OFFSET_UNITS, type TimingAnchors } from './post-timing';
import { isEditable, postDetail, postRows, retryNote, type PostView } from './post-view';
import type { postsRoutes } from './posts-routes';

/** The success banner after each form's post (POST/redirect/GET), by the `done` value. */
const doneMessages: Readonly<Record<string, string>> = {
  scheduled: 'Post scheduled',
  saved: 'Changes saved',
  cancelled: 'Post cancelled',
  retried: 'Trying again: the post is going to X now',
};

const eventFrame = (conference: Conference) => ({
  id: conference.eventId,
  title: conference.title,
  section: 'posts' as const,
});

const anchorsOf = (conference: Conference): TimingAnchors => conference;

/** The compose or edit form's values for its template: boxes, choices and each field's error. */
const formModel = (
  conference: Conference,
  values: PostFormValues,
  errors: PageErrors,
  action: string,
  submitText: string,
) => {
  const boxes = partBoxes(values.parts);
  const start = new Date(conference.startsAt);
  return {
    action,
    submitText,
    partsLegend: 'What should it say?',
    maxLength: MAX_WEIGHTED_LENGTH,
    maxParts: MAX_PARTS,
    countHint: `You can enter up to ${MAX_WEIGHTED_LENGTH} characters. A link counts as 23 and most emoji as 2.`,
    boxes: boxes.map((value, i) => ({
      id: `part-${i + 1}`,
      label: `Part ${i + 1}`,
      value,
      error: errors.byField[`part-${i + 1}`],
    })),
    values,
    errors: errors.byField,
    fromOptions: anchorOptions(anchorsOf(conference)),
    units: Object.keys(OFFSET_UNITS).map((unit) => ({ value: unit, text: unit })),
    timezoneNote: timezoneNote(conference.timezone, start),
    exampleDate: `${start.getUTCDate()} ${start.getUTCMonth() + 1} ${start.getUTCFullYear()}`,
  };
};

const loadEvent = async (request: ConsoleRequest) =>
  (await loadConference(request.params.eventId ?? '')).conference;

/** The event's post as the API shows it; a post of another event is not found here. */
const findPost = async (eventId: string, postId: string): Promise<PostView> => {
  const post = (await listSocialPosts(eventId)).posts.find((p) => p.postId === postId);
  if (!post) throw notFound('The post');
  return post;
};

/** A refusal the form shows beside its fields (bad input, a full window), or undefined for a problem page. */
const problemsOfRefusal = (error: unknown, values: PostFormValues): FieldProblem[] | undefined => {
  if (!(error instanceof DomainError)) return undefined;
  if (error.kind === 'invalid')
    return error.details.length > 0 ? [...error.details] : [{ path: '', message: error.message }];
  if (error.code === 'rate_limit_window_full')
    return [
      {
        path: values.when === 'relative' ? 'offset' : 'publishAt',
        message: `X allows only so many posts in any 15 minutes or day, and enough are already scheduled around then. Choose another time`,
      },
    ];
  return undefined;
};

/**
 * The form's post, checked by the same schema and use-case as the JSON route: `save` is the use-case
 * call. A refusal shows the form again (400) with each problem beside its part or time field.
 */
const submitPost = async <S extends z.ZodMiniType>(
  request: ConsoleRequest,
  schema: S,
  again: (values: PostFormValues, errors: PageErrors) => HttpResult,
  save: (body: z.infer<S>) => Promise<unknown>,
  conference: Conference,
): Promise<HttpResult | undefined> => {
  const values = readPostForm(request.form);
  const { body, partOf, problems } = postRequestOf(values);
  const refused = { values, partOf, timezone: conference.timezone };
  if (problems.length > 0) {
    return again(values, postFormErrors([...partProblemsOf(body, refused), ...problems], refused, false));
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return again(values, postFormErrors(problemsOf(parsed.error), refused, true));
  try {
    await save(parsed.data);
  } catch (error) {
    const shown = problemsOfRefusal(error, values);
    if (!shown) throw error;
    return again(values, postFormErrors(shown, refused, true));
  }
  return undefined;
};

const detailPage = (
  request: ConsoleRequest,
  conference: Conference,
  post: PostView,
  edit?: { values: PostFormValues; errors: PageErrors },
  status = 200,
): HttpResult => {
  const { eventId } = conference;
  const editable = isEditable(post);
  const values = edit?.values ?? postFormOf(post);
  const errors = edit?.errors ?? noErrors;
  return consolePage(
    request,
    'posts/detail.njk',
    {
      title: post.thread.length > 1 ? 'Thread to X' : 'Post to X',
      event: eventFrame(conference),
      backLink: { href: postLinks.list(eventId), text: 'All posts to X' },
      errors: errors.summary,
      done: doneMessages[request.query.done ?? ''],
      post: postDetail(post, anchorsOf(conference), now()),
      ...(editable
        ? {
            form: formModel(conference, values, errors, postLinks.post(eventId, post.postId), 'Save changes'),
            cancelUrl: postLinks.cancel(eventId, post.postId),
          }
        : {}),
      ...(post.status === 'failed'
        ? { retryUrl: postLinks.retry(eventId, post.postId), retryNote: retryNote(post) }
        : {}),
    },
    status,
  );
};

export const postsPages: ConsolePages<typeof postsRoutes> = {
  list: async (request) => {
    const conference = await loadEvent(request);
    const { posts } = await listSocialPosts(conference.eventId);
    return consolePage(request, 'posts/list.njk', {
      title: 'Posts to X',
      event: eventFrame(conference),
      done: doneMessages[request.query.done ?? ''],
      composeUrl: postLinks.compose(conference.eventId),
      timezoneNote: timezoneNote(conference.timezone, new Date(conference.startsAt)),
      rows: postRows(posts, anchorsOf(conference), now()),
    });
  },

  compose: async (request) => {
    const conference = await loadEvent(request);
    return consolePage(request, 'posts/compose.njk', {
      title: 'Schedule a post',
      event: eventFrame(conference),
      backLink: { href: postLinks.list(conference.eventId), text: 'All posts to X' },
      form: formModel(
        conference,
        blankPostForm,
        noErrors,
        postLinks.list(conference.eventId),
        'Schedule post',
      ),
    });
  },

  create: async (request) => {
    const conference = await loadEvent(request);
    const { eventId } = conference;
    const again = (values: PostFormValues, errors: PageErrors) =>
      consolePage(
        request,
        'posts/compose.njk',
        {
          title: 'Schedule a post',
          event: eventFrame(conference),
          backLink: { href: postLinks.list(eventId), text: 'All posts to X' },
          errors: errors.summary,
          form: formModel(conference, values, errors, postLinks.list(eventId), 'Schedule post'),
        },
        400,
      );
    const refused = await submitPost(
      request,
      createSocialPostRequest,
      again,
      (body) => createSocialPost(eventId, body),
      conference,
    );
    return refused ?? seeOther(`${postLinks.list(eventId)}?done=scheduled`);
  },

  detail: async (request) => {
    const conference = await loadEvent(request);
    return detailPage(request, conference, await findPost(conference.eventId, request.params.postId ?? ''));
  },

  update: async (request) => {
    const conference = await loadEvent(request);
    const post = await findPost(conference.eventId, request.params.postId ?? '');
    const here = postLinks.post(conference.eventId, post.postId);
    // It went (or was cancelled) while the form was open: its page says what it is now.
    if (!isEditable(post)) return seeOther(here);
    const again = (values: PostFormValues, errors: PageErrors) =>
      detailPage(request, conference, post, { values, errors }, 400);
    try {
      const refused = await submitPost(
        request,
        updateSocialPostRequest,
        again,
        (body) => updateSocialPost(post.postId, body),
        conference,
      );
      return refused ?? seeOther(`${here}?done=saved`);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_editable') return seeOther(here);
      throw error;
    }
  },

  cancel: async (request) => {
    const conference = await loadEvent(request);
    const post = await findPost(conference.eventId, request.params.postId ?? '');
    try {
      await cancelSocialPost(post.postId);
    } catch (error) {
      // It went (or failed) meanwhile: its page says what it is now.
      if (error instanceof DomainError && error.code === 'not_cancellable')
        return seeOther(postLinks.post(conference.eventId, post.postId));
      throw error;
    }
    return seeOther(`${postLinks.list(conference.eventId)}?done=cancelled`);
  },

  retry: async (request) => {
    const conference = await loadEvent(request);
    const post = await findPost(conference.eventId, request.params.postId ?? '');
    const here = postLinks.post(conference.eventId, post.postId);
    try {
      await retrySocialPost(post.postId);
    } catch (error) {
      // Tried already (a second click): its page says how it is going.
      if (error instanceof DomainError && error.code === 'not_failed') return seeOther(here);
      throw error;
    }
    return seeOther(`${here}?done=retried`);
  },
};
