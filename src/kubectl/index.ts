/**
 * The kubectl client. `kubectl(argv, io)` runs one command line (argv without `kubectl`) the way
 * k8s.io/kubectl/pkg/cmd does, reaching the cluster only through `io.request`/`io.watch` on real
 * API paths, and returns what it printed. Errors are rendered by errors.ts (checkErr).
 */
import type { KubectlIO, KubectlResult } from './types.ts';
import { applyCmd } from './apply.ts';
import { makeCtx, send, KUBECTL_VERSION, type Ctx } from './context.ts';
import { deleteCmd } from './delete.ts';
import { describeCmd } from './describe.ts';
import { renderErrors } from './errors.ts';
import { FlagError, parseArgs, type ParsedArgs } from './flags.ts';
import { getCmd } from './get.ts';
import { RESOURCES } from './resources.ts';
import { tabwrite } from './tabwriter.ts';
import { waitCmd } from './wait.ts';
import { logsCmd } from './logs.ts';
import { execArgv, execCmd } from './exec.ts';
import { annotateCmd } from './annotate.ts';
import { rolloutCmd } from './rollout.ts';
import { scaleCmd } from './scale.ts';
import { setCmd } from './setImage.ts';
import { cordonCmd, uncordonCmd } from './cordon.ts';
import { drainCmd } from './drain.ts';
import { taintCmd } from './taint.ts';
import { labelCmd } from './label.ts';
import { createCmd } from './create.ts';
import { EXPOSE_HELP, exposeCmd } from './expose.ts';
import { CREATE_SERVICE_HELP, createServiceHelp } from './createService.ts';
import { CREATE_INGRESS_HELP } from './createIngress.ts';

export type { KubectlIO, KubectlResult, Diagnostic, OutputStream } from './types.ts';

const HELP = `kubectl controls the Kubernetes cluster manager.

Basic Commands (Beginner):
  create          Create a resource from a file or from stdin
  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service
  set             Set specific features on objects

Basic Commands (Intermediate):
  get             Display one or many resources
  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector

Deploy Commands:
  rollout         Manage the rollout of a resource
  scale           Set a new size for a deployment, replica set, or replication controller

Cluster Management Commands:
  cordon          Mark node as unschedulable
  uncordon        Mark node as schedulable
  drain           Drain node in preparation for maintenance
  taint           Update the taints on one or more nodes

Troubleshooting and Debugging Commands:
  describe        Show details of a specific resource or group of resources
  logs            Print the logs for a container in a pod
  exec            Execute a command in a container
  wait            Experimental: Wait for a specific condition on one or many resources

Advanced Commands:
  apply           Apply a configuration to a resource by file name or stdin

Settings Commands:
  label           Update the labels on a resource
  annotate        Update the annotations on a resource

Other Commands:
  api-resources   Print the supported API resources on the server
  version         Print the client and server version information

Usage:
  kubectl [flags] [options]
`;

function versionCmd(ctx: Ctx): void {
  ctx.stdout.push(`Client Version: ${KUBECTL_VERSION}\nKustomize Version: v5.7.1\n`);
  if (ctx.p.bools.client) return;
  const r = send(ctx, { verb: 'GET', path: '/version' });
  const v = r.code === 200 ? ((r.body as { gitVersion?: string }).gitVersion ?? KUBECTL_VERSION) : KUBECTL_VERSION;
  ctx.stdout.push(`Server Version: ${v}\n`);
}

function apiResourcesCmd(ctx: Ctx): void {
  const rows = [['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']];
  const sorted = [...RESOURCES].sort((a, b) => (a.group === b.group ? (a.resource < b.resource ? -1 : 1) : a.group < b.group ? -1 : 1));
  for (const r of sorted) rows.push([r.resource, r.shortNames.join(','), r.group ? `${r.group}/${r.version}` : r.version, String(r.namespaced), r.kind]);
  ctx.stdout.push(tabwrite(rows));
}

const MAX_DIAGNOSTICS = 100;

/**
 * Flags only some commands define (pflag sets are per command upstream); the parser knows the
 * union, so a flag used with a command that lacks it is refused here, as pflag would.
 */
const FLAG_COMMANDS: Record<string, string[]> = {
  'dry-run': ['cordon', 'uncordon', 'drain', 'taint', 'label', 'create', 'expose'],
  'from-literal': ['create'],
  'from-file': ['create'],
  'from-env-file': ['create'],
  type: ['create', 'expose'],
  cert: ['create'],
  key: ['create'],
  'docker-server': ['create'],
  'docker-username': ['create'],
  'docker-password': ['create'],
  'docker-email': ['create'],
  'ignore-daemonsets': ['drain'],
  'delete-emptydir-data': ['drain'],
  'delete-local-data': ['drain'],
  'disable-eviction': ['drain'],
  'pod-selector': ['drain'],
  'skip-wait-for-delete-timeout': ['drain'],
  'chunk-size': ['drain', 'get'],
  list: ['label'],
  'label-columns': ['get'],
  port: ['expose'],
  'target-port': ['expose'],
  name: ['expose'],
  protocol: ['expose'],
  labels: ['expose'],
  'external-ip': ['expose'],
  'load-balancer-ip': ['expose'],
  'session-affinity': ['expose'],
  'cluster-ip': ['expose'],
  tcp: ['create'],
  'node-port': ['create'],
  clusterip: ['create'],
  'external-name': ['create'],
  rule: ['create'],
  class: ['create'],
  'default-backend': ['create'],
  annotation: ['create'],
};

function foreignFlag(cmd: string, p: ParsedArgs): string | undefined {
  for (const [name, cmds] of Object.entries(FLAG_COMMANDS)) {
    if ((name in p.values || name in p.bools) && !cmds.includes(cmd)) return name;
  }
  return undefined;
}

/** Help for the commands that have their upstream text here. */
function commandHelp(cmd: string, args: string[]): string | undefined {
  if (cmd === 'expose') return EXPOSE_HELP;
  if (cmd === 'create' && (args[0] === 'service' || args[0] === 'svc')) return createServiceHelp(args[1] ?? '') ?? CREATE_SERVICE_HELP;
  if (cmd === 'create' && (args[0] === 'ingress' || args[0] === 'ing')) return CREATE_INGRESS_HELP;
  return undefined;
}

const COMMANDS: Record<string, (ctx: Ctx) => void | Promise<void>> = {
  apply: applyCmd,
  create: createCmd,
  expose: exposeCmd,
  get: getCmd,
  delete: deleteCmd,
  describe: describeCmd,
  wait: waitCmd,
  scale: scaleCmd,
  set: setCmd,
  rollout: rolloutCmd,
  logs: logsCmd,
  exec: execCmd,
  annotate: annotateCmd,
  cordon: cordonCmd,
  uncordon: uncordonCmd,
  drain: drainCmd,
  taint: taintCmd,
  label: labelCmd,
  version: versionCmd,
  'api-resources': apiResourcesCmd,
};

/**
 * Runs one kubectl command line.
 * @param argv the words after `kubectl`, e.g. `['get', 'pods', '-o', 'wide']`
 * @param io how to reach the cluster, read `-f` files and let virtual time pass
 * @returns stdout, stderr, exit code (0 ok, 1 error), and located problems for `apply`
 */
export async function kubectl(argv: string[], io: KubectlIO): Promise<KubectlResult> {
  let cmdIndex = -1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-')) {
      cmdIndex = i;
      break;
    }
    // Global flags that take a value may come before the command: `kubectl -n kube-system get pods`.
    if (a === '-n' || a === '--namespace' || a === '-o' || a === '--output' || a === '-l' || a === '--selector') i++;
  }
  const cmd = cmdIndex >= 0 ? argv[cmdIndex]! : undefined;
  if (!cmd || cmd === 'help') {
    if (argv.length === 0 || cmd === 'help' || argv.includes('--help') || argv.includes('-h')) return { stdout: HELP, stderr: '', exitCode: 0 };
  }
  const run = cmd ? COMMANDS[cmd] : undefined;
  if (!run) {
    return { stdout: '', stderr: `error: unknown command ${JSON.stringify(cmd ?? argv[0] ?? '')} for "kubectl"\n`, exitCode: 1 };
  }
  let rest = [...argv.slice(0, cmdIndex), ...argv.slice(cmdIndex + 1)];
  // `logs -f` is --follow, not --filename (the flag sets are per command upstream).
  if (cmd === 'exec') rest = execArgv(rest);
  // `expose -l` is --labels (the service's labels), not --selector.
  if (cmd === 'expose') rest = rest.map((a) => (a === '-l' ? '--labels' : a.startsWith('-l') && !a.startsWith('--') ? `--labels=${a.slice(a[2] === '=' ? 3 : 2)}` : a));
  if (cmd === 'logs') rest = rest.map((a) => (a === '-f' ? '--follow' : a.startsWith('-f=') ? `--follow=${a.slice(3)}` : a));
  let ctx: Ctx;
  try {
    ctx = makeCtx(io, parseArgs(rest));
  } catch (e) {
    if (e instanceof FlagError) return { stdout: '', stderr: `error: ${e.message}\nSee 'kubectl ${cmd} --help' for usage.\n`, exitCode: 1 };
    throw e;
  }
  const foreign = foreignFlag(cmd!, ctx.p);
  if (foreign) return { stdout: '', stderr: `error: unknown flag: --${foreign}\nSee 'kubectl ${cmd} --help' for usage.\n`, exitCode: 1 };
  const help = ctx.p.bools.help ? commandHelp(cmd!, ctx.p.args) : undefined;
  if (help) return { stdout: help, stderr: '', exitCode: 0 };
  if (ctx.p.bools.help) {
    return { stdout: `Usage:\n  kubectl ${cmd} [options]\n\nThis simulator supports: ${Object.keys(COMMANDS).join(', ')}.\n`, stderr: '', exitCode: 0 };
  }
  try {
    await run(ctx);
  } catch (e) {
    // A bug here must not take the worker down: report it as kubectl would report an error.
    ctx.errors.push({ message: `internal error: ${e instanceof Error ? e.message : String(e)}` });
  }
  const stderr = ctx.stderr.join('') + renderErrors(ctx.errors);
  // Interrupted (Ctrl+C): what was printed stands; the shell reports 128 + SIGINT.
  const exitCode = io.signal?.aborted ? 130 : ctx.errors.length ? 1 : (ctx.exitCode ?? 0);
  const result: KubectlResult = { stdout: ctx.stdout.join(''), stderr, exitCode };
  // An editor cannot use thousands of markers; the first ones locate the problem.
  if (ctx.diagnostics.length) result.diagnostics = ctx.diagnostics.slice(0, MAX_DIAGNOSTICS);
  return result;
}
