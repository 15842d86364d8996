import { parentPort } from 'node:worker_threads';
import type { GreyImage } from '../image/grey-image';
import { loadPaddleModels } from './paddle-models';
import { readPaddlePage } from './paddle-page';

/**
 * A Paddle worker thread: loads the models once, then reads one page per message. onnxruntime-node
 * runs a model on the calling thread, so pages read here leave the service's event loop free.
 */
export interface PaddleRequest {
  id: number;
  image: GreyImage;
}

export type PaddleResponse = { id: number; page: import('../ocr/ocr-pool').OcrPage } | { id: number; error: string } | { ready: true } | { failed: string };

const port = parentPort;
if (port) {
  loadPaddleModels().then(
    (models) => {
      port.postMessage({ ready: true } satisfies PaddleResponse);
      port.on('message', (request: PaddleRequest) => {
        readPaddlePage(models, request.image).then(
          (page) => port.postMessage({ id: request.id, page } satisfies PaddleResponse),
          (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies PaddleResponse),
        );
      });
    },
    (error: unknown) => port.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies PaddleResponse),
  );
}
