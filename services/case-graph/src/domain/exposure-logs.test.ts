import { describe, expect, it } from '@jest/globals';
import { proximityCandidates, venueCandidates, type CaseWindow } from './exposure-logs';

const windows = new Map<string, CaseWindow>([
  ['f0', { personId: 'f0', since: '2021-11-05', until: '2021-11-08' }],
]);
const visit = (personId: string, from: string, to: string, venueId = 'cho-an-binh') => ({
  venueId,
  venueName: 'Chợ An Bình',
  personId,
  from: `2021-11-07T${from}:00+07:00`,
  to: `2021-11-07T${to}:00+07:00`,
});

describe('venue check-ins and app logs', () => {
  it('make candidates of people at a venue at the same time as an F0 within the window', () => {
    const found = venueCandidates(
      [
        visit('f0', '08:00', '09:00'),
        visit('x', '08:30', '10:00'),
        visit('y', '09:30', '10:00'),
        visit('z', '08:00', '09:00', 'other'),
      ],
      windows,
    );
    expect(found).toEqual([
      expect.objectContaining({
        sourcePersonId: 'f0',
        contactPersonId: 'x',
        lastExposureOn: '2021-11-07',
        evidence: 'venue_check_in',
        detail: 'Chợ An Bình, 2021-11-07 08:30-09:00',
      }),
    ]);
  });

  it('ignore visits outside the F0 window', () => {
    const early = {
      ...visit('f0', '08:00', '09:00'),
      from: '2021-11-01T08:00:00+07:00',
      to: '2021-11-01T09:00:00+07:00',
    };
    const other = {
      ...visit('x', '08:00', '09:00'),
      from: '2021-11-01T08:30:00+07:00',
      to: '2021-11-01T09:30:00+07:00',
    };
    expect(venueCandidates([early, other], windows)).toEqual([]);
  });

  it('make candidates of people an app saw near an F0, either way round', () => {
    const logs = [
      { personA: 'x', personB: 'f0', from: '2021-11-06T12:00:00+07:00', to: '2021-11-06T12:20:00+07:00' },
      { personA: 'y', personB: 'z', from: '2021-11-06T12:00:00+07:00', to: '2021-11-06T12:20:00+07:00' },
    ];
    expect(proximityCandidates(logs, windows)).toEqual([
      expect.objectContaining({
        sourcePersonId: 'f0',
        contactPersonId: 'x',
        evidence: 'proximity_log',
        lastExposureOn: '2021-11-06',
      }),
    ]);
  });
});
