// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the console script's own tsconfig sees the declaration only this way
/// <reference path="./parse-tweet.d.ts" />
import parseTweet from 'twitter-text/dist/parseTweet.js';

/**
 * X's counting rules, in one module that both the API (checking a part when it is scheduled) and the
 * console's live count (shared/pages/assets/console/posts.ts) import, so the two can never disagree.
 */
export const MAX_WEIGHTED_LENGTH = 280;

/** X's weighted length of one part: URLs count 23, emoji and CJK characters 2, as twitter-text counts. */
export const weightedLengthOf = (text: string): number => parseTweet(text).weightedLength;
