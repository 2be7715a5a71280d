// Politeness: requests to one host from this process are spaced at least a minimum apart,
// whichever source or feed item they are for.

export class HostGate {
  private readonly nextFree = new Map<string, number>();

  constructor(private readonly minGapMs: number) {}

  /** Resolves when a request to the URL's host may go out, and books that moment. */
  async wait(url: string): Promise<void> {
    if (this.minGapMs <= 0) return;
    let host: string;
    try {
      host = new URL(url).hostname.toLowerCase();
    } catch {
      return; // the fetch reports the address
    }
    const now = Date.now();
    const at = Math.max(now, this.nextFree.get(host) ?? 0);
    this.nextFree.set(host, at + this.minGapMs);
    if (this.nextFree.size > 10_000) this.forgetPast(now);
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  private forgetPast(now: number): void {
    for (const [host, at] of this.nextFree) if (at < now) this.nextFree.delete(host);
  }
}
