import { wiring } from './index';
import type { Trigger, Wiring } from './types';

/** Every JSON route of the wiring with who may call it: the one declaration OpenAPI's security reads. */
export const httpAudiences = (w: Wiring = wiring): Extract<Trigger, { kind: 'http' }>[] =>
  Object.values(w.functions).flatMap((f) => (f.trigger.kind === 'http' ? [f.trigger] : []));
