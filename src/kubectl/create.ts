/**
 * `kubectl create configmap|secret generic|secret tls|secret docker-registry NAME`. Mirrors
 * k8s.io/kubectl pkg/cmd/create/{create.go,create_configmap.go,create_secret.go,
 * create_secret_tls.go,create_secret_docker.go}, pkg/util/util.go (ParseLiteralSource,
 * ParseFileSource) and pkg/cmd/util/env_file.go (AddFromEnvFile). Files are read through the
 * terminal's virtual files (`io.readFile`, as `apply -f` reads them), always as text.
 */
import type { Ctx } from './context.ts';
import { send } from './context.ts';
import { statusOf } from './errors.ts';
import { flag } from './flags.ts';
import { dryRunStrategy, dryRunSuffix } from './nodeSelect.ts';
import { printJson, printYaml } from './output.ts';
import { byName, pathFor } from './resources.ts';
import { createIngressCmd } from './createIngress.ts';
import { createServiceCmd } from './createService.ts';
import { encodeBase64, isConfigMapKey } from '../engine/api/configValidation.ts';
import { regexError } from '../engine/api/names.ts';

type Obj = Record<string, unknown>;

/** An error that ends the command with kubectl's `error: <msg>`. */
class CreateError extends Error {}

/** util.ParseLiteralSource: split at the first `=`, quotes trimmed from the value. */
export function parseLiteralSource(source: string): [string, string] {
  const eq = source.indexOf('=');
  if (eq <= 0) throw new CreateError(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, eq), source.slice(eq + 1).replace(/^["']+|["']+$/g, '')];
}

/** util.ParseFileSource: `path` (key = base name) or `key=path`. */
export function parseFileSource(source: string): [string, string] {
  const n = source.split('=').length - 1;
  if (n === 0) {
    const parts = source.split('/').filter((s) => s !== '');
    return [parts[parts.length - 1] ?? source, source];
  }
  if (n === 1 && source.startsWith('=')) throw new CreateError(`key name for file path ${source.slice(1)} missing`);
  if (n === 1 && source.endsWith('=')) throw new CreateError(`file path for key name ${source.slice(0, -1)} missing`);
  if (n > 1) throw new CreateError("key names or file paths cannot contain '='");
  const [k, p] = source.split('=');
  return [k!, p!];
}

const ENV_NAME_RE = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** validation.IsEnvVarName. */
function isEnvVarName(key: string): string[] {
  const errs: string[] = [];
  if (!ENV_NAME_RE.test(key)) {
    errs.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        '[-._a-zA-Z][-._a-zA-Z0-9]*',
        'my.env-name',
        'MY_ENV.NAME',
        'MyEnvName1',
      ),
    );
  }
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** cmdutil.AddFromEnvFile: KEY=VALUE lines; blanks and `#` comments skipped; a bare KEY reads the (empty) environment. */
export function parseEnvFile(text: string): [string, string][] {
  const out: [string, string][] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '').replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq >= 0 ? line.slice(0, eq) : line;
    const errs = isEnvVarName(key);
    if (errs.length) throw new CreateError(`${JSON.stringify(key)} is not a valid key name: ${errs.join(';')}`);
    // The simulated shell has no environment: a bare KEY gets the empty value os.Getenv returns.
    out.push([key, eq >= 0 ? line.slice(eq + 1) : '']);
  }
  return out;
}

function readSource(ctx: Ctx, path: string): string {
  const text = ctx.io.readFile(path);
  if (text === undefined) throw new CreateError(`error reading ${path}: no such file or directory`);
  return text;
}

/** The sources in upstream order: a ConfigMap reads files, literals, env files; a Secret literals first. */
function collect(ctx: Ctx, add: (k: string, v: string) => void, literalsFirst: boolean): void {
  const literals = ctx.p.values['from-literal'] ?? [];
  const files = ctx.p.values['from-file'] ?? [];
  const envFiles = ctx.p.values['from-env-file'] ?? [];
  const addLiterals = () => literals.forEach((s) => add(...parseLiteralSource(s)));
  if (literalsFirst) addLiterals();
  for (const s of files) {
    const [k, p] = parseFileSource(s);
    add(k, readSource(ctx, p));
  }
  if (!literalsFirst) addLiterals();
  for (const f of envFiles) for (const [k, v] of parseEnvFile(readSource(ctx, f))) add(k, v);
}

function checkSources(ctx: Ctx): void {
  const has = (n: string) => (ctx.p.values[n] ?? []).length > 0;
  if (has('from-env-file') && (has('from-file') || has('from-literal'))) {
    throw new CreateError('from-env-file cannot be combined with from-file or from-literal');
  }
}

function baseObject(ctx: Ctx, kind: string, name: string): Obj {
  const metadata: Obj = { name };
  if (ctx.explicitNamespace) metadata.namespace = ctx.namespace;
  return { apiVersion: 'v1', kind, metadata };
}

function configMapObject(ctx: Ctx, name: string): Obj {
  checkSources(ctx);
  const data: Record<string, string> = {};
  collect(
    ctx,
    (k, v) => {
      const errs = isConfigMapKey(k);
      if (errs.length) throw new CreateError(`${JSON.stringify(k)} is not a valid key name for a ConfigMap: ${errs.join(',')}`);
      if (k in data) throw new CreateError(`cannot add key ${JSON.stringify(k)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`);
      data[k] = v;
    },
    false,
  );
  const obj = baseObject(ctx, 'ConfigMap', name);
  if (Object.keys(data).length) obj.data = data;
  return obj;
}

function secretAdder(data: Record<string, string>) {
  return (k: string, v: string) => {
    const errs = isConfigMapKey(k);
    if (errs.length) throw new CreateError(`${JSON.stringify(k)} is not valid key name for a Secret ${errs.join(';')}`);
    if (k in data) throw new CreateError(`cannot add key ${k}, another key by that name already exists`);
    data[k] = encodeBase64(v);
  };
}

function secretObject(ctx: Ctx, sub: string, name: string): Obj {
  const data: Record<string, string> = {};
  let type = flag(ctx.p, 'type') ?? '';
  if (sub === 'generic') {
    checkSources(ctx);
    collect(ctx, secretAdder(data), true);
  } else if (sub === 'tls') {
    const cert = flag(ctx.p, 'cert');
    const key = flag(ctx.p, 'key');
    if (!cert || !key) throw new CreateError('key and cert must be specified');
    data['tls.crt'] = encodeBase64(readSource(ctx, cert));
    data['tls.key'] = encodeBase64(readSource(ctx, key));
    type = 'kubernetes.io/tls';
  } else {
    const user = flag(ctx.p, 'docker-username') ?? '';
    const password = flag(ctx.p, 'docker-password') ?? '';
    if (!(ctx.p.values['from-file'] ?? []).length && (!user || !password)) {
      throw new CreateError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
    }
    collect(ctx, secretAdder(data), true);
    if (user) {
      const server = flag(ctx.p, 'docker-server') ?? 'https://index.docker.io/v1/';
      const email = flag(ctx.p, 'docker-email') ?? '';
      const entry: Obj = { username: user, password };
      if (email) entry.email = email;
      entry.auth = encodeBase64(`${user}:${password}`);
      data['.dockerconfigjson'] = encodeBase64(JSON.stringify({ auths: { [server]: entry } }));
    }
    type = 'kubernetes.io/dockerconfigjson';
  }
  const obj = baseObject(ctx, 'Secret', name);
  if (Object.keys(data).length) obj.data = data;
  if (type) obj.type = type;
  return obj;
}

const SECRET_SUBCOMMANDS = ['generic', 'tls', 'docker-registry'];

/** `kubectl create configmap|cm|secret …`. */
export function createCmd(ctx: Ctx): void {
  const [what, ...rest] = ctx.p.args;
  let sub = '';
  let args = rest;
  if (what === 'service' || what === 'svc') return createServiceCmd(ctx, rest, byName('services')!);
  if (what === 'ingress' || what === 'ing') return createIngressCmd(ctx, rest, byName('ingresses')!);
  if (what === 'secret') {
    sub = rest[0] ?? '';
    if (!SECRET_SUBCOMMANDS.includes(sub)) {
      ctx.errors.push({ message: `Create a secret with specified type.\n\nUsage:\n  kubectl create secret (docker-registry | generic | tls) [options]` });
      return;
    }
    args = rest.slice(1);
  } else if (what !== 'configmap' && what !== 'cm') {
    ctx.errors.push({ message: 'must specify one of -f and -k' });
    return;
  }
  const cmdName = what === 'secret' ? `secret ${sub}` : 'configmap';
  if (args.length !== 1) {
    ctx.errors.push({ message: `exactly one NAME is required, got ${args.length}\nSee 'kubectl create ${cmdName} -h' for help and examples` });
    return;
  }
  const dryRun = dryRunStrategy(ctx);
  if (!dryRun) return;
  const name = args[0]!;
  let obj: Obj;
  try {
    obj = what === 'secret' ? secretObject(ctx, sub, name) : configMapObject(ctx, name);
  } catch (e) {
    if (!(e instanceof CreateError)) throw e;
    ctx.errors.push({ message: e.message });
    return;
  }
  const res = byName(what === 'secret' ? 'secrets' : 'configmaps')!;
  if (dryRun !== 'client') {
    const r = send(ctx, { verb: 'POST', path: pathFor(res, ctx.namespace), body: obj, query: dryRun === 'server' ? { dryRun: 'All' } : undefined });
    if (r.code >= 300) {
      ctx.errors.push({ message: `failed to create ${res.singular}: ${statusOf(r.code, r.body).message ?? ''}` });
      return;
    }
    obj = r.body as Obj;
  }
  const out = flag(ctx.p, 'output');
  if (out === 'yaml') ctx.stdout.push(printYaml(obj));
  else if (out === 'json') ctx.stdout.push(printJson(obj));
  else if (out === 'name') ctx.stdout.push(`${res.singular}/${name}\n`);
  else ctx.stdout.push(`${res.singular}/${name} created${dryRunSuffix(dryRun)}\n`);
}
