import './instrument';
import { runService } from '@irp/platform';
import { TAX_SERVICE } from './service';

runService(TAX_SERVICE);
