import { createRequire } from 'node:module';

/** Leptonica's diagnostics, printed by the engine itself: "Error in boxClipToRectangle: box outside rectangle". */
const LEPTONICA_DIAGNOSTIC = /^(Error|Warning) in \w+:/;

const TESSERACT_WORKER_SCRIPT = createRequire(__filename).resolve('tesseract.js/src/worker-script/node/index.js');

/**
 * A worker thread running `script` (by default tesseract.js's own worker script) with Leptonica's
 * diagnostics dropped. They say nothing about the result (a failed read still fails), yet as
 * plain-text "Error in …" lines on stderr they break the service's JSON log stream and trip
 * log-based alerts. Everything else still gets through. The thread ends itself on an error thrown
 * outside a job: as its Worker's 'error' event, which tesseract.js does not listen to, that error
 * would take the whole process down (the pool replaces a worker that stops answering). A data:
 * URL, because a module file of ours would not exist when tests run the sources.
 */
export function quietWorkerUrl(script = TESSERACT_WORKER_SCRIPT): URL {
  const source = `
    import { createRequire } from 'node:module';
    const diagnostic = ${LEPTONICA_DIAGNOSTIC};
    const print = console.error.bind(console);
    console.error = (...args) => { if (!(typeof args[0] === 'string' && diagnostic.test(args[0]))) print(...args); };
    process.on('uncaughtException', (error) => { print('OCR worker thread failed:', error); process.exit(1); });
    createRequire(${JSON.stringify(script)})(${JSON.stringify(script)});
  `;
  return new URL(`data:text/javascript,${encodeURIComponent(source)}`);
}
