import './instrument';
import { runMain } from '@irp/config';
import { createGateway } from './bootstrap';

runMain('gateway', () => createGateway(process.env));
