// The three engines under test, behind one interface. Each builds from the
// list text it natively reads and answers "is this URL listed?".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StaticNetFilteringEngine } from '@gorhill/ubo-core';
import { Blocklist } from '../../src/core/engine/blocklist.ts';
import { parseList } from '../../src/core/list/parse-list.ts';
import { timed, type Timing } from './measure.ts';

export interface Prepared {
  /** From list text to a queryable engine (for ours: parse + compile to the binary). */
  build: Timing;
  /** From the engine's serialized form (ours: the binary; uBO: its selfie); null when it has none. */
  load: Timing | null;
  /** Ours only: the compile step alone (ParsedList -> binary), the part this engine owns. */
  compile?: Timing;
  /** Bytes of the form that is shipped or stored (ours: the binary; compact: the deflated wire form). */
  wireBytes?: number;
  /** Compact only: a delta of 1k additions and 1k removals, deflated. */
  deltaBytes?: number;
  detail: string;
}

export interface BenchEngine {
  name: string;
  listText(domains: readonly string[]): string;
  prepare(text: string): Promise<Prepared>;
  isHit(url: string): boolean;
  release(): Promise<void>;
}

const COLD_LOAD = fileURLToPath(new URL('./cold-load.ts', import.meta.url));

let dir: string | null = null;

/** One scratch directory for the run's stored forms, removed when the process exits. */
export function tempDir(): string {
  if (dir === null) {
    const made = mkdtempSync(join(tmpdir(), 'tg-bench-'));
    process.on('exit', () => rmSync(made, { recursive: true, force: true }));
    dir = made;
  }
  return dir;
}

/** A load timed in a fresh process (cold-load.ts `args`): cold code and a small heap, as the worker meets it. */
export function coldLoad(args: readonly string[]): Timing {
  const child = spawnSync(process.execPath, ['--import', 'tsx', COLD_LOAD, ...args], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`cold load failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Timing;
}

function binaryFile(bytes: Uint8Array): string {
  const file = join(tempDir(), 'list.bin');
  writeFileSync(file, bytes);
  return file;
}

export class TakedownGuardEngine implements BenchEngine {
  name = 'takedown-guard';
  private list: Blocklist | null = null;

  listText(domains: readonly string[]): string {
    return domains.join('\n');
  }

  async prepare(text: string): Promise<Prepared> {
    const parse = await timed(() => parseList(text, { file: 'synthetic.txt', origin: 'court', strict: true }));
    const compile = await timed(() => Blocklist.compile([parse.value]));
    const warm = await timed(() => Blocklist.load(compile.value));
    this.list = warm.value;
    return {
      build: { ms: parse.ms + compile.ms, cpuMs: parse.cpuMs + compile.cpuMs },
      load: coldLoad(['blocklist', binaryFile(compile.value)]),
      wireBytes: compile.value.length,
      compile: { ms: compile.ms, cpuMs: compile.cpuMs }, // not the value: the row would keep the binary alive
      detail: `parse ${parse.ms.toFixed(0)} + compile ${compile.ms.toFixed(0)} ms; binary ${(compile.value.length / 1e6).toFixed(1)} MB; load in this process ${warm.ms.toFixed(1)} ms`,
    };
  }

  isHit(url: string): boolean {
    return this.list!.matchUrl(url).verdict === 'warn';
  }

  async release(): Promise<void> {
    this.list = null;
  }
}

/** The baseline: a Set of hosts, probed with each host suffix of the WHATWG hostname. */
export class SetEngine implements BenchEngine {
  name = 'js Set';
  private hosts: Set<string> | null = null;

  listText(domains: readonly string[]): string {
    return domains.join('\n');
  }

  async prepare(text: string): Promise<Prepared> {
    const build = await timed(() => new Set(text.split('\n')));
    this.hosts = build.value;
    return { build: { ms: build.ms, cpuMs: build.cpuMs }, load: null, wireBytes: text.length, detail: 'host suffixes of new URL().hostname; wire: the list text' };
  }

  isHit(url: string): boolean {
    let host = new URL(url).hostname;
    for (;;) {
      if (this.hosts!.has(host)) return true;
      const dot = host.indexOf('.');
      if (dot < 0) return false;
      host = host.slice(dot + 1);
    }
  }

  async release(): Promise<void> {
    this.hosts = null;
  }
}

/**
 * uBlock Origin's static network filtering engine (a process-wide singleton) fed
 * `||domain^`. Its npm API calls a top-level navigation `document`: with
 * `main_frame` every matchRequest returns 0.
 */
export class UboEngine implements BenchEngine {
  name = 'uBO SNFE';
  private constructor(private readonly snfe: StaticNetFilteringEngine) {}

  static async create(): Promise<UboEngine> {
    return new UboEngine(await StaticNetFilteringEngine.create());
  }

  listText(domains: readonly string[]): string {
    return domains.map((d) => `||${d}^`).join('\n');
  }

  async prepare(text: string): Promise<Prepared> {
    const build = await timed(() => this.snfe.useLists([{ name: 'synthetic', raw: text }]));
    const selfie = await this.snfe.serialize();
    const load = await timed(() => this.snfe.deserialize(selfie));
    return { build, load, wireBytes: selfie.length, detail: `selfie ${(selfie.length / 1e6).toFixed(1)} M chars; its engine is module state, so dropping it frees nothing (freed 0)` };
  }

  isHit(url: string): boolean {
    return this.snfe.matchRequest({ originURL: url, url, type: 'document' }) === 1;
  }

  async release(): Promise<void> {
    await this.snfe.useLists([]);
  }
}
