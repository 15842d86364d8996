import type { Audit } from './audit';
import type { Kill } from './chaos';
import type { Operation } from './load';

export interface Figures {
  requests: number;
  operations: { uploads: number; expenseWrites: number; accepted: number; refused: number; abandoned: number; retried: number };
  /** 5xx answers by cause: the gateway died with the request (allowed), or anything else (not). */
  serverErrors: { onKilledGateway: number; other: number; byStatus: Record<string, number> };
  networkErrors: number;
  proxyFailovers: number;
  kills: number;
  /** Longest time from a kill until the killed part served again. */
  maxRecoveryMs: number;
  quietAfterMs: number;
  duplicates: number;
  losses: number;
  /** Streams whose replica count is not the cluster's (3 on 3 nodes). */
  streamsBelowReplicas: string[];
  passed: boolean;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function summarise(operations: Operation[], kills: Kill[], audit: Audit, run: { quietAfterMs: number; failovers: number; expectedReplicas: number }): Figures {
  const attempts = operations.flatMap((operation) => operation.attempts);
  const serverErrors = attempts.filter((attempt) => attempt.status >= 500);
  const byStatus: Record<string, number> = {};
  for (const attempt of serverErrors) byStatus[attempt.status] = (byStatus[attempt.status] ?? 0) + 1;
  const abandoned = operations.filter((operation) => operation.acceptedId === undefined && operation.refused === undefined).length;
  const duplicates = sum(audit.streams.map((stream) => stream.duplicates)) + audit.uploads.withSeveralExpenses + audit.unaccountedExpenses;
  const losses =
    sum(audit.streams.map((stream) => stream.lost)) +
    sum(audit.consumers.map((consumer) => consumer.missing)) +
    audit.uploads.withoutExpense +
    audit.uploads.notDone +
    audit.expenseWrites.missing +
    audit.deadLettered +
    abandoned;
  const streamsBelowReplicas = Object.entries(audit.replicas)
    .filter(([, replicas]) => replicas !== run.expectedReplicas)
    .map(([stream, replicas]) => `${stream} (R${replicas})`);
  const other = serverErrors.filter((attempt) => !attempt.backendLost).length;
  const refused = operations.filter((operation) => operation.refused !== undefined).length;
  return {
    requests: attempts.length,
    operations: {
      uploads: operations.filter((operation) => operation.kind === 'upload').length,
      expenseWrites: operations.filter((operation) => operation.kind === 'expense').length,
      accepted: operations.filter((operation) => operation.acceptedId !== undefined).length,
      refused,
      abandoned,
      retried: operations.filter((operation) => operation.attempts.length > 1).length,
    },
    serverErrors: { onKilledGateway: serverErrors.length - other, other, byStatus },
    networkErrors: attempts.filter((attempt) => attempt.status === 0).length,
    proxyFailovers: run.failovers,
    kills: kills.length,
    maxRecoveryMs: Math.max(0, ...kills.map((kill) => kill.recoveryMs ?? Number.POSITIVE_INFINITY)),
    quietAfterMs: run.quietAfterMs,
    duplicates,
    losses,
    streamsBelowReplicas,
    passed: duplicates === 0 && losses === 0 && other === 0 && refused === 0 && streamsBelowReplicas.length === 0,
  };
}

/** The figures as the terminal shows them. */
export function formatFigures(figures: Figures, audit: Audit, kills: Kill[], operations: Operation[] = []): string {
  const seconds = (ms: number | undefined) => (ms === undefined ? 'not back' : `${(ms / 1000).toFixed(1)} s`);
  const { operations: ops, serverErrors } = figures;
  return [
    `requests            ${figures.requests} (operations: ${ops.uploads} uploads, ${ops.expenseWrites} expense writes; ${ops.accepted} accepted, ${ops.retried} retried, ${ops.refused} refused, ${ops.abandoned} abandoned)`,
    `5xx                 ${serverErrors.onKilledGateway} in flight on a killed gateway, ${serverErrors.other} other ${JSON.stringify(serverErrors.byStatus)}; ${figures.networkErrors} network errors; ${figures.proxyFailovers} proxy failovers`,
    `kills               ${figures.kills}: ${kills.map((kill) => `${kill.target} back in ${seconds(kill.recoveryMs)}`).join(', ')}`,
    `time to recover     ${seconds(figures.maxRecoveryMs)} (longest); quiet ${seconds(figures.quietAfterMs)} after the load stopped`,
    `uploads             ${audit.uploads.accepted} accepted: ${audit.uploads.completed} completed, ${audit.uploads.failed} failed, ${audit.uploads.withoutExpense} without an expense, ${audit.uploads.withSeveralExpenses} with several`,
    ...audit.uploads.failureReasons.map((reason) => `  failed: ${reason}`),
    `expense writes      ${audit.expenseWrites.accepted} accepted, ${audit.expenseWrites.missing} missing; ${audit.unaccountedExpenses} expenses no operation accounts for`,
    ...audit.streams.map((s) => `stream ${s.stream.padEnd(12)} R${s.replicas}: ${s.published} published, ${s.messages} held, ${s.lost} lost, ${s.duplicates} duplicates`),
    ...audit.consumers.map(
      (c) => `consumer ${c.consumer.padEnd(18)} ${c.applied} applied of ${c.expected}, ${c.missing} missing${c.ignoredSubjects.length > 0 ? ` (not applied by design: ${c.ignoredSubjects.join(', ')})` : ''}`,
    ),
    `dead-lettered       ${audit.deadLettered}`,
    `replicas            ${Object.entries(audit.replicas).map(([name, r]) => `${name} R${r}`).join(', ')}`,
    `duplicates          ${figures.duplicates}`,
    `losses              ${figures.losses}`,
    ...unexpectedErrors(operations, kills),
    figures.passed ? 'PASSED: nothing lost, nothing twice, no 5xx but those in flight on a killed gateway' : 'FAILED',
  ].join('\n');
}

/** Each 5xx not explained by a killed gateway, with the last kill before it: what to look into. */
function unexpectedErrors(operations: Operation[], kills: Kill[]): string[] {
  const first = Math.min(...kills.map((kill) => kill.killedAt));
  return operations.flatMap((operation) =>
    operation.attempts
      .filter((attempt) => attempt.status >= 500 && !attempt.backendLost)
      .map((attempt) => {
        const before = kills.filter((kill) => kill.killedAt <= attempt.at).at(-1);
        const when = before ? `${((attempt.at - before.killedAt) / 1000).toFixed(1)} s after killing ${before.target}` : `${((first - attempt.at) / 1000).toFixed(1)} s before the kills`;
        return `  ${operation.kind} ${attempt.status} ${when}: ${attempt.detail ?? ''}`;
      }),
  );
}
