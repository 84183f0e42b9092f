/**
 * `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] -- COMMAND [args...]`. Mirrors
 * k8s.io/kubectl/pkg/cmd/exec/exec.go (Complete, Validate, Run) and
 * polymorphichelpers.AttachablePodForObject (a controller's first active pod). The command runs
 * at once and returns its output: no stdin, no TTY (`-i`/`-t` are accepted and ignored).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { statusOf } from './errors.ts';
import { flag } from './flags.ts';
import { attachablePod } from './logs.ts';
import { byName, pathFor } from './resources.ts';

/** Marks where `--` was (cobra's ArgsLenAtDash): the flag parser folds what follows into the args. */
export const DASH = '\u0000--';
const INTERACTIVE = new Set(['-i', '-t', '-it', '-ti', '--stdin', '--tty', '--stdin=true', '--tty=true']);

/** Prepares `exec`'s argv for the shared flag parser: `-i`/`-t` before `--` dropped, `--` remembered. */
export function execArgv(argv: string[]): string[] {
  const dash = argv.indexOf('--');
  const before = (dash < 0 ? argv : argv.slice(0, dash)).filter((a) => !INTERACTIVE.has(a));
  return dash < 0 ? before : [...before, '--', DASH, ...argv.slice(dash + 1)];
}

const USAGE = "\nSee 'kubectl exec -h' for help and examples";

/** The pod `kubectl exec TYPE/NAME` runs in; undefined after recording an error. */
function podFor(ctx: Ctx, target: string): Pod | undefined {
  const slash = target.indexOf('/');
  const type = slash >= 0 ? target.slice(0, slash) : 'pods';
  const name = slash >= 0 ? target.slice(slash + 1) : target;
  return attachablePod(ctx, type, name, (kind) => `cannot attach to *v1.${kind}: selector for *v1.${kind} not implemented`);
}

/** `kubectl exec`. */
export function execCmd(ctx: Ctx): void {
  const all = ctx.p.args;
  const at = all.indexOf(DASH);
  const args = at < 0 ? all : all.slice(0, at);
  const command = at < 0 ? [] : all.slice(at + 1);
  if (at < 0 && args.length > 1) {
    ctx.errors.push({ message: `exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead${USAGE}` });
    return;
  }
  if (at === 0 && args.length === 0 && command.length === 0) {
    ctx.errors.push({ message: `expected 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]'.${USAGE}` });
    return;
  }
  if (args.length === 0) {
    ctx.errors.push({ message: 'pod, type/name or --filename must be specified' });
    return;
  }
  if (command.length === 0) {
    ctx.errors.push({ message: 'you must specify at least one command for the container' });
    return;
  }
  const pod = podFor(ctx, args[0]!);
  if (!pod) return;
  const podName = pod.metadata?.name ?? '';
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    ctx.errors.push({ message: `cannot exec into a container in a completed pod; current phase is ${phase}` });
    return;
  }
  let container = flag(ctx.p, 'container') ?? '';
  if (!container) {
    const s = pod.spec;
    const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
    container = annotated && s?.containers?.some((c) => c.name === annotated) ? annotated : (s?.containers?.[0]?.name ?? '');
    if (!annotated && (s?.containers?.length ?? 0) > 1) {
      const names = [...(s?.containers ?? []).map((c) => c.name), ...(s?.initContainers ?? []).map((c) => `${c.name} (init)`)];
      ctx.stderr.push(`Defaulted container ${JSON.stringify(container)} out of: ${names.join(', ')}\n`);
    }
  }
  const r = send(ctx, {
    verb: 'POST', path: `${pathFor(byName('pods')!, pod.metadata?.namespace ?? ctx.namespace, podName)}/exec`,
    query: { container, stdout: 'true', stderr: 'true' }, body: { command },
  });
  if (r.code === 200) {
    const out = r.body as { stdout: string; stderr: string; exitCode: number };
    ctx.stdout.push(out.stdout);
    ctx.stderr.push(out.stderr);
    if (out.exitCode !== 0) {
      // uexec.CodeExitError: printed as is (no "error: "), and kubectl exits with the command's code.
      ctx.stderr.push(`command terminated with exit code ${out.exitCode}\n`);
      ctx.exitCode = out.exitCode;
    }
    return;
  }
  if (typeof r.body === 'string') ctx.errors.push({ message: `unable to upgrade connection: ${r.body}` });
  else if (r.code === 500) ctx.errors.push({ message: statusOf(r.code, r.body).message ?? '' });
  else ctx.errors.push({ status: statusOf(r.code, r.body) });
}
