import { describe, expect, it } from 'vitest';
import { Store } from '../apiserver/store.ts';
import type { IngressController } from '../network/ingressController.ts';
import type { KubeProxy, ProxyRoute } from '../network/proxy.ts';
import type { V1Pod } from '../scheduler/types.ts';
import type { KubeObject } from '../types.ts';
import { execCommand, type ExecView } from './exec.ts';
import type { KubeletHandle } from './kubelet.ts';
import type { ServeResult } from './serving.ts';

const client = { metadata: { name: 'debug', namespace: 'default', uid: 'u0' }, spec: { containers: [{ name: 'c', image: 'busybox:1.37' }] } } as unknown as V1Pod;

/** web (10.96.12.7:80 → web-a nginx), echo (10.96.5.5:80 → echo-a http-echo), empty (no endpoints), down (pod on a dead node). */
function view(image: string, pod: V1Pod = client) {
  const store = new Store();
  const put = (r: string, o: Record<string, unknown>) => store.put(r, o as unknown as KubeObject);
  put('namespaces', { metadata: { name: 'default' } });
  for (const [name, ip] of [['web', '10.96.12.7'], ['echo', '10.96.5.5'], ['empty', '10.96.9.9'], ['down', '10.96.7.7']] as const) {
    put('services', { metadata: { name, namespace: 'default' }, spec: { clusterIP: ip } });
  }
  put('pods', { metadata: { name: 'web-a', namespace: 'default', uid: 'uw' }, spec: { nodeName: 'worker-1', containers: [{ name: 'nginx', image: 'nginx:1.27' }] }, status: { podIP: '10.244.1.4', phase: 'Running' } });
  put('pods', { metadata: { name: 'echo-a', namespace: 'default', uid: 'ue' }, spec: { nodeName: 'worker-1', containers: [{ name: 'e', image: 'hashicorp/http-echo', args: ['-text=hello from echo'] }] }, status: { podIP: '10.244.1.5', phase: 'Running' } });
  const back: Record<string, [string, string, string]> = { '10.96.12.7': ['web-a', 'uw', '10.244.1.4'], '10.96.5.5': ['echo-a', 'ue', '10.244.1.5'], '10.96.7.7': ['gone-a', 'ug', '10.244.2.9'] };
  const proxy = {
    route: (ns: string, name: string): ProxyRoute => (name === 'web' ? { ok: true, namespace: ns, pod: 'web-a', podUID: 'uw', node: 'worker-1', ip: '10.244.1.4', targetPort: 80, service: 'default/web', endpoints: 1 } : { ok: false, reason: 'no-service', service: `${ns}/${name}` }),
    routeIP: (ip: string, port: number): ProxyRoute => {
      const b = back[ip];
      if (ip === '10.96.9.9') return { ok: false, reason: 'no-endpoints', service: 'default/empty' };
      if (!b || port !== 80) return { ok: false, reason: 'no-service', service: `${ip}:${port}` };
      return { ok: true, namespace: 'default', pod: b[0], podUID: b[1], node: b[0] === 'gone-a' ? 'worker-2' : 'worker-1', ip: b[2], targetPort: b[0] === 'echo-a' ? 5678 : 80, service: `default/${ip}`, endpoints: 1 };
    },
  } as unknown as KubeProxy;
  const serve = (uid: string, port: number): ServeResult => (uid === 'uw' && port === 80 ? { ok: true, container: 'nginx' } : uid === 'ue' && port === 5678 ? { ok: true, container: 'e' } : { ok: false, reason: 'refused' });
  const kubelet = (node: string) => (node === 'worker-1' ? ({ serve } as unknown as KubeletHandle) : ({ serve: () => ({ ok: false, reason: 'unreachable' }) } as unknown as KubeletHandle));
  const ingress: IngressController = { address: '172.18.255.200', route: (host) => (host === 'shop.example' ? { ok: true, ingress: 'shop', namespace: 'default', service: 'web', port: 80, rule: 'rule' } : { ok: false, reason: 'no-rule' }) };
  const v: ExecView = { hostname: pod.metadata.name, env: [], mounts: [], execID: () => 'e'.repeat(64), net: { pod, podIP: '10.244.2.3', image, view: { store, proxy, ingress, kubelet } } };
  return (...argv: string[]) => execCommand(v, argv) as { stdout: string; stderr: string; exitCode: number };
}

describe('exec: the pod network', () => {
  it('shows the kubelet-managed /etc/resolv.conf, /etc/hosts and /etc/hostname', () => {
    const sh = view('busybox');
    expect(sh('cat', '/etc/resolv.conf')).toEqual({ stdout: 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n', stderr: '', exitCode: 0 });
    expect(sh('cat', '/etc/hosts')).toMatchObject({
      stdout: '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n10.244.2.3\tdebug\n',
    });
    expect(sh('cat', '/etc/hostname').stdout).toBe('debug\n');
    const sub = { ...client, spec: { ...client.spec, hostname: 'db-0', subdomain: 'db', hostAliases: [{ ip: '10.1.2.3', hostnames: ['foo.remote', 'bar.remote'] }] } } as V1Pod;
    expect(view('busybox', sub)('cat', '/etc/hosts').stdout).toMatch(/\n10\.244\.2\.3\tdb-0\.db\.default\.svc\.cluster\.local\tdb-0\n\n# Entries added by HostAliases\.\n10\.1\.2\.3\tfoo\.remote\tbar\.remote\n$/);
  });

  it('nslookup answers from cluster DNS (BusyBox format)', () => {
    const sh = view('busybox:1.37');
    expect(sh('nslookup', 'web')).toEqual({ stdout: 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.12.7\n\n', stderr: '', exitCode: 0 });
    expect(sh('nslookup', 'nope')).toEqual({ stdout: "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find nope: NXDOMAIN\n\n", stderr: '', exitCode: 1 });
  });

  it('curl reaches a Service through kube-proxy and prints what the pod serves', () => {
    const sh = view('curlimages/curl:8.17.0');
    const page = sh('curl', '-s', 'http://web');
    expect(page).toMatchObject({ exitCode: 0, stderr: '' });
    expect((page as { stdout: string }).stdout).toContain('<title>Welcome to nginx!</title>');
    expect(sh('curl', 'echo.default.svc.cluster.local')).toEqual({ stdout: 'hello from echo\n', stderr: '', exitCode: 0 });
    expect(sh('curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', 'web')).toEqual({ stdout: '200', stderr: '', exitCode: 0 });
    expect(sh('curl', 'http://10.244.1.4/')).toMatchObject({ exitCode: 0 });
    expect(sh('curl', '-sI', 'web').stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.27\.5\r\n/);
  });

  it('curl errors: no such host (6), connection refused (7), timeout (28)', () => {
    const sh = view('curlimages/curl');
    expect(sh('curl', 'http://nope')).toEqual({ stdout: '', stderr: 'curl: (6) Could not resolve host: nope\n', exitCode: 6 });
    expect(sh('curl', '-s', 'nope')).toEqual({ stdout: '', stderr: '', exitCode: 6 });
    expect(sh('curl', 'empty')).toEqual({ stdout: '', stderr: "curl: (7) Failed to connect to empty port 80 after 0 ms: Couldn't connect to server\n", exitCode: 7 });
    expect(sh('curl', '-sS', 'web:8080')).toEqual({ stdout: '', stderr: "curl: (7) Failed to connect to web port 8080 after 0 ms: Couldn't connect to server\n", exitCode: 7 });
    expect(sh('curl', 'down')).toMatchObject({ stderr: 'curl: (28) Failed to connect to down port 80 after 130000 ms: Timeout was reached\n', exitCode: 28 });
  });

  it('wget (BusyBox) fetches to stdout or fails like BusyBox', () => {
    const sh = view('busybox');
    expect(sh('wget', '-qO-', 'http://echo')).toEqual({ stdout: 'hello from echo\n', stderr: '', exitCode: 0 });
    expect(sh('wget', '-O-', 'echo')).toEqual({ stdout: 'hello from echo\n', stderr: 'Connecting to echo (10.96.5.5:80)\nwriting to stdout\nwritten to stdout\n', exitCode: 0 });
    expect(sh('wget', '-qO-', 'empty')).toEqual({ stdout: '', stderr: "wget: can't connect to remote host (10.96.9.9): Connection refused\n", exitCode: 1 });
    expect(sh('wget', '-qO-', 'nope')).toEqual({ stdout: '', stderr: "wget: bad address 'nope'\n", exitCode: 1 });
    expect(sh('wget', '-q', '--spider', 'web')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('a tool the image does not have is containerd\'s not-found error', () => {
    expect(view('busybox')('curl', 'web')).toHaveProperty('error', expect.stringContaining('exec: "curl": executable file not found in $PATH'));
    expect(view('nginx:1.27')('wget', 'web')).toHaveProperty('error', expect.stringContaining('exec: "wget": executable file not found in $PATH'));
    expect(view('nginx:1.27')('curl', '-s', 'echo')).toMatchObject({ stdout: 'hello from echo\n' });
    expect(view('nginx:1.27-alpine')('wget', '-qO-', 'echo')).toMatchObject({ stdout: 'hello from echo\n' });
  });

  it('works in sh -c scripts and pipes', () => {
    const sh = view('busybox');
    expect(sh('sh', '-c', 'wget -qO- web | grep title')).toEqual({ stdout: '<title>Welcome to nginx!</title>\n', stderr: '', exitCode: 0 });
  });

  it('reaches ingress-nginx at its address: rules by Host header, its 404 page otherwise', () => {
    const sh = view('curlimages/curl');
    expect(sh('curl', '-s', '-H', 'Host: shop.example', 'http://172.18.255.200/').stdout).toContain('<title>Welcome to nginx!</title>');
    expect(sh('curl', '-s', 'http://172.18.255.200/')).toEqual({
      stdout: '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
      stderr: '', exitCode: 0,
    });
    expect(sh('curl', '-sf', 'http://172.18.255.200/')).toEqual({ stdout: '', stderr: '', exitCode: 22 });
    expect(view('busybox')('wget', '-qO-', '172.18.255.200')).toEqual({ stdout: '', stderr: 'wget: server returned error: HTTP/1.1 404 Not Found\n', exitCode: 1 });
  });
});
