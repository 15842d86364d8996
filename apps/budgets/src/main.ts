import './instrument';
import { runService } from '@irp/platform';
import { BUDGETS_SERVICE } from './service';

runService(BUDGETS_SERVICE);
