// Plain ESM because jest loads its sequencer outside any transform.
import { readFileSync } from 'node:fs';
import { URL } from 'node:url';
import path from 'node:path';
import sequencer from '@jest/test-sequencer';

/**
 * The slowest test files start first, so the two workers finish together instead of one of them running a
 * browser file alone at the end. Jest does this by itself from its timing cache, but a clean clone (CI)
 * has none, and jest then orders by file size. The seconds each file took in a full run on two cores are
 * kept in test-seconds.json (files under 2 s left out); a file not there is given its folder's typical time.
 * Jest's own cache, where a previous run left one, wins.
 */
const known = JSON.parse(readFileSync(new URL('./test-seconds.json', import.meta.url), 'utf8'));
const typicalSeconds = { browser: 15, integration: 8, infra: 10, fuzz: 90 };

// A CommonJS module with `exports.default`, which Node gives as the default import or beside it.
const TestSequencer = sequencer.default ?? sequencer;

export default class SlowestFirst extends TestSequencer {
  time(test) {
    const cached = super.time(test);
    if (cached != null) return cached;
    const file = path.relative(test.context.config.rootDir, test.path).split(path.sep).join('/');
    const seconds = known[file] ?? typicalSeconds[file.split('/')[1]] ?? 1;
    return seconds * 1000;
  }
}
