import { StandpointError } from "../errors.ts";

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Bytes to the text standpoint stores: BOMs honoured, binary and invalid UTF-8 refused with the
 * byte where it goes wrong, line ends made `\n`. Characters are kept as given (no Unicode
 * normalisation), so offsets others computed on the same text (PolNeAR's, say) stay valid;
 * extraction folds diacritics for matching only.
 */
export function decodeText(bytes: Uint8Array, where: string, charset?: string): string {
  if (bytes.length === 0) throw new StandpointError("input", "empty file", where);
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  else {
    const binaryAt = findBinary(bytes);
    if (binaryAt >= 0) {
      throw new StandpointError("input", `binary data, not text (control byte at ${binaryAt})`, where);
    }
    const legacy = charset ? legacyDecoder(charset) : undefined;
    if (legacy) text = legacy.decode(bytes);
    else {
      try {
        text = UTF8.decode(bytes);
      } catch {
        throw new StandpointError("input", `invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}`, where);
      }
    }
  }
  return normaliseText(text);
}

export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** A text decoder for a declared non-UTF-8 charset (windows-1252, iso-8859-2, ...), if Node knows it. */
function legacyDecoder(charset: string): TextDecoder | undefined {
  const label = charset.trim().toLowerCase();
  if (label === "utf-8" || label === "utf8") return undefined;
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

/**
 * Position of the first byte that marks the data as binary: NUL, or a run of C0 controls that text
 * never has. Only the first 64 KiB is looked at, as `file(1)` does.
 */
function findBinary(bytes: Uint8Array): number {
  const end = Math.min(bytes.length, 65_536);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i] as number;
    if (b === 0) return i;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) {
      controls++;
      if (controls > 8 && controls * 100 > i + 1) return i;
    }
  }
  return -1;
}

/** Byte offset of the first malformed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
