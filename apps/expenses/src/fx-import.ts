import { readFile } from 'node:fs/promises';
import { MikroORM } from '@mikro-orm/postgresql';
import { ConfigError, loadEnv } from '@irp/config';
import { parseEcbXml, RatesFormatError } from '@irp/money';
import { configureLogging } from '@irp/observability';
import { DatabaseServiceEnv } from '@irp/config';
import { FxRateRepository } from './fx/fx-rate.repository';
import { FxRatesService } from './fx/fx-rates.service';
import { serviceOrmOptions } from '@irp/platform';
import { EXPENSES_SERVICE } from './service';

// `node dist/apps/expenses/src/fx-import.js <ecb-file.xml>`: stores the rates of an ECB reference
// rates file (daily or historical) straight into the expenses schema. Needs only DATABASE_URL; the
// running service converts waiting expenses on its next round.
class FxImportEnv extends DatabaseServiceEnv {
  override OPS_PORT: number = 0;
}

async function main(): Promise<void> {
  const log = configureLogging({ service: 'expenses-fx-import', level: process.env.LOG_LEVEL });
  const file = process.argv[2];
  try {
    if (!file) throw new ConfigError(['usage: fx-import.js <eurofxref.xml>']);
    const env = loadEnv(FxImportEnv, process.env);
    const days = parseEcbXml(await readFile(file, 'utf8'));
    const orm = await MikroORM.init(serviceOrmOptions(EXPENSES_SERVICE, { url: env.DATABASE_URL }));
    try {
      const result = await new FxRatesService(new FxRateRepository(orm.em.fork())).import('ECB', days);
      log.info(result, `imported ${result.rates} rates of ${result.days} days`);
    } finally {
      await orm.close();
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof RatesFormatError) process.stderr.write(`fx-import: ${error.message}\n`);
    else log.fatal({ err: error }, 'import failed');
    process.exitCode = 1;
  }
}

void main();
