// Public surface of the local protection report's pure logic.
export { MAX_TEXT, parseStopEvent, STOP_ACTIONS, STOP_KINDS, subresourceBucket, utcDay, type StopAction, type StopEvent, type StopKind } from './event.ts';
export { idsOverCap, oldestKept, rowsToExamine, type Retention } from './retention.ts';
export { stopsPerDay, stopsPerList, totalStops, type Tally } from './aggregate.ts';
export { filterEvents, NO_FILTER, type ReportFilter } from './filter.ts';
export { csvField, EXPORT_COLUMNS, neutraliseFormula, toCsv, toJson } from './export.ts';
