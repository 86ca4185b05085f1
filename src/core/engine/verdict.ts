// The one place a URL becomes a Verdict, shared by Blocklist and BlocklistSet.
import type { Match, Verdict } from '../model.ts';
import { readUrl } from '../url/readings.ts';
import { sharedLookup, type LookupFingerprints, type LookupInput } from './expressions.ts';
import { scanPlainUrl, type PlainSpans } from './plain-url.ts';

export interface Matcher {
  /** The match for the reading loaded into `l`, or null. */
  matchLoaded(l: LookupFingerprints): Match | null;
}

/** The first reading `matcher` matches, in order. */
export function firstMatch(matcher: Matcher, readings: readonly LookupInput[]): Match | null {
  for (const reading of readings) {
    const match = matcher.matchLoaded(sharedLookup.load(reading));
    if (match) return match;
  }
  return null;
}

const spans: PlainSpans = { hostStart: 0, hostEnd: 0, pathEnd: 0, end: 0 };

function judged(input: string, canonical: string | null, host: string, found: Match | null): Verdict {
  return { input, canonical, host, verdict: found ? 'warn' : 'ok', match: found };
}

/**
 * 'invalid' only when no reading has a host (unparseable, or a scheme that is
 * never judged). A URL the document cannot canonicalise but the browser can
 * still navigate (canonical null) is judged by the browser's reading.
 */
export function verdictFor(input: string, matcher: Matcher): Verdict {
  if (scanPlainUrl(input, spans)) {
    const host = input.slice(spans.hostStart, spans.hostEnd);
    const queryEnd = spans.end > spans.pathEnd ? spans.end : -1;
    const found = matcher.matchLoaded(sharedLookup.loadSpans(host, input, spans.hostEnd, spans.pathEnd, queryEnd));
    return judged(input, spans.end === input.length ? input : input.slice(0, spans.end), host, found);
  }
  const { canonical, host, readings } = readUrl(input);
  if (host === null || readings.length === 0) return { input, canonical, host, verdict: 'invalid', match: null };
  return judged(input, canonical, host, firstMatch(matcher, readings));
}
