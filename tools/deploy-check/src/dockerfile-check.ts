import { DockerfileParser, type Copy, type Env, type From, type Instruction, type Label } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';

// The Dockerfile, linted: dockerfile-utils (the linter of the VS Code Docker extension: syntax,
// unknown instructions and flags, bad ports and durations), then rules in the spirit of hadolint's
// and what the platform needs from every image: non-root, production dependencies only,
// NODE_ENV=production, a HEALTHCHECK, OCI labels, signals straight to node.

interface Stage {
  from: From;
  name: string | null;
  instructions: Instruction[];
}

const OCI_LABELS = ['title', 'description', 'version', 'revision', 'created', 'licenses'].map((key) => `org.opencontainers.image.${key}`);

function stagesOf(content: string): Stage[] {
  const dockerfile = DockerfileParser.parse(content);
  const froms = dockerfile.getFROMs();
  const line = (i: Instruction) => i.getRange().start.line;
  return froms.map((from, index) => ({
    from,
    name: from.getBuildStage(),
    instructions: dockerfile.getInstructions().filter((i) => line(i) > line(from) && (index + 1 === froms.length || line(i) < line(froms[index + 1]))),
  }));
}

const at = (i: Instruction) => `line ${i.getRange().start.line + 1}`;
const of = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.getKeyword() === keyword);
const isExecForm = (i: Instruction) => (i.getRawArgumentsContent() ?? '').trim().startsWith('[');

function runtimeErrors(stages: Stage[]): string[] {
  const runtime = stages[stages.length - 1];
  const errors: string[] = [];
  const user = of(runtime, 'USER').at(-1)?.getArgumentsContent() ?? 'root';
  if (/^(root|0)(:|$)/.test(user)) errors.push(`final stage runs as ${user}; it must set a non-root USER`);
  else if (!/^\d+(:\d+)?$/.test(user)) errors.push(`final stage USER ${user} is a name; use the numeric uid so Kubernetes' runAsNonRoot can verify it`);
  const env = new Map(of(runtime, 'ENV').flatMap((i) => (i as Env).getProperties().map((p) => [p.getName(), p.getValue()] as const)));
  if (env.get('NODE_ENV') !== 'production') errors.push('final stage does not set ENV NODE_ENV=production');
  const healthchecks = of(runtime, 'HEALTHCHECK');
  if (healthchecks.length !== 1) errors.push(`final stage has ${healthchecks.length} HEALTHCHECK instructions; it needs one`);
  else if (!/\bCMD\s+\[/.test(healthchecks[0].getArgumentsContent() ?? '')) errors.push(`${at(healthchecks[0])}: HEALTHCHECK CMD is not in exec form`);
  const labels = new Set(of(runtime, 'LABEL').flatMap((i) => (i as Label).getProperties().map((p) => p.getName())));
  errors.push(...OCI_LABELS.filter((label) => !labels.has(label)).map((label) => `final stage lacks LABEL ${label}`));
  const cmd = of(runtime, 'CMD').at(-1);
  if (!cmd || !isExecForm(cmd)) errors.push('final stage CMD is missing or in shell form (a shell as PID 1 does not pass SIGTERM on)');
  return errors;
}

/** The final stage's node_modules must come from a stage that dropped the devDependencies. */
function productionDependencyErrors(stages: Stage[]): string[] {
  const runtime = stages[stages.length - 1];
  const copies = (of(runtime, 'COPY') as Copy[]).filter((c) => /node_modules/.test(c.getArgumentsContent() ?? ''));
  if (!copies.length) return ['final stage copies no node_modules'];
  return copies.flatMap((copy) => {
    const from = copy.getFromFlag()?.getValue();
    const source = stages.find((s) => s.name === from);
    const prunes = source?.instructions.some((i) => i.getKeyword() === 'RUN' && /npm (prune|ci|install)\b[^&|;]*--omit=dev/.test(i.getArgumentsContent() ?? ''));
    return prunes ? [] : [`${at(copy)}: node_modules come from stage ${from ?? '(build context)'}, which does not drop devDependencies (npm prune --omit=dev)`];
  });
}

/** hadolint-style rules for every stage. */
function generalErrors(stages: Stage[], initialArgs: Map<string, string>): string[] {
  const names = new Set<string>();
  return stages.flatMap((stage) => {
    const image = (stage.from.getImage() ?? '').replace(/\$\{?(\w+)\}?/g, (_, name: string) => initialArgs.get(name) ?? '');
    const errors: string[] = [];
    if (!names.has(image)) {
      if (!/[:@]/.test(image)) errors.push(`${at(stage.from)}: base image ${image || stage.from.getImage()} has no tag (DL3006)`);
      if (/:latest$/.test(image)) errors.push(`${at(stage.from)}: base image uses :latest (DL3007)`);
    }
    if (stage.name) names.add(stage.name);
    for (const i of stage.instructions) {
      const args = i.getArgumentsContent() ?? '';
      if (i.getKeyword() === 'WORKDIR' && !args.startsWith('/')) errors.push(`${at(i)}: WORKDIR ${args} is relative (DL3000)`);
      if (i.getKeyword() === 'ADD') errors.push(`${at(i)}: ADD; use COPY (DL3020)`);
      if (i.getKeyword() === 'RUN' && /(^|&&|;)\s*cd\s/.test(args)) errors.push(`${at(i)}: RUN cd; use WORKDIR (DL3003)`);
      if (i.getKeyword() === 'RUN' && /\bsudo\b/.test(args)) errors.push(`${at(i)}: sudo (DL3004)`);
      if (i.getKeyword() === 'RUN' && /apt-get install(?![^&|;]*--no-install-recommends)/.test(args)) errors.push(`${at(i)}: apt-get install without --no-install-recommends (DL3015)`);
      const from = i.getKeyword() === 'COPY' ? (i as Copy).getFromFlag()?.getValue() : undefined;
      if (from && !names.has(from)) errors.push(`${at(i)}: COPY --from=${from} names no earlier stage (DL3022)`);
    }
    for (const keyword of ['CMD', 'ENTRYPOINT', 'HEALTHCHECK']) if (of(stage, keyword).length > 1) errors.push(`stage ${stage.name ?? stage.from.getImage()}: more than one ${keyword} (DL4003/DL4004)`);
    return errors;
  });
}

/** Every problem of a Dockerfile's text. */
export function dockerfileProblems(content: string): string[] {
  const lint = validate(content, {}).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
  const dockerfile = DockerfileParser.parse(content);
  const initialArgs = new Map(dockerfile.getInitialARGs().flatMap((arg) => arg.getProperties().map((p) => [p.getName(), p.getValue() ?? ''] as const)));
  const stages = stagesOf(content);
  if (!stages.length) return [...lint, 'no FROM'];
  return [...lint, ...generalErrors(stages, initialArgs), ...runtimeErrors(stages), ...productionDependencyErrors(stages)];
}
