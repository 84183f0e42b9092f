/**
 * `kubectl create ingress|ing NAME --rule=host/path=svc:port[,tls[=secret]]`. Mirrors
 * k8s.io/kubectl pkg/cmd/create/create_ingress.go: the rule regex, Validate's messages, and
 * buildIngressSpec (buildTLSRules, buildIngressRules, buildHTTPIngressPath: a path ending in `*`
 * is Prefix with the `*` removed, any other path is Exact; ports parse as intstr).
 */
import type { Ctx } from './context.ts';
import { flag } from './flags.ts';
import { dryRunStrategy } from './nodeSelect.ts';
import { atoi, checkOutput, postGenerated, printGenerated, rejectForeignFlags } from './createService.ts';
import type { ResourceInfo } from './resources.ts';

type Obj = Record<string, unknown>;

/** regexHostPathSvc + regexTLS (Go's `\w` is ASCII, as JavaScript's; anchored at the start only). */
const RULE_RE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?/;

/** `kubectl create ingress --help`. */
export const CREATE_INGRESS_HELP = `Create an ingress with the specified name.

Aliases:
ingress, ing

Examples:
  # Create a single ingress called 'simple' that directs requests to foo.com/bar to svc
  # svc1:8080 with a tls secret "my-cert"
  kubectl create ingress simple --rule="foo.com/bar=svc1:8080,tls=my-cert"
  
  # Create a catch all ingress of "/path" pointing to service svc:port and Ingress Class as "otheringress"
  kubectl create ingress catch-all --class=otheringress --rule="/path=svc:port"
  
  # Create an ingress with two annotations: ingress.annotation1 and ingress.annotations2
  kubectl create ingress annotated --class=default --rule="foo.com/bar=svc:port" \\
  --annotation ingress.annotation1=foo \\
  --annotation ingress.annotation2=bla
  
  # Create an ingress with the same host and multiple paths
  kubectl create ingress multipath --class=default \\
  --rule="foo.com/=svc:port" \\
  --rule="foo.com/admin/=svcadmin:portadmin"
  
  # Create an ingress with multiple hosts and the pathType as Prefix
  kubectl create ingress ingress1 --class=default \\
  --rule="foo.com/path*=svc:8080" \\
  --rule="bar.com/admin*=svc2:http"
  
  # Create an ingress with TLS enabled using the default ingress certificate and different path types
  kubectl create ingress ingtls --class=default \\
  --rule="foo.com/=svc:https,tls" \\
  --rule="foo.com/path/subpath*=othersvc:8080"
  
  # Create an ingress with TLS enabled using a specific secret and pathType as Prefix
  kubectl create ingress ingsecret --class=default \\
  --rule="foo.com/*=svc:8080,tls=secret1"
  
  # Create an ingress with a default backend
  kubectl create ingress ingdefault --class=default \\
  --default-backend=defaultsvc:http \\
  --rule="foo.com/*=svc:8080,tls=secret1"

Usage:
  kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]]  [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/** parseServiceBackendPort: a number when Atoi parses it, else a port name. */
function backendPort(port: string): Obj {
  const n = atoi(port);
  if (n === undefined) return { name: port };
  return n ? { number: n } : {};
}

/** buildIngressBackendSvc. */
function backendSvc(service: string): Obj {
  const [name, port] = service.split(':');
  return { service: { name, port: backendPort(port ?? '') } };
}

/** buildHTTPIngressPath: `path*` → Prefix (without the `*`), otherwise Exact. */
function httpPath(pathsvc: string): Obj {
  const [p, service] = pathsvc.split('=');
  let path = '/' + p;
  let pathType = 'Exact';
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { backend: backendSvc(service ?? ''), path, pathType };
}

/** buildTLSRules: one entry per secret; a host enters TLS only once. */
function tlsRules(rules: string[]): Obj[] {
  const seen = new Set<string>();
  const out: { hosts?: string[]; secretName?: string }[] = [];
  for (const rule of rules) {
    const tls = rule.split(',');
    if (tls.length !== 2) continue;
    const host = rule.split('/')[0]!;
    const parts = tls[1]!.split('=');
    const secret = parts.length > 1 ? parts[1]! : '';
    if (seen.has(host)) continue;
    const idx = out.findIndex((t) => (t.secretName ?? '') === secret);
    if (idx > -1) {
      (out[idx]!.hosts ??= []).push(host);
      seen.add(host);
      continue;
    }
    const t: { hosts?: string[]; secretName?: string } = {};
    if (host !== '') t.hosts = [host];
    if (secret !== '') t.secretName = secret;
    if (t.secretName || t.hosts) out.push(t);
    seen.add(host);
  }
  return out;
}

/** buildIngressRules: paths of the same host are merged into one rule. */
function ingressRules(rules: string[]): Obj[] {
  const out: { host?: string; http: { paths: Obj[] } }[] = [];
  for (const rule of rules) {
    const removeTLS = rule.split(',')[0]!;
    const slash = removeTLS.indexOf('/');
    const host = removeTLS.slice(0, slash);
    const path = httpPath(removeTLS.slice(slash + 1));
    const existing = out.find((r) => (r.host ?? '') === host);
    if (existing) {
      existing.http.paths.push(path);
      continue;
    }
    out.push({ ...(host ? { host } : {}), http: { paths: [path] } });
  }
  return out;
}

/** CreateIngressOptions.createIngress. */
export function ingressObject(ctx: Ctx, name: string): Obj {
  const rules = ctx.p.values.rule ?? [];
  const annotations: Record<string, string> = {};
  for (const a of ctx.p.values.annotation ?? []) {
    const eq = a.indexOf('=');
    annotations[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const metadata: Obj = { name };
  if (ctx.explicitNamespace) metadata.namespace = ctx.namespace;
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  const spec: Obj = {};
  const cls = flag(ctx.p, 'class');
  if (cls) spec.ingressClassName = cls;
  const def = flag(ctx.p, 'default-backend');
  if (def) spec.defaultBackend = backendSvc(def);
  const tls = tlsRules(rules);
  if (tls.length) spec.tls = tls;
  const r = ingressRules(rules);
  if (r.length) spec.rules = r;
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata, spec, status: { loadBalancer: {} } };
}

/** `kubectl create ingress|ing NAME …`; `args` are the words after `ingress`. */
export function createIngressCmd(ctx: Ctx, args: string[], ingresses: ResourceInfo): void {
  if (!rejectForeignFlags(ctx, ['rule', 'class', 'default-backend', 'annotation'], 'create ingress')) return;
  if (args.length !== 1) {
    ctx.errors.push({ message: `exactly one NAME is required, got ${args.length}\nSee 'kubectl create ingress -h' for help and examples` });
    return;
  }
  const dryRun = dryRunStrategy(ctx);
  if (!dryRun || !checkOutput(ctx)) return;
  const rules = ctx.p.values.rule ?? [];
  const def = flag(ctx.p, 'default-backend') ?? '';
  if (!def && rules.length === 0) {
    ctx.errors.push({
      message: 'not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)',
    });
    return;
  }
  for (const rule of rules) {
    if (!RULE_RE.test(rule)) return void ctx.errors.push({ message: `rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]` });
  }
  for (const a of ctx.p.values.annotation ?? []) {
    if (!a.includes('=')) return void ctx.errors.push({ message: `annotation ${a} is invalid and should be in format key=[value]` });
  }
  if (def && def.split(':').length !== 2) return void ctx.errors.push({ message: 'default-backend should be in format servicename:serviceport' });
  const stored = postGenerated(ctx, ingresses, ingressObject(ctx, args[0]!), dryRun, (m) => `failed to create ingress: ${m}`);
  if (stored) printGenerated(ctx, ingresses, stored, 'created', dryRun);
}
