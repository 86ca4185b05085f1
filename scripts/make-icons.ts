// Draws the toolbar/store icons (a shield with an exclamation mark) as PNGs.
// Run once after changing the design: `npx tsx scripts/make-icons.ts`; the
// PNGs are committed under extension/icons/. Pure node: no image toolchain.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const SIZES = [16, 32, 48, 96, 128];
const SHIELD = [0xb3, 0x26, 0x1e];
const MARK = [0xff, 0xff, 0xff];

/** Shape in unit coordinates (0..1): 0 outside, 1 shield, 2 mark. */
function shape(x: number, y: number): 0 | 1 | 2 {
  const top = 0.08, mid = 0.55, bottom = 0.94, half = 0.4;
  let inside: boolean;
  if (y < top || y > bottom) inside = false;
  else if (y <= mid) inside = Math.abs(x - 0.5) <= half;
  else inside = Math.abs(x - 0.5) <= half * (1 - (y - mid) / (bottom - mid));
  if (!inside) return 0;
  const bar = Math.abs(x - 0.5) <= 0.07 && y >= 0.22 && y <= 0.58;
  const dot = (x - 0.5) ** 2 + (y - 0.71) ** 2 <= 0.075 ** 2;
  return bar || dot ? 2 : 1;
}

function crc32(buf: Uint8Array): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size: number): Buffer {
  const ss = 4; // supersampling for smooth edges
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const s = shape((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (s === 0) continue;
          const c = s === 1 ? SHIELD : MARK;
          acc[0]! += c[0]!; acc[1]! += c[1]!; acc[2]! += c[2]!; acc[3]! += 1;
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const n = acc[3]!;
      raw[o] = n ? acc[0]! / n : 0; raw[o + 1] = n ? acc[1]! / n : 0; raw[o + 2] = n ? acc[2]! / n : 0;
      raw[o + 3] = Math.round((255 * n) / (ss * ss));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array()),
  ]);
}

mkdirSync('extension/icons', { recursive: true });
for (const s of SIZES) writeFileSync(`extension/icons/icon-${s}.png`, png(s));
console.log(`wrote ${SIZES.map((s) => `extension/icons/icon-${s}.png`).join(', ')}`);
