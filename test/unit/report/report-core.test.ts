import { describe, expect, it } from 'vitest';
import {
  csvField, filterEvents, idsOverCap, rowsToExamine, neutraliseFormula, NO_FILTER, parseStopEvent, stopsPerDay, stopsPerList, toCsv, toJson, totalStops,
  type StopEvent,
} from '../../../src/core/report/index.ts';
import { parsePolicy } from '../../../src/core/policy/index.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 1, 12, 0, 0);

function ev(over: Partial<StopEvent> = {}): StopEvent {
  return {
    time: T0, host: 'bitwoll.com', entry: 'bitwoll.com/', list: 'thallium', listTitle: 'Microsoft v. Thallium',
    kind: 'full-page', action: 'went-back', reason: '', count: 1, ...over,
  };
}

describe('parseStopEvent', () => {
  it('keeps a well-formed event and drops extra fields', () => {
    expect(parseStopEvent({ ...ev({ id: 7 }), extra: 'x' })).toEqual(ev({ id: 7 }));
  });
  it.each([
    ['unknown kind', { kind: 'popup' }],
    ['unknown action', { action: 'ignored' }],
    ['empty host', { host: '' }],
    ['host too long', { host: 'a'.repeat(254) }],
    ['negative time', { time: -1 }],
    ['fractional count', { count: 1.5 }],
    ['zero count', { count: 0 }],
    ['reason without reason-typed', { reason: 'because' }],
    ['reason-typed without reason', { action: 'reason-typed' }],
    ['entry not text', { entry: 42 }],
  ])('refuses %s', (_, over) => {
    expect(parseStopEvent({ ...ev(), ...over })).toBeNull();
  });
  it('refuses non-objects', () => {
    expect(parseStopEvent(null)).toBeNull();
    expect(parseStopEvent('x')).toBeNull();
  });
});

describe('idsOverCap', () => {
  const limits = { maxEvents: 3, maxDays: 10 };
  it('drops rows older than maxDays', () => {
    const rows = [ev({ id: 1, time: T0 - 11 * DAY }), ev({ id: 2, time: T0 - 9 * DAY }), ev({ id: 3, time: T0 })];
    expect(idsOverCap(rows, limits, T0)).toEqual([1]);
  });
  it('drops the oldest beyond maxEvents, whatever the order they come in', () => {
    const rows = [5, 1, 4, 2, 3].map((id) => ev({ id, time: T0 - (10 - id) * 1000 }));
    expect(idsOverCap(rows, limits, T0).sort()).toEqual([1, 2]);
  });
  it('breaks time ties by id (the earlier write goes first)', () => {
    const rows = [4, 3, 2, 1].map((id) => ev({ id, time: T0 }));
    expect(idsOverCap(rows, limits, T0)).toEqual([1]);
  });
  it('counts both caps together: old ones are not counted against maxEvents twice', () => {
    const rows = [ev({ id: 1, time: T0 - 20 * DAY }), ...[2, 3, 4, 5].map((id) => ev({ id, time: T0 - id }))];
    expect(idsOverCap(rows, limits, T0).sort()).toEqual([1, 5]);
  });
  it('keeps everything under both caps', () => {
    expect(idsOverCap([ev({ id: 1 })], limits, T0)).toEqual([]);
  });
  it('decides from the oldest rows alone when told the store\'s total, as the store reads them', () => {
    const all = [1, 2, 3, 4, 5, 6].map((id) => ev({ id, time: T0 - (10 - id) * 1000 }));
    const examine = rowsToExamine(all.length, 0, limits);
    expect(examine).toBe(3);
    expect(idsOverCap(all.slice(0, examine), limits, T0, all.length)).toEqual(idsOverCap(all, limits, T0));
    expect(idsOverCap(all.slice(0, examine), limits, T0, all.length)).toEqual([1, 2, 3]);
  });
  it('rowsToExamine: the rows past the age cap, then the excess over the count', () => {
    expect(rowsToExamine(3, 0, limits)).toBe(0);
    expect(rowsToExamine(5, 1, limits)).toBe(2);
    expect(rowsToExamine(5, 4, limits)).toBe(4);
  });
});

describe('aggregation', () => {
  const rows = [
    ev({ time: T0 }),
    ev({ time: T0 + 3600_000, kind: 'link-click' }),
    ev({ time: T0 + DAY, list: 'corp', listTitle: 'Corp list', kind: 'subresource-blocked', action: 'none', count: 40 }),
    ev({ time: T0 - DAY, list: '', listTitle: '', entry: 'microsoft.com', kind: 'credential-overlay' }),
  ];
  it('counts per UTC day, oldest first, a subresource row as its count', () => {
    expect(stopsPerDay(rows).map((t) => [t.key, t.count])).toEqual([['2026-11-30', 1], ['2026-12-01', 2], ['2026-12-02', 40]]);
  });
  it('counts per list, most first, with the list title as label', () => {
    expect(stopsPerList(rows).map((t) => [t.key, t.label, t.count])).toEqual([
      ['corp', 'Corp list', 40], ['thallium', 'Microsoft v. Thallium', 2], ['', '', 1],
    ]);
  });
  it('totals', () => expect(totalStops(rows)).toBe(43));
  it('puts a time just before UTC midnight on that day', () => {
    expect(stopsPerDay([ev({ time: Date.UTC(2026, 0, 1) - 1 })])[0]!.key).toBe('2025-12-31');
  });
});

describe('filterEvents', () => {
  const rows = [
    ev({ host: 'Login.Bitwoll.com', time: T0 }),
    ev({ host: 'other.test', kind: 'link-click', time: T0 + DAY }),
    ev({ host: 'corp.test', list: 'corp', time: T0 + 2 * DAY }),
  ];
  it('without filter keeps all', () => expect(filterEvents(rows, NO_FILTER)).toHaveLength(3));
  it('by kind', () => expect(filterEvents(rows, { ...NO_FILTER, kind: 'link-click' }).map((e) => e.host)).toEqual(['other.test']));
  it('by list', () => expect(filterEvents(rows, { ...NO_FILTER, list: 'corp' }).map((e) => e.host)).toEqual(['corp.test']));
  it('by inclusive day range', () => {
    expect(filterEvents(rows, { ...NO_FILTER, from: '2026-12-02', to: '2026-12-02' }).map((e) => e.host)).toEqual(['other.test']);
  });
  it('by host text, case-insensitive', () => {
    expect(filterEvents(rows, { ...NO_FILTER, host: ' bitWOLL ' }).map((e) => e.host)).toEqual(['Login.Bitwoll.com']);
  });
});

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('plain')).toBe('plain');
  });
  it.each(['=HYPERLINK("http://x")', '+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1'])('neutralises the formula %j', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });
  it('leaves ordinary text alone', () => expect(neutraliseFormula('bitwoll.com')).toBe('bitwoll.com'));
  it('writes a header and one CRLF line per row, formulas neutralised before quoting', () => {
    const csv = toCsv([ev({ action: 'reason-typed', reason: '=cmd|" /C calc"!A0, ok' })]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('time,host,entry,list,listTitle,kind,action,reason,count');
    expect(lines[1]).toBe(`2026-12-01T12:00:00.000Z,bitwoll.com,bitwoll.com/,thallium,Microsoft v. Thallium,full-page,reason-typed,"'=cmd|"" /C calc""!A0, ok",1`);
    expect(lines).toHaveLength(3);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('JSON export', () => {
  it('has the CSV columns, ISO times and numeric counts, and no id', () => {
    const parsed = JSON.parse(toJson([ev({ id: 3, count: 5, kind: 'subresource-blocked', action: 'none' })]));
    expect(parsed).toEqual([{
      time: '2026-12-01T12:00:00.000Z', host: 'bitwoll.com', entry: 'bitwoll.com/', list: 'thallium', listTitle: 'Microsoft v. Thallium',
      kind: 'subresource-blocked', action: 'none', reason: '', count: 5,
    }]);
  });
});

describe('report retention policy', () => {
  it('takes valid values', () => {
    const p = parsePolicy({ reportMaxEvents: 200, reportMaxDays: 30 });
    expect([p.settings.reportMaxEvents, p.settings.reportMaxDays, p.problems]).toEqual([200, 30, []]);
    expect(p.managedKeys).toEqual(['reportMaxEvents', 'reportMaxDays']);
  });
  it('defaults without a policy', () => {
    const p = parsePolicy({});
    expect([p.settings.reportMaxEvents, p.settings.reportMaxDays]).toEqual([5000, 90]);
  });
  it('ignores a non-number with a visible problem, keeping the default', () => {
    const p = parsePolicy({ reportMaxEvents: '1e9', reportMaxDays: 7.5 });
    expect([p.settings.reportMaxEvents, p.settings.reportMaxDays]).toEqual([5000, 90]);
    expect(p.problems).toEqual([
      'reportMaxEvents: ignored "1e9", it must be a whole number of rows; using 5000.',
      'reportMaxDays: ignored 7.5, it must be a whole number of days; using 90.',
    ]);
    expect(p.managedKeys).toEqual(['reportMaxEvents', 'reportMaxDays']);
  });
  it('clamps out-of-range values with a problem', () => {
    const p = parsePolicy({ reportMaxEvents: 5, reportMaxDays: 100000 });
    expect([p.settings.reportMaxEvents, p.settings.reportMaxDays]).toEqual([100, 3650]);
    expect(p.problems).toEqual(['reportMaxEvents: 5 is outside 100..100000; using 100.', 'reportMaxDays: 100000 is outside 1..3650; using 3650.']);
  });
});
