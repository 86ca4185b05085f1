// Reads browser screenshots (PNG, 8-bit RGB or RGBA, not interlaced: what
// Chromium and Firefox produce) to check that a warning is actually painted.
import { inflateSync } from 'node:zlib';
import { DIALOG_CSS } from '../../../src/content/dialog-style.ts';

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

interface Image {
  width: number;
  height: number;
  /** RGBA, row after row. */
  data: Uint8Array;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(png: Buffer): Image {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const [depth, colour, , , interlace] = [png[24], png[25], png[26], png[27], png[28]];
  if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0) throw new Error(`unsupported PNG ${depth}/${colour}/${interlace}`);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const bpp = colour === 6 ? 4 : 3;
  const stride = width * bpp;
  const out = new Uint8Array(width * height * bpp);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= bpp ? (out[y * stride + x - bpp] ?? 0) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= bpp && y > 0 ? (out[(y - 1) * stride + x - bpp] ?? 0) : 0;
      const pred = filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth(a, b, c) : 0;
      out[y * stride + x] = (v + pred) & 0xff;
    }
  }
  if (bpp === 4) return { width, height, data: out };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < out.length; i += 3, j += 4) rgba.set([out[i] ?? 0, out[i + 1] ?? 0, out[i + 2] ?? 0, 255], j);
  return { width, height, data: rgba };
}

export function hex(colour: string): Rgb {
  const n = Number.parseInt(colour.replace('#', ''), 16);
  return { r: (n >> 16) & 0xff, g: (n >> 8) & 0xff, b: n & 0xff };
}

/** Pixels within `tolerance` (per channel) of `colour`. */
export function countColour(png: Buffer, colour: Rgb, tolerance = 12): number {
  const { data } = decodePng(png);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    const d = Math.max(Math.abs((data[i] ?? 0) - colour.r), Math.abs((data[i + 1] ?? 0) - colour.g), Math.abs((data[i + 2] ?? 0) - colour.b));
    if (d <= tolerance) n++;
  }
  return n;
}

/** Share of pixels that are not (near) white, 0..1. */
export function nonWhiteShare(png: Buffer): number {
  const { data, width, height } = decodePng(png);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 0) < 240 || (data[i + 1] ?? 0) < 240 || (data[i + 2] ?? 0) < 240) n++;
  return n / (width * height);
}

function accent(level: 'blocked' | 'suspected'): Rgb {
  const m = new RegExp(`\\.${level} \\{ --accent: (#[0-9a-f]{6})`).exec(DIALOG_CSS);
  if (!m?.[1]) throw new Error(`no accent colour for ${level} in DIALOG_CSS`);
  return hex(m[1]);
}

/** Accent colours of the warning's header, as the extension styles it. */
export const ACCENT = { blocked: accent('blocked'), suspected: accent('suspected') } as const;
