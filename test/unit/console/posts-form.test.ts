import { describe, expect, it } from '@jest/globals';
import {
  blankPostForm,
  partBoxes,
  postFormOf,
  postRequestOf,
  timeOfDayOf,
  type PostFormValues,
} from '../../../shared/console/posts/post-form';
import { partProblemsOf, postFormErrors } from '../../../shared/console/posts/post-form-errors';
import { anchorOptions, describeOffset, offsetFields } from '../../../shared/console/posts/post-timing';

const form = (values: Partial<PostFormValues>): PostFormValues => ({ ...blankPostForm, ...values });

const anchors = {
  timezone: 'Europe/London',
  startsAt: '2027-04-01T08:00:00.000Z',
  endsAt: '2027-04-01T15:30:00.000Z',
  sessions: [
    { id: 'ws-a', title: 'Workshop A', startsAt: '2027-04-01T10:00:00.000Z' },
    { id: 'keynote', title: 'Opening keynote', startsAt: '2027-04-01T08:30:00.000Z' },
  ],
};

describe('the post form as the API body', () => {
  it('sends one written part as text and several as a thread, leaving blank boxes out', () => {
    expect(
      postRequestOf(
        form({ parts: ['Hello', ' ', ''], when: 'at', day: '1', month: '4', year: '2027', time: '9:30' }),
      ),
    ).toEqual({ body: { text: 'Hello', publishAt: '2027-04-01T09:30' }, partOf: [0], problems: [] });

    const thread = postRequestOf(
      form({
        parts: ['', 'One', '', 'Two'],
        when: 'relative',
        amount: '30',
        unit: 'minutes',
        direction: 'before',
        from: 'keynote',
      }),
    );

    expect(thread).toEqual({
      body: { thread: ['One', 'Two'], offset: { from: 'keynote', minutes: -30 } },
      partOf: [1, 3],
      problems: [],
    });
  });

  it('counts hours after as positive minutes, and "0 minutes before" as 0', () => {
    const after = postRequestOf(
      form({ parts: ['x'], when: 'relative', amount: '2', unit: 'hours', direction: 'after', from: 'end' }),
    );
    expect(after.body.offset).toEqual({ from: 'end', minutes: 120 });
    const atStart = postRequestOf(
      form({
        parts: ['x'],
        when: 'relative',
        amount: '0',
        unit: 'minutes',
        direction: 'before',
        from: 'start',
      }),
    );
    expect(Object.is((atStart.body.offset as { minutes: number }).minutes, 0)).toBe(true);
  });

  it('names what the form alone can see is missing or wrong', () => {
    expect(postRequestOf(form({ parts: ['x'] })).problems).toEqual([
      { path: 'when', message: 'Choose when the post goes' },
    ]);
    expect(
      postRequestOf(form({ parts: ['x'], when: 'at', day: '31', month: '2', year: '2027', time: '25:00' }))
        .problems,
    ).toEqual([
      { path: 'publishAt.date', message: 'Enter a real date' },
      { path: 'publishAt.time', message: 'Enter a time' },
    ]);
    expect(postRequestOf(form({ parts: ['x'], when: 'relative', amount: 'half an hour' })).problems).toEqual([
      { path: 'offset.minutes', message: 'Enter a whole number' },
    ]);
  });

  it('reads times of day as people write them', () => {
    expect(['09:30', '9:30', '9.30', '2pm', '2:15 pm', '12am', '23:59'].map(timeOfDayOf)).toEqual([
      '09:30',
      '09:30',
      '09:30',
      '14:00',
      '14:15',
      '00:00',
      '23:59',
    ]);
    expect(['9', '24:00', '13pm', '9:5', ''].map(timeOfDayOf)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('shows at least three boxes and always one blank one after what was written', () => {
    expect(partBoxes([''])).toEqual(['', '', '']);
    expect(partBoxes(['One', 'Two', 'Three'])).toEqual(['One', 'Two', 'Three', '']);
    expect(partBoxes(['One', '', 'Three', '', ''])).toEqual(['One', '', 'Three', '']);
  });

  it('prefills an offset of whole days in days, and reads days back as minutes', () => {
    const prefilled = postFormOf({
      thread: ['A'],
      follows: { from: 'start', minutes: -14 * 1440 },
      publishAtLocal: '2027-03-18T09:00',
    });

    expect(prefilled).toMatchObject({ amount: '14', unit: 'days', direction: 'before' });
    expect(postRequestOf(prefilled).body).toMatchObject({ offset: { from: 'start', minutes: -20_160 } });
  });

  it('prefills from a post: its offset in hours where whole, or its own time', () => {
    expect(
      postFormOf({
        thread: ['A', 'B'],
        follows: { from: 'start', minutes: -60 },
        publishAtLocal: '2027-04-01T08:00',
      }),
    ).toMatchObject({
      parts: ['A', 'B'],
      when: 'relative',
      amount: '1',
      unit: 'hours',
      direction: 'before',
      from: 'start',
    });
    expect(postFormOf({ thread: ['A'], follows: null, publishAtLocal: '2027-04-01T08:05' })).toMatchObject({
      when: 'at',
      day: '1',
      month: '4',
      year: '2027',
      time: '08:05',
    });
  });
});

describe('the API refusal beside the form', () => {
  it("puts a part's too_long beside its own box, counting as X does", () => {
    const values = form({ parts: ['Fine', '', `${'a'.repeat(270)} https://example.org/${'x'.repeat(40)}`] });

    const errors = postFormErrors(
      [{ path: 'thread.1', message: 'Weighted length 294 is over 280' }],
      { values, partOf: [0, 2], timezone: 'Europe/London' },
      true,
    );

    expect(errors.byField).toEqual({ 'part-3': 'Part 3 must be 280 characters or less (it has 294)' });
    expect(errors.summary).toEqual([
      { text: 'Part 3 must be 280 characters or less (it has 294)', href: '#part-3' },
    ]);
  });

  it('calls a post of one part the post, not part 1', () => {
    const values = form({ parts: ['a'.repeat(300), ''] });

    const errors = postFormErrors(
      [{ path: 'text', message: 'Weighted length 300 is over 280' }],
      { values, partOf: [0], timezone: 'Europe/London' },
      true,
    );

    expect(errors.byField).toEqual({ 'part-1': 'The post must be 280 characters or less (it has 300)' });
  });

  it('says a past time in words for the field it came from, in page order', () => {
    const values = form({ parts: [''], when: 'relative' });

    const errors = postFormErrors(
      [
        {
          path: 'offset',
          message: '2027-01-01T00:00:00.000Z is in the past; it is 2027-02-01T00:00:00.000Z now',
        },
        { path: 'text', message: 'Must not be empty' },
      ],
      { values, partOf: [], timezone: 'Europe/London' },
      true,
    );

    expect(errors.summary).toEqual([
      { text: 'Enter the text of the post', href: '#part-1' },
      { text: 'The time this gives has passed. Choose a later time', href: '#offset-amount' },
    ]);
  });
});

describe('relative timing in words', () => {
  it('says the offset as a person would', () => {
    expect(describeOffset({ from: 'keynote', minutes: -30 }, anchors)).toBe(
      '30 minutes before Opening keynote',
    );
    expect(describeOffset({ from: 'end', minutes: 60 }, anchors)).toBe('1 hour after the end of the event');
    expect(describeOffset({ from: 'start', minutes: -20160 }, anchors)).toBe(
      '14 days before the start of the event',
    );
    expect(describeOffset({ from: 'start', minutes: 1 + 24 * 60 + 3 * 60 + 5 }, anchors)).toBe(
      '1 day, 3 hours and 6 minutes after the start of the event',
    );
    expect(describeOffset({ from: 'start', minutes: -150 }, anchors)).toBe(
      '2 hours and 30 minutes before the start of the event',
    );
    expect(describeOffset({ from: 'start', minutes: 0 }, anchors)).toBe('At the start of the event');
    expect(describeOffset({ from: 'keynote', minutes: 0 }, anchors)).toBe('At the start of Opening keynote');
    expect(describeOffset({ from: 'gone', minutes: 5 }, anchors)).toBe(
      '5 minutes after a session no longer in the event',
    );
    expect(offsetFields({ from: 'end', minutes: 90 })).toEqual({
      amount: '90',
      unit: 'minutes',
      direction: 'after',
      from: 'end',
    });
  });

  it("offers the start, each session in the day's order and the end, with their times in the event's zone", () => {
    expect(anchorOptions(anchors)).toEqual([
      { value: 'start', text: 'the start of the event (09:00)' },
      { value: 'keynote', text: 'Opening keynote (09:30)' },
      { value: 'ws-a', text: 'Workshop A (11:00)' },
      { value: 'end', text: 'the end of the event (16:30)' },
    ]);
  });
});

describe('a blank form', () => {
  it("names the text it lacks beside the time it lacks, in the page's words and order", () => {
    const values = form({ parts: ['', ''], when: '' });
    const refused = { values, partOf: [], timezone: 'Europe/London' };
    const { body, problems } = postRequestOf(values);

    const errors = postFormErrors([...partProblemsOf(body, refused), ...problems], refused, false);

    expect(errors.summary).toEqual([
      { text: 'Enter the text of the post', href: '#part-1' },
      { text: 'Choose when the post goes', href: '#when' },
    ]);
  });

  it('says a part is too long beside a time it lacks, and nothing of parts that are fine', () => {
    const values = form({ parts: ['Fine', 'a'.repeat(300)], when: '' });
    const refused = { values, partOf: [0, 1], timezone: 'Europe/London' };
    const { body } = postRequestOf(values);

    expect(partProblemsOf(body, refused)).toEqual([
      { path: 'thread.1', message: 'Part 2 must be 280 characters or less (it has 300)' },
    ]);
    expect(partProblemsOf(postRequestOf(form({ parts: ['Fine'], when: '' })).body, refused)).toEqual([]);
  });
});
