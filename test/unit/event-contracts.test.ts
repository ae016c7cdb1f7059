import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { allContracts, patternFor } from '../../events';
import { matchesPattern } from '../../infra/local/emulators/event-pattern';
import { functionEntries } from '../../infra/wiring';

const samplesDir = path.join('events', 'samples');
const sample = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(samplesDir, file), 'utf8')) as Record<string, unknown>;

describe('event contracts', () => {
  it('has one sample per contract and no stray samples', () => {
    expect(readdirSync(samplesDir).sort()).toEqual(allContracts.map((c) => c.sample).sort());
  });

  it('names each detail-type once', () => {
    const names = allContracts.map((c) => `${c.source} ${c.detailType}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(allContracts.map((c) => [c.detailType, c] as const))(
    '%s: its sample parses with its schema',
    (_, contract) => {
      const envelope = sample(contract.sample);
      expect(envelope.source).toBe(contract.source);
      expect(envelope['detail-type']).toBe(contract.detailType);
      expect(contract.schema.safeParse(envelope.detail).success).toBe(true);
    },
  );

  it.each(allContracts.map((c) => [c.detailType, c] as const))(
    '%s: its pattern matches its sample only',
    (_, contract) => {
      for (const other of allContracts) {
        expect(matchesPattern(patternFor([contract]), sample(other.sample))).toBe(other === contract);
      }
    },
  );

  it("every rule in the wiring matches its contracts' samples and no others", () => {
    for (const [, spec] of functionEntries()) {
      const trigger = spec.trigger;
      if (trigger.kind !== 'event') continue;
      const pattern = {
        ...patternFor(trigger.events),
        ...(trigger.detail ? { detail: trigger.detail } : {}),
      };
      for (const contract of allContracts) {
        const listened = trigger.events.includes(contract);
        if (!listened) expect(matchesPattern(pattern, sample(contract.sample))).toBe(false);
        else if (!trigger.detail) expect(matchesPattern(pattern, sample(contract.sample))).toBe(true);
      }
    }
  });
});
