/**
 * `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME`. Mirrors
 * k8s.io/kubectl pkg/cmd/create/create_service.go (ServiceOptions Complete/Validate/
 * createService/Run, parsePorts with k8s.io/utils/net ParsePort and the port-name checks of
 * apimachinery validation.IsValidPortName/IsValidPortNum). Also holds the printing shared by the
 * networking generators (create service|ingress, expose): PrintFlags with a dry-run suffix.
 */
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { statusOf } from './errors.ts';
import { flag } from './flags.ts';
import { dryRunStrategy, dryRunSuffix, type DryRun } from './nodeSelect.ts';
import { printJson, printYaml } from './output.ts';
import { pathFor, qualifiedKind, type ResourceInfo } from './resources.ts';

type Obj = Record<string, unknown>;

/** An error that ends the command with kubectl's `error: <msg>`. */
export class GeneratorError extends Error {}

/** The create flags that are not service flags, refused as pflag refuses a flag the subcommand lacks. */
const CREATE_ONLY_FLAGS = ['from-literal', 'from-file', 'from-env-file', 'type', 'cert', 'key', 'docker-server', 'docker-username', 'docker-password', 'docker-email', 'tcp', 'node-port', 'clusterip', 'external-name', 'rule', 'class', 'default-backend', 'annotation'];

/** `unknown flag: --x` for create flags the subcommand `use` does not define. */
export function rejectForeignFlags(ctx: Ctx, allowed: string[], use: string): boolean {
  for (const f of CREATE_ONLY_FLAGS) {
    if (allowed.includes(f)) continue;
    if (f in ctx.p.values || f in ctx.p.bools) {
      ctx.errors.push({ message: `unknown flag: --${f}\nSee 'kubectl ${use} --help' for usage.` });
      return false;
    }
  }
  return true;
}

/** PrintFlags.ToPrinter: the formats a generator command accepts. */
export function checkOutput(ctx: Ctx): boolean {
  const out = flag(ctx.p, 'output') ?? '';
  if (['', 'json', 'yaml', 'name'].includes(out)) return true;
  ctx.errors.push({
    message: `unable to match a printer suitable for the output format "${out}", allowed formats are: json,jsonpath,jsonpath-as-json,jsonpath-file,name,go-template,go-template-file,template,templatefile,yaml`,
  });
  return false;
}

/** Prints the object as `-o` asks, else `<kind>/<name> <verb>[ (dry run)]`. */
export function printGenerated(ctx: Ctx, res: ResourceInfo, obj: Obj, verb: string, dryRun: DryRun): void {
  const out = flag(ctx.p, 'output');
  const name = (obj.metadata as { name?: string } | undefined)?.name ?? '';
  if (out === 'yaml') ctx.stdout.push(printYaml(obj));
  else if (out === 'json') ctx.stdout.push(printJson(obj));
  else if (out === 'name') ctx.stdout.push(`${qualifiedKind(res)}/${name}\n`);
  else ctx.stdout.push(`${qualifiedKind(res)}/${name} ${verb}${dryRunSuffix(dryRun)}\n`);
}

/** POSTs the object (unless a client dry run) and returns what the server stored, or undefined after an error. */
export function postGenerated(ctx: Ctx, res: ResourceInfo, obj: Obj, dryRun: DryRun, wrap: (message: string) => string): Obj | undefined {
  if (dryRun === 'client') return obj;
  const r = send(ctx, { verb: 'POST', path: pathFor(res, ctx.namespace), body: obj, query: dryRun === 'server' ? { dryRun: 'All' } : undefined });
  if (r.code >= 300) {
    ctx.errors.push({ message: wrap(statusOf(r.code, r.body).message ?? '') });
    return undefined;
  }
  return r.body as Obj;
}

/** validation.IsValidPortName. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens (--)');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen (-)');
  return errs;
}

/** strconv.Atoi: an optional sign and decimal digits, within int64. */
export function atoi(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** parsePorts: `port[:targetPort]`, the target a number or a port name. */
export function parsePorts(spec: string): { port: number; targetPort: number | string } {
  const [p, target] = spec.split(':');
  if (!/^\d+$/.test(p!)) throw new GeneratorError(`strconv.ParseUint: parsing ${JSON.stringify(p)}: invalid syntax`);
  const port = Number(p);
  if (port > 65535) throw new GeneratorError(`strconv.ParseUint: parsing ${JSON.stringify(p)}: value out of range`);
  if (target === undefined) return { port, targetPort: port };
  const n = atoi(target);
  if (n === undefined) {
    const errs = isValidPortName(target);
    if (errs.length) throw new GeneratorError(errs.join(','));
    return { port, targetPort: target };
  }
  if (n < 1 || n > 65535) throw new GeneratorError('must be between 1 and 65535, inclusive');
  return { port, targetPort: n };
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const SUBCOMMANDS: Record<string, { type: string; flags: string[]; use: string; short: string; example: string }> = {
  clusterip: {
    type: 'ClusterIP',
    flags: ['tcp', 'clusterip'],
    use: 'clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none]',
    short: 'Create a ClusterIP service',
    example: '  # Create a new ClusterIP service named my-cs\n  kubectl create service clusterip my-cs --tcp=5678:8080\n  \n  # Create a new ClusterIP service named my-cs (in headless mode)\n  kubectl create service clusterip my-cs --clusterip="None"',
  },
  externalname: {
    type: 'ExternalName',
    flags: ['tcp', 'external-name'],
    use: 'externalname NAME --external-name external.name [--dry-run=server|client|none]',
    short: 'Create an ExternalName service',
    example: '  # Create a new ExternalName service named my-ns\n  kubectl create service externalname my-ns --external-name bar.com',
  },
  loadbalancer: {
    type: 'LoadBalancer',
    flags: ['tcp'],
    use: 'loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none]',
    short: 'Create a LoadBalancer service',
    example: '  # Create a new LoadBalancer service named my-lbs\n  kubectl create service loadbalancer my-lbs --tcp=5678:8080',
  },
  nodeport: {
    type: 'NodePort',
    flags: ['tcp', 'node-port'],
    use: 'nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none]',
    short: 'Create a NodePort service',
    example: '  # Create a new NodePort service named my-ns\n  kubectl create service nodeport my-ns --tcp=5678:8080',
  },
};

/** `kubectl create service --help` (and what a bare `kubectl create service` prints). */
export const CREATE_SERVICE_HELP = `Create a service using a specified subcommand.

Aliases:
service, svc

Available Commands:
${Object.entries(SUBCOMMANDS)
  .map(([n, s]) => `  ${n.padEnd(16)}${s.short}`)
  .join('\n')}

Usage:
  kubectl create service [flags] [options]

Use "kubectl create service <command> --help" for more information about a command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/** `kubectl create service SUB --help`. */
export function createServiceHelp(sub: string): string | undefined {
  const s = SUBCOMMANDS[sub];
  if (!s) return undefined;
  const long = sub === 'externalname'
    ? 'Create an ExternalName service with the specified name.\n\n ExternalName service references to an external DNS address instead of only pods, which will allow application authors to reference services that exist off platform, on other clusters, or locally.'
    : `Create a ${s.type} service with the specified name.`;
  return `${long}\n\nExamples:\n${s.example}\n\nUsage:\n  kubectl create service ${s.use} [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
}

/** ServiceOptions.createService: labels and selector `app: NAME`, ports named after their spec. */
export function serviceObject(ctx: Ctx, type: string, name: string): Obj {
  const ports = (ctx.p.values.tcp ?? []).flatMap((v) => v.split(',')).map((spec) => {
    const { port, targetPort } = parsePorts(spec);
    const p: Obj = { name: spec.replace(/:/g, '-'), port, protocol: 'TCP', targetPort };
    const nodePort = Number(flag(ctx.p, 'node-port') ?? 0);
    if (nodePort) p.nodePort = nodePort;
    return p;
  });
  const metadata: Obj = { labels: { app: name }, name };
  if (ctx.explicitNamespace) metadata.namespace = ctx.namespace;
  const spec: Obj = { selector: { app: name }, type };
  if (ports.length) spec.ports = ports;
  const externalName = flag(ctx.p, 'external-name');
  if (externalName) spec.externalName = externalName;
  const clusterIP = flag(ctx.p, 'clusterip');
  if (clusterIP) spec.clusterIP = clusterIP;
  return { apiVersion: 'v1', kind: 'Service', metadata, spec, status: { loadBalancer: {} } };
}

/** `kubectl create service|svc SUB NAME …`; `args` are the words after `service`. */
export function createServiceCmd(ctx: Ctx, args: string[], services: ResourceInfo): void {
  const [sub, ...rest] = args;
  if (sub === undefined) {
    ctx.stderr.push(CREATE_SERVICE_HELP);
    ctx.exitCode = 1;
    return;
  }
  const s = SUBCOMMANDS[sub];
  if (!s) {
    ctx.errors.push({ message: `unknown command ${JSON.stringify(sub)} for "kubectl create service"\nSee 'kubectl create service -h' for help and examples` });
    return;
  }
  if (!rejectForeignFlags(ctx, s.flags, `create service ${sub}`)) return;
  if (sub === 'externalname' && flag(ctx.p, 'external-name') === undefined) {
    ctx.errors.push({ message: 'required flag(s) "external-name" not set' });
    return;
  }
  if (rest.length !== 1) {
    ctx.errors.push({ message: `exactly one NAME is required, got ${rest.length}\nSee 'kubectl create service ${sub} -h' for help and examples` });
    return;
  }
  const dryRun = dryRunStrategy(ctx);
  if (!dryRun || !checkOutput(ctx)) return;
  // ServiceOptions.Validate.
  const clusterIP = flag(ctx.p, 'clusterip') ?? '';
  const tcp = (ctx.p.values.tcp ?? []).flatMap((v) => v.split(','));
  if (clusterIP === 'None' && s.type !== 'ClusterIP') return void ctx.errors.push({ message: 'ClusterIP=None can only be used with ClusterIP service type' });
  if (clusterIP !== 'None' && tcp.length === 0 && s.type !== 'ExternalName') return void ctx.errors.push({ message: 'at least one tcp port specifier must be provided' });
  if (s.type === 'ExternalName') {
    const en = flag(ctx.p, 'external-name') ?? '';
    if (en.length > 253 || !DNS1123_SUBDOMAIN.test(en)) return void ctx.errors.push({ message: `invalid service external name ${en}` });
  }
  let obj: Obj;
  try {
    obj = serviceObject(ctx, s.type, rest[0]!);
  } catch (e) {
    if (!(e instanceof GeneratorError)) throw e;
    ctx.errors.push({ message: e.message });
    return;
  }
  const stored = postGenerated(ctx, services, obj, dryRun, (m) => `failed to create ${s.type} service: ${m}`);
  if (stored) printGenerated(ctx, services, stored, 'created', dryRun);
}
