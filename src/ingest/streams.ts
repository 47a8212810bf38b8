/** Byte streams read in part: their first bytes, or all of them within a limit. */

/** The first `n` bytes of a stream (fewer if it is shorter), and the whole stream again. */
export async function peek(
  source: AsyncIterable<Uint8Array>,
  n: number,
): Promise<{ head: Buffer; rest: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  const taken: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < n) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    taken.push(Buffer.from(next.value));
    length += next.value.length;
  }
  const rest = async function* () {
    yield* taken;
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  };
  return { head: Buffer.concat(taken).subarray(0, n), rest: rest() };
}

/** A stream's bytes, or undefined as soon as they pass `max`. */
export async function readUpTo(source: AsyncIterable<Uint8Array>, max: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += chunk.length;
    if (size > max) return undefined;
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
