import { MAX_WEIGHTED_LENGTH, weightedLengthOf } from '../../../domain/social/weighted-length';

/** What a part's count says, in GOV.UK character count's words, by X's weighted length (as the API counts). */
export const partCount = (text: string, max = MAX_WEIGHTED_LENGTH): { message: string; over: boolean } => {
  const remaining = max - weightedLengthOf(text);
  const characters = (n: number) => `${n} character${n === 1 ? '' : 's'}`;
  return remaining < 0
    ? { message: `You have ${characters(-remaining)} too many`, over: true }
    : { message: `You have ${characters(remaining)} remaining`, over: false };
};
