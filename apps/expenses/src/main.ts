import './instrument';
import { runMain } from '@irp/config';
import { createExpensesService } from './bootstrap';

runMain('expenses', () => createExpensesService(process.env));
