import { describe, expect, it } from '@jest/globals';
import {
  dateProblem,
  fieldsOfWallClock,
  isoDateOf,
  timeOfDayOf,
  wallClockOf,
} from '../../../shared/console/events/time-fields';

describe('a time of day as people type it', () => {
  it.each([
    ['09:00', '09:00'],
    ['9:00', '09:00'],
    ['9.30', '09:30'],
    ['0930', '09:30'],
    [' 16:30 ', '16:30'],
    ['9:30am', '09:30'],
    ['2pm', '14:00'],
    ['12am', '00:00'],
    ['12:15 p.m.', '12:15'],
  ])('reads %s as %s', (typed, time) => {
    expect(timeOfDayOf(typed)).toBe(time);
  });

  it.each(['', '25:00', '9:60', 'nine', '13pm', '9'])('does not read %j as a time', (typed) => {
    expect(timeOfDayOf(typed)).toBeUndefined();
  });
});

describe('a date typed in a GOV.UK date input', () => {
  it('says what is missing, in GOV.UK words', () => {
    expect(dateProblem({ day: '', month: '', year: '' }, 'the date the event starts')).toBe(
      'Enter the date the event starts',
    );
    expect(dateProblem({ day: '1', month: '', year: '' }, 'the date the event starts')).toBe(
      'The date the event starts must include a month and year',
    );
    expect(dateProblem({ day: '31', month: '2', year: '2027' }, 'the date the event starts')).toBe(
      'The date the event starts must be a real date',
    );
    expect(dateProblem({ day: '1', month: '4', year: '27' }, 'the date')).toBe(
      'The date must be a real date',
    );
  });

  it('gives the ISO date of a real one, and nothing otherwise', () => {
    expect(isoDateOf({ day: '1', month: '4', year: '2027' })).toBe('2027-04-01');
    expect(isoDateOf({ day: '29', month: '2', year: '2027' })).toBeUndefined();
  });
});

describe('wall-clock times for the API', () => {
  it('joins a date and a time as typed', () => {
    expect(wallClockOf('2027-04-01', '9:30')).toBe('2027-04-01T09:30');
  });

  it('passes on what does not read, so the API refuses it and the page says why', () => {
    expect(wallClockOf(undefined, '09:00')).toBe('T09:00');
    expect(wallClockOf('2027-04-01', 'lunch')).toBe('2027-04-01Tlunch');
  });

  it('puts a stored time back in the boxes', () => {
    expect(fieldsOfWallClock('2027-04-01T09:05')).toEqual({
      date: { day: '1', month: '4', year: '2027' },
      time: '09:05',
    });
  });
});
