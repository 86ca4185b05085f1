// The compact engine as the worker holds it: the hot table resident (~5.5
// bytes an entry), the cold records behind an asynchronous source (IndexedDB),
// so a lookup has two phases. The first, synchronous, asks the hot table which
// entries may be the URL's expressions: for an unlisted URL it almost always
// says none (false-hit rate in hot-table.ts), and the verdict is final. Only
// candidates go on to the second, asynchronous phase, which reads their
// records and confirms each against the exact expression, so a false hit
// costs a read, never a false warning.
import type { ListMeta, Match } from '../../model.ts';
import type { LookupFingerprints } from '../expressions.ts';
import { AsyncColdRecords, type AsyncByteSource } from './async-records.ts';
import { CompactBlocklist } from './compact-blocklist.ts';
import { HotTable } from './hot-table.ts';
import { isIpEntry } from './kind.ts';
import { bufferSource } from './records.ts';
import { scanCandidates } from './scan.ts';

/** An entry the hot table could not rule out, with what confirming it needs (copied: the loaded reading is shared scratch). */
export interface Candidate {
  index: number;
  /** The lookup expression the entry must equal. */
  expression: string;
  /** Looked up for a subdomain of the URL's host: then an IP entry does not count (IP entries match only that very host). */
  onSuffix: boolean;
}

const NONE: readonly Candidate[] = Object.freeze([]);
const any = (): boolean => true;

export class TwoPhaseBlocklist {
  readonly size: number;

  private constructor(
    private readonly hot: Uint8Array,
    private readonly table: HotTable,
    private readonly cold: AsyncColdRecords,
  ) {
    this.size = table.size;
  }

  /**
   * Checks the hot table whole (its checksum) and that the cold section is
   * the one it was built with (their checksums agree); the cold section's own
   * checksum is checked before it is stored (CompactBlocklist.verify).
   */
  static async open(hot: Uint8Array, cold: AsyncByteSource): Promise<TwoPhaseBlocklist> {
    const { table, coldSum } = HotTable.read(hot);
    const records = await AsyncColdRecords.open(cold);
    if (records.sum !== coldSum || records.size !== table.size) throw new Error('compact table: records do not belong to this table');
    return new TwoPhaseBlocklist(hot, table, records);
  }

  get lists(): ListMeta[] {
    return this.cold.lists;
  }

  /** Phase one: the candidates for the loaded reading, in the order a match is chosen (the same empty array when none). */
  candidates(l: LookupFingerprints): readonly Candidate[] {
    // Nearly every lookup has none: find that out without allocating.
    if (!scanCandidates(this.table, l, any)) return NONE;
    const out: Candidate[] = [];
    scanCandidates(this.table, l, (index, h, p) => {
      out.push({ index, expression: l.expression(h, p), onSuffix: l.hostStart[h] !== 0 });
      return false;
    });
    return out;
  }

  /** Phase two: the match a candidate is, if its record is exactly the looked-up expression. */
  async confirm(c: Candidate): Promise<Match | null> {
    const match = await this.cold.record(c.index);
    return match.entry === c.expression && !(c.onSuffix && isIpEntry(match.entry)) ? match : null;
  }

  /**
   * The list with its records read whole, for what needs every entry (the DNR
   * rule build: dnrEntries). Transient: drop it after use.
   */
  async withRecords(): Promise<CompactBlocklist> {
    return CompactBlocklist.load(this.hot, bufferSource(await this.cold.readAll()));
  }
}
