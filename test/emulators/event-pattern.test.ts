// Cases quote the Amazon EventBridge user guide ("Event patterns", "Arrays", "Null values and empty strings",
// "Content filtering", "Comparison operators") and the aws/event-ruler README that documents the same engine.
import { describe, expect, it } from '@jest/globals';
import {
  matchesPattern,
  validatePattern,
  type EventPattern,
} from '../../infra/local/emulators/event-pattern';

type Event = Record<string, unknown>;

/** The EC2 instance-termination event from "Amazon EventBridge event patterns". */
const ec2Terminated: Event = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '111122223333',
  time: '2017-12-22T18:43:48Z',
  region: 'us-west-1',
  resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
  detail: { 'instance-id': 'i-1234567890abcdef0', state: 'terminated' },
};

/** The running-instance event the content-filtering examples are written against (event-ruler README). */
const ec2Running: Event = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
  },
};

/** The Auto Scaling event from "Matching null values and empty strings". */
const autoScalingLaunch: Event = {
  version: '0',
  id: '3e3c153a-8339-4e30-8c35-687ebef853fe',
  'detail-type': 'EC2 Instance Launch Successful',
  source: 'aws.autoscaling',
  account: '123456789012',
  time: '2015-11-11T21:31:47Z',
  region: 'us-east-1',
  resources: [],
  detail: { eventVersion: '', responseElements: null },
};

/** The (truncated) Macie Alert event from "Example events and event patterns". */
const macieAlert: Event = {
  version: '0',
  id: '3e355723-fca9-4de3-9fd7-154c289d6b59',
  'detail-type': 'Macie Alert',
  source: 'aws.macie',
  account: '123456789012',
  time: '2017-04-24T22:28:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:macie:us-east-1:123456789012:trigger/trigger_id/alert/alert_id'],
  detail: {
    'notification-type': 'ALERT_CREATED',
    name: 'Scanning bucket policies',
    tags: ['Custom_Alert', 'Insider'],
    'risk-score': 80,
    trigger: { 'alert-type': 'basic', risk: 8 },
  },
};

const withDetail = (event: Event, detail: Record<string, unknown>): Event => ({
  ...event,
  detail: { ...(event.detail as Record<string, unknown>), ...detail },
});

/** A custom event whose only content is `detail`. */
const detailOnly = (detail: Record<string, unknown>): Event => ({ source: 'com.mycompany.myapp', detail });

// [behaviour, pattern, an event it matches, an event it does not match]
type Case = [string, EventPattern, Event, Event];

const table: Record<string, Case[]> = {
  'matching values': [
    [
      'matches the EC2 instance-termination pattern on source, detail-type and detail.state',
      {
        source: ['aws.ec2'],
        'detail-type': ['EC2 Instance State-change Notification'],
        detail: { state: ['terminated'] },
      },
      ec2Terminated,
      withDetail(ec2Terminated, { state: 'running' }),
    ],
    [
      'treats the values in a pattern array as alternatives',
      { source: ['aws.ec2', 'aws.fargate'] },
      { ...ec2Terminated, source: 'aws.fargate' },
      { ...ec2Terminated, source: 'aws.s3' },
    ],
    [
      'matches nested numeric values exactly (Macie risk-score 80, trigger risk 8)',
      {
        source: ['aws.macie'],
        'detail-type': ['Macie Alert'],
        detail: { 'risk-score': [80], trigger: { risk: [8] } },
      },
      macieAlert,
      withDetail(macieAlert, { trigger: { risk: 7 } }),
    ],
    [
      'matches null only for null, never for an empty string',
      { detail: { responseElements: [null] } },
      autoScalingLaunch,
      withDetail(autoScalingLaunch, { responseElements: '' }),
    ],
    [
      'matches an empty string only for an empty string, never for null',
      { detail: { eventVersion: [''] } },
      autoScalingLaunch,
      withDetail(autoScalingLaunch, { eventVersion: null }),
    ],
    [
      'does not match when a field named in the pattern is missing from the event',
      { detail: { state: ['running'] } },
      ec2Running,
      detailOnly({ 'instance-id': 'i-000000aaaaaa00000' }),
    ],
    [
      'compares strings character by character, without case folding',
      { source: ['aws.ec2'] },
      ec2Running,
      { ...ec2Running, source: 'AWS.EC2' },
    ],
    [
      'does not match a number in the pattern against the same digits as a string',
      { detail: { 'c-count': [5] } },
      ec2Running,
      withDetail(ec2Running, { 'c-count': '5' }),
    ],
  ],
  arrays: [
    [
      'matches an event array when it intersects the pattern array',
      {
        resources: [
          'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
          'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
          'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
        ],
      },
      {
        resources: [
          'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate',
          'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
        ],
      },
      { resources: ['arn:aws:ec2:us-east-1:999999999999:instance/i-b188560f'] },
    ],
    [
      'matches a field of objects inside an event array (employees.firstName)',
      { employees: { firstName: ['Anna'] } },
      {
        employees: [
          { firstName: 'John', lastName: 'Doe' },
          { firstName: 'Anna', lastName: 'Smith' },
          { firstName: 'Peter', lastName: 'Jones' },
        ],
      },
      { employees: [{ firstName: 'John', lastName: 'Doe' }] },
    ],
    [
      'never combines fields from different elements of the same array (Anna / Jones)',
      { employees: { firstName: ['Anna'], lastName: ['Jones'] } },
      { employees: [[{ firstName: 'John', lastName: 'Doe' }], [{ firstName: 'Anna', lastName: 'Jones' }]] },
      {
        employees: [
          [
            { firstName: 'John', lastName: 'Doe' },
            { firstName: 'Anna', lastName: 'Smith' },
          ],
          [{ firstName: 'Peter', lastName: 'Jones' }],
        ],
      },
    ],
  ],
  'prefix, suffix, equals-ignore-case and wildcard': [
    [
      'matches a prefix of a string value ("time" starting 2017-10-02)',
      { time: [{ prefix: '2017-10-02' }] },
      ec2Running,
      { ...ec2Running, time: '2017-10-03T16:24:49Z' },
    ],
    [
      'matches a prefix regardless of case with prefix + equals-ignore-case',
      { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
      detailOnly({ service: 'EVENTBRIDGE' }),
      detailOnly({ service: 'Lambda' }),
    ],
    [
      'matches a suffix of a string value (FileName ending .png)',
      { FileName: [{ suffix: '.png' }] },
      { FileName: 'photo.png' },
      { FileName: 'photo.PNG' },
    ],
    [
      'matches a suffix regardless of case with suffix + equals-ignore-case',
      { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } },
      detailOnly({ FileName: 'PHOTO.PNG' }),
      detailOnly({ FileName: 'photo.jpg' }),
    ],
    [
      'matches a whole value regardless of case with equals-ignore-case',
      { source: [{ 'equals-ignore-case': 'EC2' }] },
      { source: 'ec2' },
      { source: 'aws.ec2' },
    ],
    [
      'matches a wildcard against any run of characters, including none',
      { source: [{ wildcard: 'Simple*Service' }] },
      { source: 'SimpleNotificationService' },
      { source: 'NotificationService' },
    ],
    [
      'matches a wildcard file path (any .png within dir)',
      { FileName: [{ wildcard: 'dir/*.png' }] },
      { FileName: 'dir/photo.png' },
      { FileName: 'other/photo.png' },
    ],
    [
      'treats an escaped asterisk in a wildcard literally',
      { note: [{ wildcard: 'a\\*b' }] },
      { note: 'a*b' },
      { note: 'axxb' },
    ],
    [
      'applies prefix only to strings',
      { detail: { 'c-count': [{ prefix: '5' }] } },
      withDetail(ec2Running, { 'c-count': '50' }),
      ec2Running,
    ],
  ],
  'anything-but': [
    [
      'matches any string except the one given',
      { detail: { state: [{ 'anything-but': 'initializing' }] } },
      ec2Running,
      withDetail(ec2Running, { state: 'initializing' }),
    ],
    [
      'matches any number except the one given',
      { detail: { 'x-limit': [{ 'anything-but': 123 }] } },
      ec2Running,
      withDetail(ec2Running, { 'x-limit': 123 }),
    ],
    [
      'matches anything except the strings in a list',
      { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
      ec2Running,
      withDetail(ec2Running, { state: 'overloaded' }),
    ],
    [
      'matches anything except the numbers in a list',
      { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
      ec2Running,
      withDetail(ec2Running, { 'x-limit': 200 }),
    ],
    [
      'matches anything that does not start with a prefix',
      { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
      ec2Running,
      withDetail(ec2Running, { state: 'initializing' }),
    ],
    [
      'selects custom events by excluding sources that start with "aws."',
      { source: [{ 'anything-but': { prefix: 'aws.' } }] },
      { source: 'com.mycompany.myapp' },
      ec2Running,
    ],
    [
      'matches anything that does not end with a suffix',
      { FileName: [{ 'anything-but': { suffix: '.png' } }] },
      { FileName: 'photo.jpg' },
      { FileName: 'photo.png' },
    ],
    [
      'matches anything except a value in any casing',
      { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] },
      { state: 'running' },
      { state: 'INITIALIZING' },
    ],
    [
      'matches anything except a list of values in any casing',
      { state: [{ 'anything-but': { 'equals-ignore-case': ['Stopped', 'OverLoaded'] } }] },
      { state: 'running' },
      { state: 'overloaded' },
    ],
    [
      'matches anything except values fitting a wildcard (paths that include /lib/)',
      { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] },
      { FilePath: '/usr/bin/tool' },
      { FilePath: '/usr/lib/tool' },
    ],
    [
      'excludes CloudTrail API calls by detail-type',
      { 'detail-type': [{ 'anything-but': 'AWS API Call via CloudTrail' }] },
      ec2Running,
      { ...ec2Running, 'detail-type': 'AWS API Call via CloudTrail' },
    ],
    [
      'needs the field to be present',
      { detail: { state: [{ 'anything-but': 'initializing' }] } },
      ec2Running,
      detailOnly({ 'c-count': 5 }),
    ],
  ],
  numeric: [
    [
      'matches only when every numeric condition holds (c-count, d-count, x-limit)',
      {
        detail: {
          'c-count': [{ numeric: ['>', 0, '<=', 5] }],
          'd-count': [{ numeric: ['<', 10] }],
          'x-limit': [{ numeric: ['=', 3.018e2] }],
        },
      },
      ec2Running,
      withDetail(ec2Running, { 'c-count': 6 }),
    ],
    [
      'excludes the open end of a range (> 0)',
      { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] } },
      withDetail(ec2Running, { 'c-count': 0.5 }),
      withDetail(ec2Running, { 'c-count': 0 }),
    ],
    [
      'includes the closed end of a range (>= 10)',
      { detail: { 'd-count': [{ numeric: ['>=', 10, '<', 20] }] } },
      withDetail(ec2Running, { 'd-count': 10 }),
      withDetail(ec2Running, { 'd-count': 20 }),
    ],
    [
      'applies only to JSON numbers, not numeric strings',
      { detail: { 'd-count': [{ numeric: ['<', 10] }] } },
      ec2Running,
      withDetail(ec2Running, { 'd-count': '3' }),
    ],
  ],
  'IP address': [
    [
      'matches an IPv4 address inside a CIDR block',
      { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } },
      ec2Running,
      withDetail(ec2Running, { 'source-ip': '10.0.1.33' }),
    ],
    [
      'matches an IPv6 address inside a CIDR block',
      { detail: { sourceIPAddress: [{ cidr: '2001:db8::/32' }] } },
      detailOnly({ sourceIPAddress: '2001:db8:0:1::5' }),
      detailOnly({ sourceIPAddress: '2001:db9::1' }),
    ],
  ],
  exists: [
    [
      'exists:true matches an event that has detail.state',
      { detail: { state: [{ exists: true }] } },
      ec2Running,
      detailOnly({ 'c-count': { c1: 100 } }),
    ],
    [
      'exists:false matches an event without detail.c-count',
      { detail: { 'c-count': [{ exists: false }] } },
      withDetail(ec2Terminated, {}),
      ec2Running,
    ],
    [
      'exists:false also matches when c-count is an object, because exists only sees leaf nodes',
      { detail: { 'c-count': [{ exists: false }] } },
      {
        'detail-type': ['EC2 Instance State-change Notification'],
        resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341'],
        detail: { state: ['initializing', 'running'], 'c-count': { c1: 100 } },
      },
      detailOnly({ 'c-count': 100 }),
    ],
    [
      'exists:false matches when the whole parent object is missing',
      { detail: { 'c-count': [{ exists: false }] } },
      { source: 'aws.ec2' },
      ec2Running,
    ],
  ],
  'combined and $or': [
    [
      'combines prefix, anything-but and numeric matching in one pattern',
      {
        time: [{ prefix: '2017-10-02' }],
        detail: {
          state: [{ 'anything-but': 'initializing' }],
          'c-count': [{ numeric: ['>', 0, '<=', 5] }],
          'd-count': [{ numeric: ['<', 10] }],
          'x-limit': [{ 'anything-but': [100, 200, 300] }],
          'source-ip': [{ cidr: '10.0.0.0/8' }],
        },
      },
      ec2Running,
      withDetail(ec2Running, { 'x-limit': 300 }),
    ],
    [
      '$or matches when any alternative matches (source AND (metricName OR namespace))',
      {
        source: ['aws.cloudwatch'],
        $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
      },
      { source: 'aws.cloudwatch', metricName: 'WriteLatency', namespace: 'AWS/ES' },
      { source: 'aws.cloudwatch', metricName: 'WriteLatency', namespace: 'AWS/Lambda' },
    ],
    [
      '$or still requires the fields outside it',
      {
        source: ['aws.cloudwatch'],
        $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
      },
      { source: 'aws.cloudwatch', metricName: 'CPUUtilization' },
      { source: 'aws.ec2', metricName: 'CPUUtilization' },
    ],
    [
      '$or works inside a nested object (detail c-count OR d-count OR x-limit)',
      {
        detail: {
          $or: [
            { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] },
            { 'd-count': [{ numeric: ['<', 10] }] },
            { 'x-limit': [{ numeric: ['=', 3.018e2] }] },
          ],
        },
      },
      detailOnly({ 'c-count': 50, 'd-count': 3 }),
      detailOnly({ 'c-count': 50, 'd-count': 30, 'x-limit': 1 }),
    ],
    [
      '$or alternatives may hold an AND and a nested $or',
      {
        source: ['aws.cloudwatch'],
        $or: [
          { metricName: ['CPUUtilization', 'ReadLatency'] },
          {
            metricType: ['MetricType'],
            namespace: ['AWS/EC2', 'AWS/ES'],
            $or: [{ metricId: [1234] }, { spaceId: [1000] }],
          },
          { scope: ['Service'] },
        ],
      },
      { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/ES', spaceId: 1000 },
      { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/ES', spaceId: 2000 },
    ],
    [
      'uses only the last of a key given twice, as the guide notes',
      JSON.parse(
        '{"detail":{"location":[{"prefix":"us-"}],"location":[{"anything-but":"us-east"}]}}',
      ) as EventPattern,
      detailOnly({ location: 'eu-west' }),
      detailOnly({ location: 'us-east' }),
    ],
  ],
};

describe('matchesPattern', () => {
  for (const [topic, cases] of Object.entries(table)) {
    describe(topic, () => {
      it.each(cases)('%s', (_behaviour, pattern, matching, notMatching) => {
        expect(matchesPattern(pattern, matching)).toBe(true);
        expect(matchesPattern(pattern, notMatching)).toBe(false);
      });
    });
  }

  it('matches nothing for an empty pattern array, which AWS rejects', () => {
    expect(matchesPattern({ source: [] }, ec2Running)).toBe(false);
    expect(validatePattern({ source: [] })).toEqual(['source: Empty arrays are not allowed']);
  });

  it('does not find inherited properties as event fields', () => {
    expect(matchesPattern({ constructor: [{ exists: true }] }, {})).toBe(false);
    expect(matchesPattern({ constructor: [{ exists: false }] }, {})).toBe(true);
  });
});

describe('validatePattern', () => {
  it('accepts every pattern used in the matching table', () => {
    for (const cases of Object.values(table)) {
      for (const [behaviour, pattern] of cases)
        expect([behaviour, validatePattern(pattern)]).toEqual([behaviour, []]);
    }
  });

  it.each<[string, unknown, string]>([
    ['a pattern that is not an object', ['aws.ec2'], 'Event pattern must be a JSON object'],
    ['an empty pattern', {}, '(root): Empty objects are not allowed'],
    [
      'a bare value instead of an array',
      { source: 'aws.ec2' },
      'source: "source" must be an object or an array',
    ],
    ['an unknown operator', { source: [{ contains: 'ec2' }] }, 'source[0]: Unrecognized match type contains'],
    ['two keys in one match expression', { a: [{ prefix: 'x', suffix: 'y' }] }, 'a[0]: Only one key allowed'],
    [
      'a numeric range that runs the wrong way',
      { n: [{ numeric: ['<', 5, '>', 1] }] },
      'n[0]: Bad numeric expression',
    ],
    [
      'a numeric value beyond five billion',
      { n: [{ numeric: ['>', 6e9] }] },
      'n[0]: Numeric values must be numbers',
    ],
    [
      'anything-but with mixed types',
      { s: [{ 'anything-but': ['a', 1] }] },
      's[0]: Inside anything-but list',
    ],
    [
      'anything-but with an unsupported form',
      { s: [{ 'anything-but': { numeric: ['>', 1] } }] },
      's[0]: Unsupported',
    ],
    ['consecutive wildcards', { f: [{ wildcard: 'a**b' }] }, 'f[0]: Consecutive wildcard characters'],
    [
      'exists with a non-boolean',
      { f: [{ exists: 'yes' }] },
      'f[0]: exists match pattern must be either true or false',
    ],
    ['a malformed CIDR', { ip: [{ cidr: '10.0.0.0' }] }, 'ip[0]: Malformed CIDR'],
    [
      '$or with a single alternative',
      { $or: [{ a: ['x'] }] },
      '$or: There must be at least 2 objects in $or',
    ],
    [
      'an operator name as a field inside $or',
      { $or: [{ prefix: ['x'] }, { b: ['y'] }] },
      '$or[0].prefix: prefix is a',
    ],
  ])('reports %s', (_what, pattern, problem) => {
    const problems = validatePattern(pattern);
    expect(problems.some((p) => p.startsWith(problem))).toBe(true);
  });
});
