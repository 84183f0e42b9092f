import { describe, expect, it } from 'vitest';
import { fileExists, processModel, splitStatements } from './process.ts';

const sh = (script: string) => processModel('busybox:1.36', ['sh', '-c', script]);

describe('processModel (the documented table)', () => {
  it('server images keep running, listen on their ports, handle their stop signal', () => {
    const n = processModel('nginx:1.27');
    expect(n.exitAfterMs).toBeUndefined();
    expect(n.ports).toEqual([80]);
    expect(n.stopExitCode).toBe(0);
    expect(n.workingSetBytes).toBe(10 * 1024 * 1024);
    expect(n.lines.map((l) => l.text)).toContain('{ts} [notice] 1#1: start worker processes');
    expect(n.version).toBe('1.27.5');
    expect(processModel('redis:7').ports).toEqual([6379]);
    expect(processModel('httpd:2.4').ports).toEqual([80]);
    expect(processModel('nginx', ['nginx', '-g', 'daemon off;']).ports).toEqual([80]);
  });

  it('postgres without a password logs the entrypoint error and exits 1; with one it serves 5432', () => {
    const bad = processModel('postgres:17');
    expect(bad).toMatchObject({ exitAfterMs: 10, exitCode: 1 });
    expect(bad.lines[0]!.text).toBe('Error: Database is uninitialized and superuser password is not specified.');
    expect(processModel('postgres:17', [], [], ['POSTGRES_PASSWORD']).ports).toEqual([5432]);
  });

  it('shell images without a command exit 0 at once; curl exits 2', () => {
    expect(processModel('busybox:1.36')).toMatchObject({ exitAfterMs: 10, exitCode: 0 });
    expect(processModel('alpine:3.21')).toMatchObject({ exitAfterMs: 10, exitCode: 0 });
    expect(processModel('curlimages/curl')).toMatchObject({ exitAfterMs: 10, exitCode: 2 });
  });

  it('sleep N, exit N, echo, sleep N; exit M', () => {
    expect(sh('sleep 30')).toMatchObject({ exitAfterMs: 30_010, exitCode: 0 });
    expect(sh('sleep 30').stopExitCode).toBeUndefined();
    expect(sh('exit 3')).toMatchObject({ exitAfterMs: 10, exitCode: 3 });
    expect(sh('sleep 5; exit 2')).toMatchObject({ exitAfterMs: 5010, exitCode: 2 });
    expect(sh('echo "hello world"; false')).toMatchObject({ exitCode: 1, lines: [{ atMs: 0, text: 'hello world' }] });
    expect(processModel('busybox', ['sleep', 'infinity']).exitAfterMs).toBeUndefined();
    expect(processModel('busybox', ['sleep', '3600'])).toMatchObject({ exitAfterMs: 3_600_010 });
  });

  it('while true loops run forever and repeat their body every pass', () => {
    const p = sh('echo start; while true; do echo tick; sleep 5; done');
    expect(p.exitAfterMs).toBeUndefined();
    expect(p.stopExitCode).toBeUndefined();
    expect(p.loop).toEqual({ startMs: 0, periodMs: 5000, lines: [{ atMs: 0, text: 'tick' }], files: [] });
  });

  it('files: the liveness exec example creates and later removes /tmp/healthy', () => {
    const p = sh('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600');
    expect(fileExists(p, '/tmp/healthy', 1)).toBe(true);
    expect(fileExists(p, '/tmp/healthy', 30_000)).toBe(true);
    expect(fileExists(p, '/tmp/healthy', 30_001)).toBe(false);
    expect(fileExists(sh('echo ok > /tmp/ready; sleep 9999'), '/tmp/ready', 1)).toBe(true);
  });

  it('splits like a shell: quotes, ;, &&, newlines', () => {
    expect(splitStatements(`echo 'a; b' && sleep 1\nexit 4`)).toEqual([['echo', 'a; b'], ['sleep', '1'], ['exit', '4']]);
  });

  it('python -m http.server listens on 8000 and waits for SIGKILL; unknown apps run and die of SIGTERM (143)', () => {
    expect(processModel('python:3.12', ['python', '-m', 'http.server'])).toMatchObject({ ports: [8000] });
    expect(processModel('python:3.12', ['python', '-m', 'http.server']).stopExitCode).toBeUndefined();
    expect(processModel('node:22', ['node', 'server.js'])).toMatchObject({ stopExitCode: 143, ports: [] });
  });

  it('args without a command are flags of an image whose entrypoint is its server', () => {
    expect(processModel('hashicorp/http-echo:1.0', [], ['-text=cart'])).toMatchObject({ ports: [5678], stopExitCode: 0 });
    expect(processModel('hashicorp/http-echo:1.0', [], ['-listen=:8080', '-text=hi'])).toMatchObject({ ports: [8080] });
    expect(processModel('registry.k8s.io/e2e-test-images/agnhost:2.52', [], ['netexec', '--http-port=9376'])).toMatchObject({ ports: [9376] });
    expect(processModel('registry.k8s.io/e2e-test-images/agnhost:2.52', [], ['netexec'])).toMatchObject({ ports: [8080] });
    // nginx's entrypoint is a shell script that runs its arguments: they are the command.
    expect(processModel('nginx:1.27', [], ['sleep', '10'])).toMatchObject({ ports: [] });
  });
});

describe('simulateProbe (exec)', () => {
  it('cat of a file, true/false, unknown commands, timeouts', async () => {
    const { simulateProbe } = await import('./prober.ts');
    const proc = processModel('busybox:1.36', ['sh', '-c', 'touch /tmp/healthy; sleep 3600']);
    const c = { name: 'c' };
    const run = (command: string[], timeoutSeconds?: number, forced = false) => simulateProbe({ exec: { command }, timeoutSeconds }, c, proc, 5_000, '10.244.1.2', forced);
    expect(run(['cat', '/tmp/healthy'])).toEqual({ ok: true, output: '' });
    expect(run(['cat', '/tmp/healthy'], 1, true)).toEqual({ ok: false, output: "cat: can't open '/tmp/healthy': No such file or directory" });
    expect(run(['cat', '/tmp/other'])).toEqual({ ok: false, output: "cat: can't open '/tmp/other': No such file or directory" });
    expect(run(['sh', '-c', 'test -f /tmp/healthy && true'])).toEqual({ ok: true, output: '' });
    expect(run(['false'])).toEqual({ ok: false, output: '' });
    expect(run(['/bin/healthcheck'])).toEqual({
      ok: false, output: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/healthcheck": executable file not found in $PATH: unknown',
    });
    expect(run(['sleep', '5'])).toEqual({ ok: false, output: 'command "sleep 5" timed out' });
    expect(run(['sleep', '5'], 10)).toEqual({ ok: true, output: '' });
  });
});
