import { describe, expect, it } from '@jest/globals';
import { checkParts } from '../../../shared/domain/social/post-parts';
import { partCount } from '../../../shared/pages/assets/console/part-count';

describe("the console's live count of a part", () => {
  it("counts as X does: a link is 23 and an emoji 2, in GOV.UK's words", () => {
    expect(partCount('Hello').message).toBe('You have 275 characters remaining');
    expect(partCount(`See https://example.org/${'x'.repeat(200)}`).message).toBe(
      'You have 253 characters remaining',
    );
    expect(partCount('🎉'.repeat(139) + 'a')).toEqual({
      message: 'You have 1 character remaining',
      over: false,
    });
    expect(partCount('a'.repeat(281))).toEqual({ message: 'You have 1 character too many', over: true });
  });

  it('goes over the limit exactly where the API refuses the part', () => {
    for (const text of [
      'a'.repeat(280),
      `${'a'.repeat(256)} https://example.org/${'y'.repeat(90)}`,
      '🎉'.repeat(140),
    ]) {
      expect(partCount(text).over).toBe(false);
      expect(() => checkParts([text], 'text')).not.toThrow();
      expect(partCount(`${text}!`).over).toBe(true);
      expect(() => checkParts([`${text}!`], 'text')).toThrow(expect.objectContaining({ code: 'too_long' }));
    }
  });
});
