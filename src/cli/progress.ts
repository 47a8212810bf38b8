/** A one-line progress bar on stderr, drawn only on a terminal and at most ten times a second. */
export class Progress {
  private done = 0;
  private items = 0;
  private drawn = 0;
  private readonly started = Date.now();
  private visible = false;

  constructor(
    private readonly total: number,
    private readonly enabled: boolean,
    private readonly unit = "documents",
  ) {}

  advance(bytes: number, items = 1): void {
    this.done += bytes;
    this.items += items;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.drawn < 100) return;
    this.drawn = now;
    this.draw();
  }

  private draw(): void {
    const width = 28;
    const share = this.total > 0 ? Math.min(1, this.done / this.total) : 0;
    const filled = Math.round(share * width);
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.items / seconds : 0;
    const bar =
      this.total > 0
        ? `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${Math.round(share * 100)}% `
        : "";
    process.stderr.write(`\r${bar}${this.items} ${this.unit} ${rate.toFixed(0)}/s\x1b[K`);
    this.visible = true;
  }

  /** Clears the bar so that a message can be printed on its own line. */
  clear(): void {
    if (this.visible) process.stderr.write("\r\x1b[K");
    this.visible = false;
  }

  finish(): void {
    this.clear();
  }
}

export function progressEnabled(quiet: boolean | undefined): boolean {
  return !quiet && Boolean(process.stderr.isTTY);
}
