import { describe, expect, it } from 'vitest';
import type { SimActions } from '../engine/types.ts';
import type { KubectlIO } from '../kubectl/types.ts';
import { formatJson, formatText, parseLine, runScript, runScriptLine, type ScriptHost } from './index.ts';

function fakeHost() {
  let now = 0;
  const calls: string[] = [];
  const io: KubectlIO = {
    request: (req) => {
      calls.push(`${req.verb} ${req.path}`);
      return { code: 404, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', message: 'pods "x" not found', code: 404 } };
    },
    watch: () => () => {},
    trace: () => {},
    nowMs: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    readFile: () => undefined,
  };
  const sim: SimActions = {
    nodeAdd: (name, opts) => (calls.push(`nodeAdd ${name} ${JSON.stringify(opts)}`), { ok: true, message: `node/${name} joined` }),
    imagePush: (image, opts) => (calls.push(`imagePush ${image} ${JSON.stringify(opts)}`), { ok: false, message: 'registry full' }),
    containerKill: (pod, opts) => (calls.push(`containerKill ${pod} ${JSON.stringify(opts)}`), { ok: true, message: '' }),
    probeFail: (pod, opts) => (calls.push(`probeFail ${pod} ${JSON.stringify(opts)}`), { ok: true, message: '' }),
  };
  const host: ScriptHost = { io, sim, now: () => now };
  return { host, calls };
}

describe('script lines', () => {
  it('parses sim node add with all flags', () => {
    expect(parseLine('sim node add gpu-1 --cpu 8 --memory=32Gi --pods 50 --labels gpu=true,zone=a --taints gpu=yes:NoSchedule,dedicated:NoExecute')).toEqual({
      kind: 'sim',
      cmd: {
        kind: 'nodeAdd',
        name: 'gpu-1',
        opts: {
          cpu: '8',
          memory: '32Gi',
          pods: 50,
          labels: { gpu: 'true', zone: 'a' },
          taints: [
            { key: 'gpu', value: 'yes', effect: 'NoSchedule' },
            { key: 'dedicated', effect: 'NoExecute' },
          ],
        },
      },
    });
  });

  it('runs sleep, sim and kubectl lines and records the virtual time', async () => {
    const { host, calls } = fakeHost();
    expect(await runScriptLine('sleep 1h30m', host)).toEqual({ line: 'sleep 1h30m', stdout: '', stderr: '', exitCode: 0, at: 5_400_000 });
    expect(await runScriptLine('sim node add w9 --cpu 4', host)).toMatchObject({ stdout: 'node/w9 joined\n', exitCode: 0 });
    expect(await runScriptLine('sim image push registry.local/app:v2 --size 80Mi', host)).toMatchObject({ stderr: 'registry full\n', exitCode: 1 });
    expect(await runScriptLine('kubectl get pod x', host)).toMatchObject({ stderr: 'Error from server (NotFound): pods "x" not found\n', exitCode: 1 });
    expect(calls).toEqual(['nodeAdd w9 {"cpu":"4"}', 'imagePush registry.local/app:v2 {"size":"80Mi"}', 'GET /api/v1/namespaces/default/pods/x']);
    expect(await runScriptLine('# comment', host)).toBeUndefined();
  });

  it('answers later sim commands with a clear error and exit code 1', async () => {
    const { host } = fakeHost();
    for (const line of ['sim node fail worker-1', 'sim node recover worker-1', 'sim traffic service/web --rps 10 --for 30s']) {
      const r = await runScriptLine(line, host);
      expect(r?.exitCode).toBe(1);
      expect(r?.stderr).toMatch(/^error: sim (node fail|node recover|traffic) is not available in this version of the simulator yet\n$/);
    }
  });

  it('parses sim traffic, refusing malformed lines', () => {
    expect(parseLine('sim traffic service/web --rps 10 --for 30s -n shop')).toEqual({
      kind: 'sim', cmd: { kind: 'traffic', target: 'service/web', rps: 10, forMs: 30_000, namespace: 'shop' },
    });
    expect(parseLine('sim traffic http://shop.example/cart --rps=2.5 --for=1m')).toEqual({
      kind: 'sim', cmd: { kind: 'traffic', target: 'http://shop.example/cart', rps: 2.5, forMs: 60_000 },
    });
    const usage = 'usage: sim traffic service/NAME|http://HOST[:PORT]/PATH --rps N --for DURATION [-n NAMESPACE]';
    expect(() => parseLine('sim traffic service/web --rps 10')).toThrow(usage);
    expect(() => parseLine('sim traffic --rps 10 --for 10s')).toThrow(usage);
    expect(() => parseLine('sim traffic service/web --rps ten --for 10s')).toThrow('invalid --rps "ten": expected a number of requests per second');
    expect(() => parseLine('sim traffic service/web --rps 10 --for 0s')).toThrow('invalid --for "0s": must be greater than 0');
  });

  it('runs sim traffic: starts, lets --for pass, stops and prints the table; engine errors exit 1', async () => {
    const { host, calls } = fakeHost();
    host.sim.trafficStart = (target, opts) => {
      calls.push(`start ${target} ${JSON.stringify(opts)} at ${host.now()}`);
      return opts.rps > 1000 ? { ok: false, message: 'error: --rps must be at most 1000, got 5000' } : { ok: true, message: '', id: 4 };
    };
    host.sim.trafficStop = (id) => {
      calls.push(`stop ${id} at ${host.now()}`);
      return {
        ok: true, message: '',
        status: {
          id, target: 'service/web', rps: 10, startedAt: 0, stoppedAt: 10_000, noEndpoint: 0, series: [],
          rows: [{ backend: 'web-7d4b9c8f5-x2x9q', requests: 34, failed: 0 }, { backend: 'web-7d4b9c8f5-k8s2m', requests: 33, failed: 1 }],
          total: { requests: 67, failed: 1 },
        },
      };
    };
    expect(await runScriptLine('sim traffic service/web --rps 10 --for 10s', host)).toEqual({
      line: 'sim traffic service/web --rps 10 --for 10s', exitCode: 0, stderr: '', at: 10_000,
      stdout: 'BACKEND               REQUESTS   FAILED\nweb-7d4b9c8f5-x2x9q   34         0\nweb-7d4b9c8f5-k8s2m   33         1\nno-endpoint           0          0\ntotal                 67         1\n',
    });
    expect(await runScriptLine('sim traffic service/web --rps 5000 --for 10s -n shop', host)).toMatchObject({ exitCode: 1, stdout: '', stderr: 'error: --rps must be at most 1000, got 5000\n' });
    expect(calls).toEqual(['start service/web {"rps":10,"forMs":10000} at 0', 'stop 4 at 10000', 'start service/web {"rps":5000,"forMs":10000,"namespace":"shop"} at 10000']);
  });

  it('runs sim node fail|recover when the cluster has them', async () => {
    const { host, calls } = fakeHost();
    host.sim.nodeFail = (name) => (calls.push(`nodeFail ${name}`), { ok: true, message: `node ${name} stopped` });
    host.sim.nodeRecover = (name) => (calls.push(`nodeRecover ${name}`), { ok: false, message: `node ${name} is not failed` });
    expect(await runScriptLine('sim node fail worker-1', host)).toMatchObject({ stdout: 'node worker-1 stopped\n', exitCode: 0 });
    expect(await runScriptLine('sim node recover worker-1', host)).toMatchObject({ stderr: 'node worker-1 is not failed\n', exitCode: 1 });
    expect(calls).toEqual(['nodeFail worker-1', 'nodeRecover worker-1']);
    expect(() => parseLine('sim node fail')).toThrow('usage: sim node fail NAME');
  });

  it('parses and runs sim container kill and sim probe fail|pass', async () => {
    const { host, calls } = fakeHost();
    expect(parseLine('sim container kill web-7d4b9-x2x9q -c app --exit-code 1 -n prod')).toEqual({
      kind: 'sim',
      cmd: { kind: 'containerKill', pod: 'web-7d4b9-x2x9q', opts: { namespace: 'prod', container: 'app', exitCode: 1 } },
    });
    expect(parseLine('sim container kill web')).toEqual({ kind: 'sim', cmd: { kind: 'containerKill', pod: 'web', opts: {} } });
    expect(parseLine('sim probe fail web --probe liveness -c app')).toEqual({
      kind: 'sim',
      cmd: { kind: 'probe', pod: 'web', opts: { probe: 'liveness', fail: true, container: 'app' } },
    });
    expect(await runScriptLine('sim container kill web --exit-code=2', host)).toMatchObject({ exitCode: 0, stdout: '' });
    expect(await runScriptLine('sim probe pass web --probe=readiness --namespace kube-system', host)).toMatchObject({ exitCode: 0 });
    expect(calls).toEqual(['containerKill web {"exitCode":2}', 'probeFail web {"probe":"readiness","fail":false,"namespace":"kube-system"}']);
    expect(() => parseLine('sim container kill')).toThrow('usage: sim container kill POD [-c CONTAINER] [--exit-code N] [-n NAMESPACE]');
    expect(() => parseLine('sim container kill web --exit-code -1')).toThrow('invalid --exit-code "-1": expected a whole number from 0 to 255');
    expect(() => parseLine('sim probe fail web')).toThrow('usage: sim probe fail|pass POD --probe liveness|readiness|startup [-c CONTAINER] [-n NAMESPACE]');
    expect(() => parseLine('sim probe fail web --probe ready')).toThrow('invalid --probe "ready": expected liveness, readiness or startup');
    expect(() => parseLine('sim probe flake web --probe liveness')).toThrow(/^unknown sim command/);
  });
});

describe('runScript', () => {
  it('stops before running anything when a line is malformed, naming the line (exit 2)', async () => {
    const { host, calls } = fakeHost();
    const r = await runScript('kubectl get pods\n\n# c\nsleep forever\n', host);
    expect(r).toEqual({ results: [], exitCode: 2, error: 'line 4: time: invalid duration "forever": sleep forever' });
    expect(calls).toEqual([]);
    expect((await runScript("kubectl get 'pods\n", host)).error).toBe("line 1: unterminated quoted string: kubectl get 'pods");
    expect((await runScript('helm install x\n', host)).error).toBe('line 1: unknown command "helm": expected kubectl, sleep or sim: helm install x');
  });

  it('formats text and JSON output', async () => {
    const { host } = fakeHost();
    const r = await runScript('sleep 500ms\nsim node add w9\n', host);
    expect(formatText(r.results)).toBe('$ sleep 500ms\n$ sim node add w9\nnode/w9 joined\n');
    expect(JSON.parse(formatJson(r.results))).toEqual([
      { line: 'sleep 500ms', stdout: '', stderr: '', exitCode: 0, at: 500 },
      { line: 'sim node add w9', stdout: 'node/w9 joined\n', stderr: '', exitCode: 0, at: 500 },
    ]);
  });
});
