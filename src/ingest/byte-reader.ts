/** Reads a byte stream piece by piece: up to a delimiter, or an exact count, or skipping. */
export class ByteReader {
  private buffer: Buffer = Buffer.alloc(0);
  private done = false;
  /** Bytes consumed so far, for positions in messages and progress. */
  offset = 0;
  private readonly chunks: AsyncIterator<Uint8Array>;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.chunks = source[Symbol.asyncIterator]();
  }

  private async fill(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.chunks.next();
    if (next.done) {
      this.done = true;
      return false;
    }
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, next.value]) : Buffer.from(next.value);
    return true;
  }

  /** True when nothing but whitespace is left. */
  async atEnd(): Promise<boolean> {
    for (;;) {
      let i = 0;
      while (i < this.buffer.length && (this.buffer[i] === 0x0d || this.buffer[i] === 0x0a)) i++;
      this.consume(i);
      if (this.buffer.length) return false;
      if (!(await this.fill())) return true;
    }
  }

  /** The bytes up to `delimiter` (which is consumed, not returned); undefined if it never comes within `max`. */
  async until(delimiter: Buffer, max: number): Promise<Buffer | undefined> {
    let from = 0;
    for (;;) {
      const at = this.buffer.indexOf(delimiter, from);
      if (at !== -1 && at <= max) {
        const out = this.buffer.subarray(0, at);
        this.consume(at + delimiter.length);
        return Buffer.from(out);
      }
      if (this.buffer.length > max) return undefined;
      from = Math.max(0, this.buffer.length - delimiter.length + 1);
      if (!(await this.fill())) return undefined;
    }
  }

  /** Exactly `n` bytes, or fewer if the stream ends first. */
  async read(n: number): Promise<Buffer> {
    while (this.buffer.length < n && (await this.fill())) {}
    const out = Buffer.from(this.buffer.subarray(0, n));
    this.consume(out.length);
    return out;
  }

  /** Skips `n` bytes without keeping them; returns how many were there. */
  async skip(n: number): Promise<number> {
    let left = n;
    for (;;) {
      const take = Math.min(left, this.buffer.length);
      this.consume(take);
      left -= take;
      if (left === 0 || !(await this.fill())) return n - left;
    }
  }

  private consume(n: number): void {
    this.buffer = this.buffer.subarray(n);
    this.offset += n;
  }
}
