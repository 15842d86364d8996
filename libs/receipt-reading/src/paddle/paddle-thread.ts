import { parentPort, workerData } from 'node:worker_threads';
import type { GreyImage, Region } from '../image/grey-image';
import type { OcrLine, OcrPage } from '../ocr/ocr-pool';
import { loadPaddleModels } from './paddle-models';
import { readPaddlePage, readPaddleRegions } from './paddle-page';

/**
 * A Paddle worker thread: loads the models once, then reads one page per message. onnxruntime-node
 * runs a model on the calling thread, so pages read here leave the service's event loop free.
 */
export interface PaddleThreadData {
  /** Threads of each model run. */
  threads: number;
}

export interface PaddleRequest {
  id: number;
  image: GreyImage;
  /** Only these regions, recognised as one line each (no detection); the page's lines are in their order. */
  regions?: Region[];
}

export type PaddleResponse = { id: number; page: OcrPage } | { id: number; error: string } | { ready: true } | { failed: string };

const port = parentPort;
if (port) {
  loadPaddleModels((workerData as PaddleThreadData | undefined)?.threads ?? 1).then(
    (models) => {
      port.postMessage({ ready: true } satisfies PaddleResponse);
      port.on('message', (request: PaddleRequest) => {
        const page = request.regions ? readPaddleRegions(models, request.image, request.regions).then(asPage) : readPaddlePage(models, request.image);
        page.then(
          (page) => port.postMessage({ id: request.id, page } satisfies PaddleResponse),
          (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies PaddleResponse),
        );
      });
    },
    (error: unknown) => port.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies PaddleResponse),
  );
}

function asPage(lines: OcrLine[]): OcrPage {
  return { text: lines.map((line) => line.text).join('\n'), confidence: 0, lines };
}
