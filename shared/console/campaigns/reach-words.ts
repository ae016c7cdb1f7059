import type { Excluded } from '../../domain/campaigns/audience';

const count = (n: number) => n.toLocaleString('en-GB');

/** "Nobody", "1 person", "350 people". */
export const people = (n: number): string =>
  n === 0 ? 'Nobody' : n === 1 ? '1 person' : `${count(n)} people`;

/** Who an audience reaches and who it leaves out, and why, in words: the preview's and the live count's. */
export interface ReachWords {
  readonly recipients: number;
  /** "3 people will get it". */
  readonly headline: string;
  /** One line per reason someone is left out: "1 unsubscribed". */
  readonly leftOut: readonly string[];
  /** Everything in one sentence, for a screen reader's polite announcement. */
  readonly sentence: string;
}

export const reachWords = (recipients: number, excluded: Excluded): ReachWords => {
  const headline = `${people(recipients)} will get it`;
  const leftOut = [
    ...(excluded.unsubscribed > 0 ? [`${count(excluded.unsubscribed)} unsubscribed`] : []),
    ...(excluded.suppressed > 0
      ? [`${count(excluded.suppressed)} cannot get email: their address bounced or they reported spam`]
      : []),
    ...(excluded.noConsent > 0 ? [`${count(excluded.noConsent)} did not agree to get news by email`] : []),
  ];
  return {
    recipients,
    headline,
    leftOut,
    sentence: leftOut.length === 0 ? `${headline}.` : `${headline}. Left out: ${leftOut.join('; ')}.`,
  };
};
