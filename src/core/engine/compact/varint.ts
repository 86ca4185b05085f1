// LEB128 unsigned varints (7 bits a byte, low first), for values < 2^32.

export class ByteWriter {
  private buf: Uint8Array;
  length = 0;

  constructor(capacity = 1024) {
    this.buf = new Uint8Array(capacity);
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  varint(v: number): void {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new Error(`varint out of range: ${v}`);
    this.room(5);
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.length++] = v;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  done(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/** Reads varints from `bytes[at, end)`; any overrun or over-long value throws `${what}: ...`. */
export class ByteReader {
  constructor(
    private readonly bytes: Uint8Array,
    private at: number,
    private readonly end: number,
    private readonly what: string,
  ) {}

  fail(reason: string): never {
    throw new Error(`${this.what}: ${reason}`);
  }

  varint(): number {
    let v = 0;
    for (let shift = 1, i = 0; ; i++, shift *= 128) {
      if (this.at >= this.end) this.fail('truncated number');
      const b = this.bytes[this.at++]!;
      if (i === 4 && b > 0x0f) this.fail('number too large');
      v += (b & 0x7f) * shift;
      if (b < 0x80) {
        if (b === 0 && i > 0) this.fail('over-long number');
        return v;
      }
    }
  }

  /** The next `n` bytes. */
  take(n: number): Uint8Array {
    if (n > this.end - this.at) this.fail('truncated section');
    return this.bytes.subarray(this.at, (this.at += n));
  }

  get remaining(): number {
    return this.end - this.at;
  }
}
