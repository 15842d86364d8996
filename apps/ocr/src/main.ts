import './instrument';
import { runService } from '@irp/platform';
import { OCR_SERVICE } from './service';

runService(OCR_SERVICE);
