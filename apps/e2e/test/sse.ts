/** One server-sent event as EventSource would dispatch it. */
export interface SseEvent<T = unknown> {
  id?: string;
  event: string;
  data: T;
}

export interface SseResult<T> {
  status: number;
  headers: Headers;
  /** The `retry:` value the server asked for, if any. */
  retry?: number;
  events: SseEvent<T>[];
}

/**
 * Reads a text/event-stream the way EventSource parses it (fields per line, an empty line ends
 * an event, `:` lines are comments) until the server ends it, or `stopAfter` returns true.
 */
export async function readEvents<T = unknown>(url: string, headers: Record<string, string> = {}, stopAfter?: (event: SseEvent<T>) => boolean): Promise<SseResult<T>> {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  const result: SseResult<T> = { status: response.status, headers: response.headers, events: [] };
  if (!response.headers.get('content-type')?.includes('text/event-stream')) return result;
  const decoder = new TextDecoder();
  let buffered = '';
  let current: { id?: string; event?: string; data: string[] } = { data: [] };
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true });
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === '') {
          if (current.data.length > 0) {
            const event = { id: current.id, event: current.event ?? 'message', data: JSON.parse(current.data.join('\n')) as T };
            result.events.push(event);
            if (stopAfter?.(event)) {
              abort.abort();
              return result;
            }
          }
          current = { data: [] };
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') current.data.push(value);
        else if (field === 'event') current.event = value;
        else if (field === 'id') current.id = value;
        else if (field === 'retry') result.retry = Number(value);
      }
    }
  } catch (error) {
    if (!abort.signal.aborted) throw error;
  }
  return result;
}
