import { Injectable } from '@nestjs/common';

/** Tells this replica's workers that a message is waiting, so they need not wait for their next poll. */
@Injectable()
export class NewMailSignal {
  private readonly listeners = new Set<() => void>();

  raise(): void {
    for (const listener of this.listeners) listener();
  }

  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
