// The last N characters of a stream (the trainer's stderr): enough to explain a crash, bounded in memory.

export class OutputTail {
  private text = '';

  constructor(private readonly limit = 64 * 1024) {}

  append(chunk: string): void {
    this.text += chunk;
    if (this.text.length > this.limit * 2) this.text = this.text.slice(-this.limit);
  }

  toString(): string {
    return this.text.length > this.limit ? this.text.slice(-this.limit) : this.text;
  }
}
