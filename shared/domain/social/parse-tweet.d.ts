// twitter-text's one counting function on its own, so the console's script bundles it without the rest of
// the library (autolinking, extractors it never uses).
declare module 'twitter-text/dist/parseTweet.js' {
  import type { ParsedTweet } from 'twitter-text';
  const parseTweet: (text: string) => ParsedTweet;
  export default parseTweet;
}
