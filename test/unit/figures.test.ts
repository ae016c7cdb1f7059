import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatFigures, readFigureLines, recordFigures, summariseFigures } from '../support/figures';

describe('the run summary of figures', () => {
  const lines = [
    JSON.stringify({
      source: 'fuzz-a.test.ts',
      badInputs: { 'POST /events': 600 },
      serverErrors: 0,
      fuzzSeed: 7,
    }),
    JSON.stringify({
      source: 'fuzz-b.test.ts',
      badInputs: { 'POST /events': 400, 'GET /privacy': 5 },
      fuzzSeed: 7,
    }),
    JSON.stringify({
      source: 'drill.test.ts',
      faultsInjected: { putEvents: 100 },
      faultsRecovered: { putEvents: 100 },
    }),
    JSON.stringify({ source: 'drill.test.ts', recordsLost: 0, duplicateSends: 1, writesAfterRefusal: 2 }),
    '{"source": "killed mid-wr',
    '',
  ];

  it('adds up bad inputs per route and in all, faults by kind, and the counts', () => {
    const summary = summariseFigures(lines);

    expect(summary.badInputs).toEqual({ total: 1005, byRoute: { 'GET /privacy': 5, 'POST /events': 1000 } });
    expect(summary.faultsInjected).toEqual({ putEvents: 100 });
    expect(summary.faultsRecovered).toEqual({ putEvents: 100 });
    expect(summary).toMatchObject({
      serverErrors: 0,
      duplicateSends: 1,
      writesAfterRefusal: 2,
      recordsLost: 0,
    });
    expect(summary.sources).toEqual(['drill.test.ts', 'fuzz-a.test.ts', 'fuzz-b.test.ts']);
    expect(summary.fuzzSeeds).toEqual([7]);
    expect(summary.unreadableLines).toBe(1);
  });

  it('prints each figure on its own line, with the seed that repeats the inputs', () => {
    const text = formatFigures(summariseFigures(lines));

    expect(text).toContain('generated bad inputs: 1005 (FUZZ_SEED=7)');
    expect(text).toContain('    POST /events: 1000');
    expect(text).toContain('5xx seen: 0');
    expect(text).toContain('faults injected: putEvents 100 (recovered 100)');
    expect(text).toContain('duplicate sends: 1');
    expect(text).toContain('unreadable lines: 1');
  });

  it('says so when no test recorded anything', () => {
    const text = formatFigures(summariseFigures([]));

    expect(text).toContain('generated bad inputs: 0\n');
    expect(text).toContain('faults injected: none');
  });

  it("records a line in the run's folder, named by the test file that recorded it", () => {
    const directory = mkdtempSync(join(tmpdir(), 'figures-'));
    const before = process.env.CONVENE_FIGURES_DIR;
    process.env.CONVENE_FIGURES_DIR = directory;
    try {
      recordFigures({ recordsLost: 0, faultsInjected: { putEvents: 3 } });

      const summary = summariseFigures(readFigureLines());
      expect(summary.sources).toEqual(['figures.test.ts']);
      expect(summary.faultsInjected).toEqual({ putEvents: 3 });
    } finally {
      if (before === undefined) delete process.env.CONVENE_FIGURES_DIR;
      else process.env.CONVENE_FIGURES_DIR = before;
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
