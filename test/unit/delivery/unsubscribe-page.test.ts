import { describe, expect, it } from '@jest/globals';
import { confirmPage, donePage } from '../../../shared/mail/unsubscribe-page';

describe('the unsubscribe pages', () => {
  it('offer a button that POSTs the same link, with the token kept in the form action', () => {
    const page = confirmPage('eyJzIjoicmVnXzEifQ.c2ln');
    expect(page).toMatch(/<form method="post" action="\?token=eyJzIjoicmVnXzEifQ\.c2ln">/);
    expect(page).toMatch(/<button type="submit">Unsubscribe<\/button>/);
    expect(page).not.toMatch(/<script/i);
  });

  it('never lets a token break out of the form attribute', () => {
    const page = confirmPage('"><script>alert(1)</script>');
    expect(page).not.toContain('<script>');
    expect(page).toContain('action="?token=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E"');
  });

  it('say what still comes after unsubscribing, and say so when no address is held', () => {
    expect(donePage(true)).toMatch(/confirmations, reminders/);
    expect(donePage(false)).toMatch(/erased/);
  });
});
