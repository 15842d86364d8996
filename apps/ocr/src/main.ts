import './instrument';
import { runMain } from '@irp/config';
import { createOcrService } from './bootstrap';

// A job in flight may take minutes; it is redelivered anyway if we are cut off, but finishing is cheaper.
runMain('ocr', () => createOcrService(process.env), { shutdownTimeoutMs: 110_000 });
