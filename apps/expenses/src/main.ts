import './instrument';
import { runService } from '@irp/platform';
import { EXPENSES_SERVICE } from './service';

runService(EXPENSES_SERVICE);
