import { describe, expect, it } from '@jest/globals';
import { foundWords, matchesSearch, searchWords } from '../../../shared/pages/assets/console/door-search';

const ada = searchWords('Ada Lovelace Hilltop Primary');

describe("the door's search", () => {
  it('finds a delegate by the start of any word of their name or school, in any case', () => {
    expect(matchesSearch(ada, 'lovel')).toBe(true);
    expect(matchesSearch(ada, 'ADA')).toBe(true);
    expect(matchesSearch(ada, 'hill')).toBe(true);
    expect(matchesSearch(ada, 'ada hill')).toBe(true);
  });

  it('needs every word typed, each the start of a word: the middle of a word is not a match', () => {
    expect(matchesSearch(ada, 'ada okafor')).toBe(false);
    expect(matchesSearch(ada, 'lace')).toBe(false);
  });

  it('ignores accents, apostrophes and hyphens as a desk types names', () => {
    const dan = searchWords('Dan Ó Briain St Mary’s High');
    expect(matchesSearch(dan, 'o bri')).toBe(true);
    expect(matchesSearch(dan, 'marys')).toBe(true);
    expect(matchesSearch(searchWords("Siobhán O'Neill"), 'siobhan oneill')).toBe(true);
    expect(matchesSearch(searchWords('Anna Smith-Jones'), 'jones')).toBe(true);
  });

  it('matches nobody before anything is typed', () => {
    expect(matchesSearch(ada, '')).toBe(false);
    expect(matchesSearch(ada, '  - ')).toBe(false);
  });

  it('says how many were found, or that none were, and nothing before a search', () => {
    expect(foundWords(0, 'zed')).toBe('No delegates found for ‘zed’');
    expect(foundWords(1, 'ada')).toBe('1 delegate found');
    expect(foundWords(12, 'a')).toBe('12 delegates found');
    expect(foundWords(0, ' ')).toBe('');
  });
});
