import { includesNeeds } from '../../../shared/domain/gdpr/needs';
import { badgeListCsv, type BadgeRow } from '../../../shared/domain/registration/badge-list';

const row: BadgeRow = {
  registrationId: 'reg_1',
  status: 'confirmed',
  attended: false,
  name: 'Ada',
  email: 'ada@example.org',
  dietary: 'Halal',
  accessNeeds: 'Wheelchair',
  sessions: [],
};

describe('access and dietary needs in exports', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['need', false],
    ['needs', true],
    ['sessions, needs', true],
    ['NEEDS', false],
  ])('include=%p asks for needs: %p', (include, expected) => {
    expect(includesNeeds(include)).toBe(expected);
  });

  it('leaves the needs out of the CSV unless asked for', () => {
    const without = badgeListCsv([row]);
    expect(without).not.toContain('Halal');
    expect(without).not.toContain('Wheelchair');
    expect(without.split('\r\n')[0]).toBe(
      'name,organisation,role,email,status,attended,sessions,registration id',
    );
    const withNeeds = badgeListCsv([row], { needs: true });
    expect(withNeeds.split('\r\n')[0]).toContain('dietary,access needs');
    expect(withNeeds).toContain('Halal');
    expect(withNeeds).toContain('Wheelchair');
  });
});
