import { describe, expect, it } from '@jest/globals';
import { freePlaces, type SeatCounter } from '../../../shared/domain/registration';

const event = (taken: number, waiting = 0, capacity = 10): SeatCounter => ({ capacity, taken, waiting });
const session = (sessionId: string, taken: number, waiting = 0, capacity = 2): SeatCounter => ({
  sessionId,
  capacity,
  taken,
  waiting,
});

describe('freePlaces (what a new registration can take, from the seat counters)', () => {
  it('gives the event place and each capped session with a place left, in the order asked', () => {
    expect(freePlaces([event(3), session('ws-b', 0), session('ws-a', 1)], ['ws-a', 'ws-b'])).toEqual({
      event: true,
      sessions: ['ws-a', 'ws-b'],
    });
  });

  it('gives no place that is full, overbooked, or that somebody is waiting for', () => {
    expect(
      freePlaces(
        [event(10), session('ws-a', 2), session('ws-b', 3), session('ws-c', 0, 1)],
        ['ws-a', 'ws-b', 'ws-c'],
      ),
    ).toEqual({ event: false, sessions: [] });
    expect(freePlaces([event(4, 1)], [])).toEqual({ event: false, sessions: [] });
  });

  it('gives no place where a counter is missing', () => {
    expect(freePlaces([session('ws-a', 0)], ['ws-a', 'ws-b'])).toEqual({ event: false, sessions: ['ws-a'] });
  });
});
