/**
 * The network as `kubectl exec` sees it: the files the kubelet bind-mounts into every container
 * (/etc/hosts from kubelet_pods.go managedHostsFileContent, /etc/resolv.conf as containerd
 * writes the kubelet's ClusterFirst DNSConfig, /etc/hostname), and `curl`, `wget` and
 * `nslookup` answering from cluster DNS, kube-proxy and the target pod's socket. Which image has
 * which tool follows the real images (busybox/alpine: BusyBox wget and nslookup; curlimages/curl
 * and nginx: curl).
 */
import type { V1Pod } from '../scheduler/types.ts';
import type { ExecResult } from './exec.ts';
import type { VolumeFiles } from './volumes.ts';
import { parseImageRef } from '../registry/reference.ts';
import { CLUSTER_DNS_IP, CLUSTER_DOMAIN, isIPv4, resolvConf, resolve } from '../network/dns.ts';
import { parseURL, sendHTTP, type NetworkView, type RequestResult } from '../network/connect.ts';
import { httpResponse, type HttpResponse } from './httpBodies.ts';

/** What exec needs to reach the network from inside a pod. */
export interface ExecNet {
  pod: V1Pod;
  podIP: string;
  /** The exec'd container's image, as written in the spec (which tools it has). */
  image: string;
  /** The cluster network; undefined where the kubelet runs alone (unit tests): requests then go nowhere. */
  view?: NetworkView;
}

/** kubelet_pods.go managedHostsHeader + managedHostsFileContent + hostsEntriesFromHostAliases. */
export function hostsFile(pod: V1Pod, podIP: string): string {
  const spec = pod.spec as { hostname?: string; subdomain?: string; hostAliases?: { ip?: string; hostnames?: string[] }[] } | undefined;
  const host = spec?.hostname ?? pod.metadata.name;
  const ns = pod.metadata.namespace ?? 'default';
  let out = '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' +
    'fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';
  if (podIP) out += spec?.subdomain ? `${podIP}\t${host}.${spec.subdomain}.${ns}.svc.${CLUSTER_DOMAIN}\t${host}\n` : `${podIP}\t${host}\n`;
  if (spec?.hostAliases?.length) {
    out += '\n# Entries added by HostAliases.\n';
    for (const a of spec.hostAliases) out += `${a.ip ?? ''}\t${(a.hostnames ?? []).join('\t')}\n`;
  }
  return out;
}

/** The files the runtime bind-mounts over the image's /etc. */
export function netMounts(net: ExecNet, hostname: string): { mountPath: string; files: VolumeFiles }[] {
  const file = (content: string): VolumeFiles => new Map([['', { content, mode: 0o644 }]]);
  return [
    { mountPath: '/etc/hosts', files: file(hostsFile(net.pod, net.podIP)) },
    { mountPath: '/etc/hostname', files: file(`${hostname}\n`) },
    { mountPath: '/etc/resolv.conf', files: file(resolvConf(net.pod.metadata.namespace ?? 'default')) },
  ];
}

type Tool = 'curl' | 'wget' | 'nslookup';

/** Whether the image ships `tool` (BusyBox applets in busybox/alpine-based images, curl in the Debian and alpine nginx images). */
export function hasTool(image: string, tool: Tool): boolean {
  const ref = parseImageRef(image);
  const repo = 'error' in ref ? image : ref.repository;
  const alpine = !('error' in ref) && (ref.tag ?? '').includes('alpine');
  const name = repo.slice(repo.lastIndexOf('/') + 1);
  const busybox = name === 'busybox' || name === 'alpine' || name === 'curl' || alpine;
  if (tool === 'curl') return name === 'curl' || name === 'nginx' || ['python', 'node', 'golang'].includes(name) && !alpine;
  if (tool === 'wget') return busybox || (['python', 'node', 'golang'].includes(name) && !alpine);
  return busybox;
}

const NONE: RequestResult = { outcome: 'unreachable' };

function request(net: ExecNet, url: string, hostHeader?: string): { res: RequestResult; http?: HttpResponse; host: string; port: number; ip?: string } | undefined {
  const u = parseURL(url);
  if (!u) return undefined;
  const port = u.port ?? (u.scheme === 'https' ? 443 : 80);
  const ns = net.pod.metadata.namespace ?? 'default';
  const res = net.view ? sendHTTP(net.view, u, ns, net.podIP, true, hostHeader) : isIPv4(u.host) ? NONE : ({ outcome: 'no-host' } as RequestResult);
  const ip = res.ip ?? (isIPv4(u.host) ? u.host : undefined);
  return { res, http: net.view ? httpResponse(net.view.store, res, hostHeader ?? u.host, u.path, net.podIP) : undefined, host: u.host, port, ip };
}

/**
 * getopt: `-sSo FILE`, `-qO-`, `--output FILE`, `--output=FILE`. `withValue` lists the short
 * letters that take a value; `long` maps long names to short letters (value or not, as the letter).
 */
function getopt(args: string[], withValue: string, long: Record<string, string>): { on: Set<string>; val: Map<string, string>; rest: string[] } {
  const on = new Set<string>();
  const val = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const l = long[eq >= 0 ? a.slice(2, eq) : a.slice(2)];
      if (!l) continue;
      if (withValue.includes(l)) val.set(l, eq >= 0 ? a.slice(eq + 1) : (args[++i] ?? ''));
      else on.add(l);
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (withValue.includes(c)) {
          val.set(c, j + 1 < a.length ? a.slice(j + 1) : (args[++i] ?? ''));
          break;
        }
        on.add(c);
      }
    } else rest.push(a);
  }
  return { on, val, rest };
}

/** `curl [-sSfI] [-o FILE] [-w FORMAT] [-m SECS] URL` (curl 8 messages and exit codes). */
function curl(net: ExecNet, args: string[]): ExecResult {
  const { on, val, rest } = getopt(args, 'owmHXAd', {
    output: 'o', 'write-out': 'w', 'max-time': 'm', 'connect-timeout': 'm', header: 'H', request: 'X', 'user-agent': 'A', data: 'd',
    silent: 's', 'show-error': 'S', fail: 'f', head: 'I', verbose: 'v', location: 'L', insecure: 'k',
  });
  const silent = on.has('s') && !on.has('S');
  const out = val.get('o');
  const wfmt = val.get('w');
  if (!rest.length) return { stdout: '', stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 };
  const hostHeader = /^host:\s*(\S+)\s*$/i.exec(val.get('H') ?? '')?.[1];
  const r = request(net, rest[0]!, hostHeader);
  const err = (code: number, msg: string): ExecResult => ({ stdout: wfmt ? fmtW(wfmt, 0) : '', stderr: silent ? '' : `curl: (${code}) ${msg}\n`, exitCode: code });
  if (!r) return err(3, 'URL rejected: Malformed input to a URL function');
  const { res, http, host, port } = r;
  if (res.outcome === 'no-host') return err(6, `Could not resolve host: ${host}`);
  if (!http) {
    if (res.outcome === 'unreachable') return err(28, `Failed to connect to ${host} port ${port} after 130000 ms: Timeout was reached`);
    return err(7, `Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server`);
  }
  if (http.empty) return err(52, 'Empty reply from server');
  if (on.has('f') && http.status >= 400) return err(22, `The requested URL returned error: ${http.status}`);
  const body = on.has('I') ? http.headers : http.body;
  return { stdout: (out !== undefined && out !== '-' ? '' : body) + (wfmt ? fmtW(wfmt, http.status) : ''), stderr: '', exitCode: 0 };
}

function fmtW(f: string, code: number): string {
  return f.replace(/%\{http_code\}/g, String(code).padStart(3, '0')).replace(/\\n/g, '\n');
}

/** BusyBox `wget [-q] [-O FILE] [--spider] [-T SECS] URL`. */
function wget(net: ExecNet, args: string[]): ExecResult {
  const { on, val, rest } = getopt(args, 'OTUo', { quiet: 'q', spider: 's', 'output-document': 'O', timeout: 'T', 'user-agent': 'U' });
  const quiet = on.has('q');
  const out = val.get('O');
  if (!rest.length) return { stdout: '', stderr: 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n', exitCode: 1 };
  const r = request(net, rest[0]!);
  const fail = (msg: string) => ({ stdout: '', stderr: `wget: ${msg}\n`, exitCode: 1 });
  if (!r) return fail(`not an http or ftp url: ${rest[0]}`);
  const { res, http, host, port, ip } = r;
  if (res.outcome === 'no-host') return fail(`bad address '${host}${port !== 80 ? `:${port}` : ''}'`);
  const connecting = quiet ? '' : `Connecting to ${host}${ip && ip !== host ? ` (${ip}:${port})` : ''}\n`;
  if (!http) {
    const e = res.outcome === 'unreachable' ? fail('download timed out') : fail(`can't connect to remote host (${ip ?? host}): Connection refused`);
    return { ...e, stderr: connecting + e.stderr };
  }
  if (http.empty) return { stdout: '', stderr: `${connecting}wget: error getting response\n`, exitCode: 1 };
  if (http.status >= 400) return { stdout: '', stderr: `${connecting}wget: server returned error: HTTP/1.1 ${http.status} ${http.reason}\n`, exitCode: 1 };
  if (on.has('s')) return { stdout: '', stderr: quiet ? '' : `${connecting}remote file exists\n`, exitCode: 0 };
  const toStdout = out === '-';
  const file = out ?? 'index.html';
  const log = quiet ? '' : `${connecting}${toStdout ? 'writing to stdout' : `saving to '${file}'`}\n${toStdout ? 'written to stdout' : `'${file}' saved`}\n`;
  return { stdout: toStdout ? http.body : '', stderr: log, exitCode: 0 };
}

/** BusyBox `nslookup NAME`: the cluster DNS server, then the answer or NXDOMAIN. */
function nslookup(net: ExecNet, args: string[]): ExecResult {
  const name = args.find((a) => !a.startsWith('-'));
  if (!name) return { stdout: '', stderr: 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n', exitCode: 1 };
  const head = `Server:\t\t${CLUSTER_DNS_IP}\nAddress:\t${CLUSTER_DNS_IP}:53\n\n`;
  const ns = net.pod.metadata.namespace ?? 'default';
  const d = net.view && !isIPv4(name) ? resolve(net.view.store, name, ns) : undefined;
  if (!d?.ok) {
    const shown = isIPv4(name) ? `${name.split('.').reverse().join('.')}.in-addr.arpa` : name;
    return { stdout: `${head}** server can't find ${shown}: NXDOMAIN\n\n`, stderr: '', exitCode: 1 };
  }
  return { stdout: head + d.ips.map((ip) => `Name:\t${d.name}\nAddress: ${ip}\n`).join('') + '\n', stderr: '', exitCode: 0 };
}

/** Runs a network tool, or undefined when the image does not have it (exec's not-found error). */
export function netCommand(net: ExecNet | undefined, bin: string, args: string[]): ExecResult | undefined {
  if (!net || (bin !== 'curl' && bin !== 'wget' && bin !== 'nslookup') || !hasTool(net.image, bin)) return undefined;
  return bin === 'curl' ? curl(net, args) : bin === 'wget' ? wget(net, args) : nslookup(net, args);
}
