import './instrument';
import { runService } from '@irp/platform';
import { AUTH_SERVICE } from './service';

runService(AUTH_SERVICE);
