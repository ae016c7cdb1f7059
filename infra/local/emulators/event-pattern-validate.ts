/**
 * What PutRule would reject in an event pattern, so a bad pattern fails when the local stack wires it, not
 * silently at match time. Messages follow aws/event-ruler's JsonRuleCompiler.
 */
import { parseCidr } from './cidr';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Operator names cannot be field names inside "$or", where they would be ambiguous.
const RESERVED_IN_OR = new Set(
  'exactly equals-ignore-case prefix suffix anything-but exists wildcard numeric cidr = < <= > >='.split(' '),
);

// EventBridge's numeric matching range (event-ruler's FIVE_BILLION).
const NUMERIC_LIMIT = 5e9;

/** Problems with `pattern`, each prefixed by where it is; empty when the pattern is valid. */
export function validatePattern(pattern: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(pattern)) return ['Event pattern must be a JSON object'];
  checkObject(pattern, '', false, problems);
  return problems;
}

const at = (path: string, key: string): string => (path ? `${path}.${key}` : key);

function checkObject(object: JsonObject, path: string, insideOr: boolean, problems: string[]): void {
  const entries = Object.entries(object);
  if (entries.length === 0) problems.push(`${path || '(root)'}: Empty objects are not allowed`);
  for (const [key, value] of entries) {
    const here = at(path, key);
    if (key === '$or') {
      checkOr(value, here, problems);
    } else if (insideOr && RESERVED_IN_OR.has(key)) {
      problems.push(`${here}: ${key} is a reserved field name which cannot be used inside $or`);
    } else if (Array.isArray(value)) {
      checkValues(value, here, problems);
    } else if (isObject(value)) {
      checkObject(value, here, insideOr, problems);
    } else {
      problems.push(`${here}: "${key}" must be an object or an array`);
    }
  }
}

function checkOr(value: unknown, path: string, problems: string[]): void {
  if (!Array.isArray(value) || !value.every(isObject)) {
    problems.push(`${path}: Only JSON objects are allowed in the array of $or`);
    return;
  }
  if (value.length < 2) problems.push(`${path}: There must be at least 2 objects in $or`);
  value.forEach((alternative, i) => checkObject(alternative, `${path}[${i}]`, true, problems));
}

function checkValues(values: unknown[], path: string, problems: string[]): void {
  if (values.length === 0) problems.push(`${path}: Empty arrays are not allowed`);
  values.forEach((value, i) => {
    if (isObject(value)) checkExpression(value, `${path}[${i}]`, problems);
    else if (Array.isArray(value))
      problems.push(`${path}[${i}]: Match value must be String, number, true, false, or null`);
  });
}

const isString = (value: unknown): value is string => typeof value === 'string';

function checkExpression(expression: JsonObject, path: string, problems: string[]): void {
  const entries = Object.entries(expression);
  const [name, operand] = entries[0] ?? [];
  if (entries.length !== 1 || name === undefined) {
    problems.push(`${path}: Only one key allowed in match expression`);
    return;
  }
  const problem = (message: string): void => void problems.push(`${path}: ${message}`);
  switch (name) {
    case 'prefix':
    case 'suffix':
      if (!isString(operand) && !(isObject(operand) && isSingle(operand, 'equals-ignore-case', isString))) {
        problem(`${name} match pattern must be a string or { "equals-ignore-case": string }`);
      }
      return;
    case 'equals-ignore-case':
      if (!isString(operand)) problem('equals-ignore-case match pattern must be a string');
      return;
    case 'wildcard':
      if (!isString(operand)) problem('wildcard match pattern must be a string');
      else checkWildcard(operand, problem);
      return;
    case 'exists':
      if (typeof operand !== 'boolean') problem('exists match pattern must be either true or false');
      return;
    case 'cidr':
      if (!isString(operand) || !parseCidr(operand)) problem(`Malformed CIDR: ${String(operand)}`);
      return;
    case 'numeric':
      checkNumeric(operand, problem);
      return;
    case 'anything-but':
      checkAnythingBut(operand, problem);
      return;
    default:
      problem(`Unrecognized match type ${name}`);
  }
}

const isSingle = (object: JsonObject, key: string, test: (v: unknown) => boolean): boolean =>
  Object.keys(object).length === 1 && test(object[key]);

function checkWildcard(wildcard: string, problem: (message: string) => void): void {
  for (let i = 0; i < wildcard.length; i += 1) {
    const char = wildcard[i];
    const next = wildcard[i + 1];
    if (char === '*' && next === '*') return problem('Consecutive wildcard characters are not allowed');
    if (char === '\\') {
      if (next !== '*' && next !== '\\') return problem('Backslash may only escape "*" or "\\"');
      i += 1;
    }
  }
}

function checkNumeric(operand: unknown, problem: (message: string) => void): void {
  if (!Array.isArray(operand)) return problem('Value of numeric must be an array.');
  const [first, low, second, high, ...rest] = operand;
  const inRange = (n: unknown): boolean => typeof n === 'number' && Math.abs(n) <= NUMERIC_LIMIT;
  if (!inRange(low) || (second !== undefined && !inRange(high))) {
    return problem(`Numeric values must be numbers between -${NUMERIC_LIMIT} and ${NUMERIC_LIMIT}`);
  }
  const single = operand.length === 2 && ['=', '<', '<=', '>', '>='].includes(String(first));
  const range =
    operand.length === 4 &&
    rest.length === 0 &&
    ['>', '>='].includes(String(first)) &&
    ['<', '<='].includes(String(second));
  if (!single && !range) problem(`Bad numeric expression: ${JSON.stringify(operand)}`);
  else if (range && (low as number) >= (high as number))
    problem('Bottom must be less than top in a numeric range');
}

function checkAnythingBut(operand: unknown, problem: (message: string) => void): void {
  if (isString(operand) || typeof operand === 'number') return;
  if (Array.isArray(operand)) {
    const allStrings = operand.length > 0 && operand.every(isString);
    const allNumbers = operand.length > 0 && operand.every((v) => typeof v === 'number');
    if (!allStrings && !allNumbers) {
      problem('Inside anything-but list, either all values are numbers or all are strings');
    }
    return;
  }
  if (!isObject(operand))
    return problem('Value of anything-but must be an array or single string/number value.');
  const strings = (v: unknown): boolean =>
    isString(v) || (Array.isArray(v) && v.length > 0 && v.every(isString));
  const nonEmpty = (v: unknown): boolean => isString(v) && v.length > 0;
  const ok =
    isSingle(operand, 'prefix', nonEmpty) ||
    isSingle(operand, 'suffix', nonEmpty) ||
    isSingle(operand, 'equals-ignore-case', strings) ||
    isSingle(operand, 'wildcard', strings);
  if (!ok) problem(`Unsupported anything-but pattern: ${JSON.stringify(operand)}`);
}
