import type { Conference, ConferenceView } from '../../domain/conference';
import type { FieldProblem } from '../../domain/errors';
import type { PageErrors } from '../../pages/form-errors';
import type { FieldRule } from './field-rules';

export type Fields = Readonly<Record<string, string>>;

/** What a part's form sends: the body PATCH /events/{id} takes, and how to word its problems. */
export interface PartRequest {
  readonly body: Record<string, unknown>;
  /**
   * The form's fields in page order. `belowBookings`: a capacity was refused for being below the
   * `taken` places booked on the event.
   */
  readonly rules: (context: { readonly belowBookings: boolean; readonly taken: number }) => FieldRule[];
  /** Renames problems on a whole list or step so they are not read as every field's below it. */
  readonly problems?: (problems: readonly FieldProblem[]) => FieldProblem[];
  /** Where a problem on no field of the form is shown (an element id). */
  readonly fallbackId: string;
  /** Problems the domain would find beside those the schema found, so every problem shows at once. */
  readonly besides?: (refused: readonly FieldProblem[], now: Date) => FieldProblem[];
  /**
   * A save refused for places below bookings, said where it happened: each row at fault, from the places
   * booked in each session (`taken`, by session id). Empty when the form cannot tell which.
   */
  readonly belowBookings?: (taken: Readonly<Record<string, number>>) => FieldProblem[];
}

/** What the page shows besides its fields. */
export interface PartContext {
  readonly at: Date;
  /** Places booked on the event, for a capacity refused below them. */
  readonly taken: number;
  /** The event as the posted form would leave it, when the organiser asked for a preview. */
  readonly preview?: Conference;
}

/**
 * One part of an event's editing (details, sessions, reminders, survey): its values as stored and as
 * posted, the request they make, and the template's values for its fields.
 */
export interface PartForm<V> {
  readonly stored: (view: ConferenceView) => V;
  readonly read: (fields: Fields) => V;
  readonly request: (values: V, view: ConferenceView) => PartRequest;
  readonly model: (
    values: V,
    errors: PageErrors,
    view: ConferenceView,
    context: PartContext,
  ) => Record<string, unknown>;
}

/** A field's error message as GOV.UK's macros take it, or nothing. */
export const errorOf = (errors: PageErrors, id: string) =>
  errors.byField[id] ? { text: errors.byField[id] } : undefined;
