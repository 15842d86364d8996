import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import path from 'node:path';

/** Each replica's log lines in a file of its own (`<dir>/<service>-<replica>.log`), for a look after a run. */
export class ServiceLogs {
  private readonly files = new Map<string, WriteStream>();

  constructor(private readonly dir: string) {}

  write(name: string, line: string): void {
    let file = this.files.get(name);
    if (!file) {
      file = createWriteStream(path.join(this.dir, `${name}.log`), { flags: 'a' });
      this.files.set(name, file);
    }
    file.write(`${line}\n`);
  }

  async close(): Promise<void> {
    await Promise.all([...this.files.values()].map((file) => finished(file.end())));
  }
}
