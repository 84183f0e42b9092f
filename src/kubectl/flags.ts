/**
 * argv parsing in the manner of spf13/pflag as kubectl configures it: `--flag=value`,
 * `--flag value`, `-n value`, `-nvalue`, `-n=value`, `--` ends flags, flags may follow args.
 */

interface FlagDef {
  name: string;
  short?: string;
  bool?: boolean;
  repeat?: boolean;
  /** pflag IntVar/Int64Var: the value must parse as a (signed) integer. */
  int?: boolean;
  /** pflag NoOptDefVal: the value used for `--flag` without `=value` (e.g. `--cascade`). */
  noOptDefault?: string;
}

const FLAGS: FlagDef[] = [
  { name: 'namespace', short: 'n' },
  { name: 'all-namespaces', short: 'A', bool: true },
  { name: 'output', short: 'o' },
  { name: 'selector', short: 'l' },
  { name: 'field-selector' },
  { name: 'filename', short: 'f', repeat: true },
  { name: 'timeout' },
  { name: 'for' },
  { name: 'watch', short: 'w', bool: true },
  { name: 'wait', bool: true },
  { name: 'container', short: 'c' },
  { name: 'help', short: 'h', bool: true },
  { name: 'show-labels', bool: true },
  { name: 'client', bool: true },
  { name: 'grace-period' },
  { name: 'now', bool: true },
  { name: 'force', bool: true },
  { name: 'ignore-not-found', bool: true },
  { name: 'all', bool: true },
  { name: 'replicas', int: true },
  { name: 'current-replicas', int: true },
  { name: 'resource-version' },
  { name: 'revision', int: true },
  { name: 'to-revision', int: true },
  { name: 'cascade', noOptDefault: 'background' },
  { name: 'previous', short: 'p', bool: true },
  { name: 'tail', int: true },
  { name: 'timestamps', bool: true },
  { name: 'follow', bool: true },
  { name: 'overwrite', bool: true },
  { name: 'sort-by' },
  { name: 'dry-run', noOptDefault: 'unchanged' },
  { name: 'ignore-daemonsets', bool: true },
  { name: 'delete-emptydir-data', bool: true },
  { name: 'delete-local-data', bool: true },
  { name: 'disable-eviction', bool: true },
  { name: 'pod-selector' },
  { name: 'skip-wait-for-delete-timeout', int: true },
  { name: 'chunk-size', int: true },
  { name: 'list', bool: true },
  { name: 'label-columns', short: 'L', repeat: true },
  // kubectl create configmap|secret
  { name: 'from-literal', repeat: true },
  { name: 'from-file', repeat: true },
  { name: 'from-env-file', repeat: true },
  { name: 'type' },
  { name: 'cert' },
  { name: 'key' },
  { name: 'docker-server' },
  { name: 'docker-username' },
  { name: 'docker-password' },
  { name: 'docker-email' },
  // kubectl expose
  { name: 'port' },
  { name: 'target-port' },
  { name: 'name' },
  { name: 'protocol' },
  { name: 'labels' },
  { name: 'external-ip' },
  { name: 'load-balancer-ip' },
  { name: 'session-affinity' },
  { name: 'cluster-ip' },
  // kubectl create service|ingress
  { name: 'tcp', repeat: true },
  { name: 'node-port', int: true },
  { name: 'clusterip' },
  { name: 'external-name' },
  { name: 'rule', repeat: true },
  { name: 'class' },
  { name: 'default-backend' },
  { name: 'annotation', repeat: true },
];

export interface ParsedArgs {
  args: string[];
  values: Record<string, string[]>;
  bools: Record<string, boolean>;
}

export class FlagError extends Error {}

function parseBool(name: string, v: string): boolean {
  if (/^(1|t|T|true|TRUE|True)$/.test(v)) return true;
  if (/^(0|f|F|false|FALSE|False)$/.test(v)) return false;
  throw new FlagError(`invalid argument "${v}" for "--${name}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`);
}

/** Splits argv into positional args and flags; throws FlagError with pflag's wording. */
export function parseArgs(argv: string[]): ParsedArgs {
  const out: ParsedArgs = { args: [], values: {}, bools: {} };
  const set = (def: FlagDef, v: string) => {
    if (def.bool) out.bools[def.name] = parseBool(def.name, v);
    else if (def.int && !/^[+-]?\d+$/.test(v)) {
      throw new FlagError(`invalid argument "${v}" for "--${def.name}" flag: strconv.ParseInt: parsing "${v}": invalid syntax`);
    }
    else if (def.repeat) (out.values[def.name] ??= []).push(v);
    else out.values[def.name] = [v];
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const def = FLAGS.find((f) => f.name === name);
      if (!def) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(def, a.slice(eq + 1));
      else if (def.bool) set(def, 'true');
      else if (def.noOptDefault !== undefined) set(def, def.noOptDefault);
      else {
        if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: --${name}`);
        set(def, argv[++i]!);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // Shorthand cluster: -Aw, -nkube-system, -n=x
      let j = 1;
      while (j < a.length) {
        const c = a[j]!;
        const def = FLAGS.find((f) => f.short === c);
        if (!def) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        if (def.bool) {
          if (a[j + 1] === '=') {
            set(def, a.slice(j + 2));
            break;
          }
          set(def, 'true');
          j++;
          continue;
        }
        let v = a.slice(j + 1);
        if (v.startsWith('=')) v = v.slice(1);
        else if (v === '') {
          if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
          v = argv[++i]!;
        }
        set(def, v);
        break;
      }
      continue;
    }
    out.args.push(a);
  }
  return out;
}

export function flag(p: ParsedArgs, name: string): string | undefined {
  const v = p.values[name];
  return v ? v[v.length - 1] : undefined;
}

/** An integer flag's value (validated by parseArgs), or `dflt` when absent. */
export function intFlag(p: ParsedArgs, name: string, dflt: number): number {
  const v = flag(p, name);
  return v === undefined ? dflt : Number(v);
}
