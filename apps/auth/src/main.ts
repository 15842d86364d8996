import './instrument';
import { runMain } from '@irp/config';
import { createAuthService } from './bootstrap';

runMain('auth', () => createAuthService(process.env));
