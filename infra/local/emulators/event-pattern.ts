/**
 * EventBridge event pattern matching, following the AWS user guide ("Event patterns", "Content filtering",
 * "Comparison operators") and the aws/event-ruler engine behind it. Pure functions, no I/O.
 */
import { ipInCidr, parseCidr } from './cidr';

export { validatePattern } from './event-pattern-validate';

export type EventPattern = Record<string, unknown>;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Own properties only: an event field named "constructor" must not find Object.prototype's. */
const field = (object: JsonObject, key: string): unknown =>
  Object.hasOwn(object, key) ? object[key] : undefined;

/** True when `event` matches every field of `pattern` (an invalid pattern matches nothing it cannot read). */
export function matchesPattern(pattern: EventPattern, event: Record<string, unknown>): boolean {
  return matchObject(pattern, event);
}

/** `"$or": [ {...}, {...} ]` is an OR of sub-patterns; anything else under "$or" is an ordinary field. */
const isOrList = (value: unknown): value is JsonObject[] =>
  Array.isArray(value) && value.length > 0 && value.every(isObject);

function matchObject(pattern: JsonObject, value: unknown): boolean {
  // Arrays in the event are crushed out, but all fields of one object pattern must match within the same
  // element (event-ruler's rulesForJSONEvent), never across elements.
  if (Array.isArray(value)) {
    const objects = value.flat(Infinity).filter(isObject);
    return objects.length === 0 ? matchFields(pattern, {}) : objects.some((o) => matchFields(pattern, o));
  }
  // A missing or scalar value has no fields: only exists:false leaves below it can match.
  return matchFields(pattern, isObject(value) ? value : {});
}

function matchFields(pattern: JsonObject, object: JsonObject): boolean {
  for (const [key, sub] of Object.entries(pattern)) {
    if (key === '$or' && isOrList(sub)) {
      if (!sub.some((alternative) => matchObject(alternative, object))) return false;
    } else if (Array.isArray(sub)) {
      if (!matchLeaf(sub, field(object, key))) return false;
    } else if (isObject(sub)) {
      if (!matchObject(sub, field(object, key))) return false;
    } else {
      return false;
    }
  }
  return true;
}

/** The leaf values at a field: a scalar, or the scalars of an array (nested arrays flattened). */
const leavesOf = (value: unknown): unknown[] => {
  if (value === undefined || isObject(value)) return [];
  if (Array.isArray(value)) return value.flat(Infinity).filter((v) => !isObject(v));
  return [value];
};

/** A pattern array is an OR of its values; an empty one matches nothing (AWS rejects it at PutRule). */
function matchLeaf(matchers: unknown[], value: unknown): boolean {
  const leaves = leavesOf(value);
  return matchers.some((matcher) => {
    if (!isObject(matcher)) return leaves.some((leaf) => leaf === matcher);
    // exists works on the presence of leaf values, so an object-valued field counts as absent.
    if ('exists' in matcher) return matcher.exists === true ? leaves.length > 0 : leaves.length === 0;
    return leaves.some((leaf) => matchExpression(matcher, leaf));
  });
}

const fold = (text: string): string => text.toLowerCase();

function matchExpression(expression: JsonObject, leaf: unknown): boolean {
  const entries = Object.entries(expression);
  const [name, operand] = entries[0] ?? [];
  if (entries.length !== 1) return false;
  switch (name) {
    case 'prefix':
      return affix(operand, leaf, (value, part) => value.startsWith(part));
    case 'suffix':
      return affix(operand, leaf, (value, part) => value.endsWith(part));
    case 'equals-ignore-case':
      return typeof operand === 'string' && typeof leaf === 'string' && fold(leaf) === fold(operand);
    case 'wildcard':
      return typeof operand === 'string' && typeof leaf === 'string' && wildcardRegExp(operand).test(leaf);
    case 'numeric':
      return Array.isArray(operand) && typeof leaf === 'number' && inNumericRange(operand, leaf);
    case 'cidr': {
      const block = typeof operand === 'string' ? parseCidr(operand) : undefined;
      return block !== undefined && typeof leaf === 'string' && ipInCidr(leaf, block);
    }
    case 'anything-but':
      return anythingBut(operand, leaf);
    default:
      return false;
  }
}

/** prefix/suffix take a string, or `{ "equals-ignore-case": string }` to compare without case. */
function affix(operand: unknown, leaf: unknown, test: (value: string, part: string) => boolean): boolean {
  if (typeof leaf !== 'string') return false;
  if (typeof operand === 'string') return test(leaf, operand);
  const ignoringCase = isObject(operand) ? operand['equals-ignore-case'] : undefined;
  return typeof ignoringCase === 'string' && test(fold(leaf), fold(ignoringCase));
}

/**
 * Matches every leaf value except those the operand names. The excluded forms only ever match strings, so a
 * number or null passes `{ "anything-but": { "prefix": ... } }`, as in event-ruler.
 */
function anythingBut(operand: unknown, leaf: unknown): boolean {
  if (Array.isArray(operand)) return !operand.includes(leaf);
  if (!isObject(operand)) return operand !== leaf;
  const [name, inner] = Object.entries(operand)[0] ?? [];
  const list = Array.isArray(inner) ? inner : [inner];
  const excluded = (one: unknown): boolean => {
    switch (name) {
      case 'prefix':
      case 'suffix':
      case 'equals-ignore-case':
      case 'wildcard':
        return matchExpression({ [name]: one }, leaf);
      default:
        return true; // an unknown form excludes everything rather than letting everything through
    }
  };
  return !list.some(excluded);
}

const COMPARE: Record<string, (value: number, bound: number) => boolean> = {
  '<': (value, bound) => value < bound,
  '<=': (value, bound) => value <= bound,
  '=': (value, bound) => value === bound,
  '>': (value, bound) => value > bound,
  '>=': (value, bound) => value >= bound,
};

/** `[">", 0, "<=", 5]`: every (operator, number) pair must hold. */
function inNumericRange(terms: unknown[], value: number): boolean {
  if (terms.length === 0 || terms.length % 2 !== 0) return false;
  for (let i = 0; i < terms.length; i += 2) {
    const compare = COMPARE[String(terms[i])];
    const bound = terms[i + 1];
    if (!compare || typeof bound !== 'number' || !compare(value, bound)) return false;
  }
  return true;
}

const wildcardCache = new Map<string, RegExp>();

/** `*` matches any run of characters; `\*` is a literal asterisk and `\\` a literal backslash. */
function wildcardRegExp(wildcard: string): RegExp {
  const cached = wildcardCache.get(wildcard);
  if (cached) return cached;
  let source = '';
  for (let i = 0; i < wildcard.length; i += 1) {
    const char = wildcard[i] ?? '';
    if (char === '\\' && (wildcard[i + 1] === '*' || wildcard[i + 1] === '\\')) {
      source += `\\${wildcard[i + 1]}`;
      i += 1;
    } else if (char === '*') {
      source += '.*';
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  const regExp = new RegExp(`^${source}$`, 's');
  wildcardCache.set(wildcard, regExp);
  return regExp;
}
