/** A post's key (its item, `POST#<postId>` / `POST`): the repository's, and the team check's (team-ownership.ts). */
export const socialPostKeys = {
  item: (postId: string) => ({ pk: `POST#${postId}`, sk: 'POST' }),
};
