// A list's text read line by line in place. At a million lines an array of
// line strings, alive through the whole parse, and an entry string
// concatenated from each host cost more in garbage collection than the
// parsing itself: here a line is a [start, end) range of the text, and a bare
// host's entry `host/` is a view of one copy of the text with `/` for `\n`.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class ListText {
  /** The text with every line break (`\r\n`, `\r`, `\n`) as `\n`: its lines are those of the original. */
  readonly text: string;
  /** `text` with `/` for every `\n`, when it is ASCII (so a character is a byte); else null. */
  private readonly slashed: string | null;

  constructor(body: string) {
    this.text = body.indexOf('\r') < 0 ? body : body.replace(/\r\n?/g, '\n');
    // One native encode, a native scan for the breaks and one native decode: ~10x faster than replaceAll, which builds a rope.
    const bytes = encoder.encode(this.text);
    for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) bytes[i] = 0x2f;
    this.slashed = bytes.length === this.text.length ? decoder.decode(bytes) : null;
  }

  /** Where the line starting at `start` ends (its `\n`, or the end of the text). */
  end(start: number): number {
    const nl = this.text.indexOf('\n', start);
    return nl < 0 ? this.text.length : nl;
  }

  /** text[start, end) + '/', for the line text[start, end): a view of the slashed copy, no concatenation to flatten later. */
  withSlash(start: number, end: number): string {
    return this.slashed !== null && end < this.slashed.length ? this.slashed.slice(start, end + 1) : this.text.slice(start, end) + '/';
  }

  /** The lines in order, as strings (for the few leading ones a header check reads). */
  *strings(): Generator<string> {
    for (let start = 0; start <= this.text.length; ) {
      const end = this.end(start);
      yield this.text.slice(start, end);
      start = end + 1;
    }
  }
}
