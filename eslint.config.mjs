import { readFileSync } from 'node:fs';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Every registered service, and those whose ops port is reserved for later (libs/service-registry).
const registry = JSON.parse(readFileSync(new URL('./libs/service-registry/src/services.json', import.meta.url), 'utf8'));
const SERVICES = [...registry.services.map((service) => service.name), ...Object.keys(registry.reservedOpsPorts)];

// Imports production code never makes.
const PRODUCTION_IMPORTS = [
  { name: '@irp/testing', message: 'test helpers belong in tests' },
  // nats.js's transport factory is global: one plain connect() would make every later reconnect unbatched.
  { name: '@nats-io/transport-node', importNames: ['connect'], message: 'connect through connectNats (@irp/messaging)' },
];

// What only repositories (and the platform libs) may touch, and the typed ways services use instead.
const ORM_INTERNALS = ['EntityManager', 'RequestContext', 'UniqueConstraintViolationException', 'OptimisticLockError'];
const ORM_MESSAGE =
  'only repositories touch the EntityManager: transactions go through UnitOfWork.run, events through Outbox.record, jobs and consumers through withRequestContext, and repositories turn constraint failures into domain errors';
const SERVICE_IMPORTS = [
  ...PRODUCTION_IMPORTS,
  { name: '@mikro-orm/postgresql', importNames: ORM_INTERNALS, message: ORM_MESSAGE },
  { name: '@mikro-orm/core', importNames: ORM_INTERNALS, message: ORM_MESSAGE },
  { name: '@nestjs/microservices', importNames: ['MessagePattern', 'EventPattern'], message: 'serve a subject with @Rpc(SUBJECTS.x) (@irp/messaging): typed by RpcMap, validated by its contract' },
];

// apps/expenses: features depend one way. settings, categories, fx, duplicates (and config) at the
// bottom, then the ledger (expenses/), then documents; a folder may not import one above it.
const EXPENSES_LAYERS = [
  { folders: ['config', 'settings', 'categories', 'fx', 'duplicates'], above: ['expenses', 'documents'] },
  { folders: ['expenses'], above: ['documents'] },
];
// apps/budgets: config and periods, then webhooks, the spend projection, alerts, budgets; the event
// intake and the reconciliation on top.
const BUDGETS_LAYERS = [
  { folders: ['config', 'periods'], above: ['webhooks', 'spend', 'alerts', 'budgets', 'intake', 'reconciliation'] },
  { folders: ['webhooks'], above: ['spend', 'alerts', 'budgets', 'intake', 'reconciliation'] },
  { folders: ['spend'], above: ['alerts', 'budgets', 'intake', 'reconciliation'] },
  { folders: ['alerts'], above: ['budgets', 'intake', 'reconciliation'] },
  { folders: ['budgets'], above: ['intake', 'reconciliation'] },
].map((layer) => ({ ...layer, app: 'budgets' }));
// no-restricted-imports is one rule: each block repeats the paths the blocks above give that file.
const expensesLayerRules = ({ folders, above, app = 'expenses' }) => {
  const patterns = [{ regex: `^(\\.\\./)+(${above.join('|')})/`, message: `${folders.join(', ')} sit below ${above.join(' and ')}: depend downwards only` }];
  const files = folders.map((folder) => `apps/${app}/src/${folder}/**/*.ts`);
  return [
    { files, ignores: ['**/*.spec.ts', '**/*.repository.ts'], rules: { 'no-restricted-imports': ['error', { paths: SERVICE_IMPORTS, patterns }] } },
    { files: folders.map((folder) => `apps/${app}/src/${folder}/**/*.repository.ts`), rules: { 'no-restricted-imports': ['error', { paths: PRODUCTION_IMPORTS, patterns }] } },
    { files: folders.map((folder) => `apps/${app}/src/${folder}/**/*.spec.ts`), rules: { 'no-restricted-imports': ['error', { patterns }] } },
  ];
};

export default tseslint.config(
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.data', '**/tmp', '**/coverage', 'libs/sdk/src/generated'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-console': 'error',
      // Env and entity classes annotate initialised properties: the type is metadata the code reads.
      '@typescript-eslint/no-inferrable-types': ['error', { ignoreProperties: true }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          banTransitiveDependencies: false,
          depConstraints: [
            // Apps never import apps; contracts import no framework.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:domain', 'type:testing'] },
            // type:testing only for tests: production files are held to that by no-restricted-imports below.
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:testing'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:domain'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:testing', 'type:sdk'] },
            // The generated REST client stands alone: outsiders use it without the workspace.
            { sourceTag: 'type:sdk', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:contracts', 'type:platform', 'type:domain'] },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'],
              bannedExternalImports: ['@nestjs/*', '@mikro-orm/*', '@nats-io/*', '@opentelemetry/*', 'pino'],
            },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            ...SERVICES.map((service) => ({ sourceTag: `scope:${service}`, onlyDependOnLibsWithTags: [`scope:${service}`, 'scope:shared'] })),
          ],
        },
      ],
    },
  },
  {
    // Production code never reaches for test helpers; tests may.
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts', 'libs/testing/**'],
    rules: { 'no-restricted-imports': ['error', { paths: PRODUCTION_IMPORTS }] },
  },
  {
    // Services: the EntityManager only in repositories; RPC handlers only through @Rpc.
    files: ['apps/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.repository.ts', 'apps/*/src/migrations/**'],
    rules: { 'no-restricted-imports': ['error', { paths: SERVICE_IMPORTS }] },
  },
  {
    // Entry points (main, migrate, CLIs) are composition roots: they may hand a repository its EntityManager.
    files: ['apps/*/src/*/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.repository.ts', 'apps/*/src/migrations/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='em']", message: ORM_MESSAGE },
        { selector: "CallExpression[callee.property.name='transactional']", message: 'run transactions with UnitOfWork.run (@irp/persistence)' },
      ],
    },
  },
  ...EXPENSES_LAYERS.flatMap(expensesLayerRules),
  ...BUDGETS_LAYERS.flatMap(expensesLayerRules),
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off', 'no-console': 'off' },
  },
);
