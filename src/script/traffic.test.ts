/** `sim traffic` and in-pod networking end to end: createCluster, the script runner, kube-proxy, the kubelets. */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine/index.ts';
import { hostForCluster } from './clusterHost.ts';
import { runScript, type ScriptLineResult } from './index.ts';

const FILES: Record<string, string> = {
  'web.yaml': `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
    targetPort: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
  - name: box
    image: busybox:1.37
    command: ["sleep", "infinity"]
`,
  'ingress.yaml': `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
  - host: shop.example
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
`,
};

const SCRIPT = `
kubectl apply -f web.yaml
sleep 30s
sim traffic service/web --rps 10 --for 10s
kubectl exec debug -- wget -qO- http://web
kubectl exec debug -- nslookup web
kubectl scale deployment web --replicas=0
sleep 30s
sim traffic service/web --rps 10 --for 10s
kubectl exec debug -- wget -qO- http://web
`;

async function run(seed: number): Promise<ScriptLineResult[]> {
  const cluster = createCluster({ seed, workers: 3 });
  const r = await runScript(SCRIPT, hostForCluster(cluster, (p) => FILES[p]));
  expect(r.exitCode).toBe(0);
  return r.results;
}

/** Rows of a `sim traffic` table: [backend, requests, failed]. */
const rows = (out: string) => out.trim().split('\n').slice(1).map((l) => l.split(/\s+/));

describe('sim traffic end to end', () => {
  it('spreads over the 3 pods with none failed, then finds no endpoint once scaled to 0; exec reaches the Service', async () => {
    const res = await run(1);
    const [, , spread, wget, ns, , , none, refused] = res;
    const r = rows(spread!.stdout);
    expect(r).toHaveLength(5);
    expect(r.slice(0, 3).every(([pod, req, failed]) => /^web-[a-z0-9]+-[a-z0-9]{5}$/.test(pod!) && Number(req) > 0 && failed === '0')).toBe(true);
    expect(r.slice(3)).toEqual([['no-endpoint', '0', '0'], ['total', '100', '0']]);
    expect(wget!.stdout).toContain('<title>Welcome to nginx!</title>');
    expect(ns!.stdout).toMatch(/^Server:\t\t10\.96\.0\.10\nAddress:\t10\.96\.0\.10:53\n\nName:\tweb\.default\.svc\.cluster\.local\nAddress: 10\.\d+\.\d+\.\d+\n\n$/);
    expect(none!.stdout).toBe('BACKEND       REQUESTS   FAILED\nno-endpoint   100        100\ntotal         100        100\n');
    expect(refused!).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/^wget: can't connect to remote host \(10\.\d+\.\d+\.\d+\): Connection refused\ncommand terminated with exit code 1\n$/) });
  });

  it('is deterministic: same seed, same tables', async () => {
    const a = await run(5);
    const b = await run(5);
    expect(b.map((x) => x.stdout)).toEqual(a.map((x) => x.stdout));
  });

  it('goes through ingress-nginx for an Ingress host; other hosts find no rule', async () => {
    const cluster = createCluster({ seed: 2, workers: 3 });
    const spans: { from: string; to: string; kind: string }[] = [];
    cluster.onSpan((sp) => void (sp.kind === 'trafficRequest' || sp.kind === 'ingressRoute' || sp.kind === 'proxyForward' ? spans.push(sp) : undefined));
    const script = [
      'kubectl apply -f web.yaml', 'kubectl apply -f ingress.yaml', 'sleep 30s',
      'sim traffic http://shop.example/ --rps 10 --for 2s', 'sim traffic http://other.example/ --rps 10 --for 1s',
      "kubectl exec deploy/web -- curl -s -o /dev/null -w '%{http_code}' -H 'Host: shop.example' http://172.18.255.200/",
    ].join('\n');
    const r = await runScript(script, hostForCluster(cluster, (p) => FILES[p]));
    const [, , , shop, other, curl] = r.results;
    expect(rows(shop!.stdout).slice(-2)).toEqual([['no-endpoint', '0', '0'], ['total', '20', '0']]);
    expect(rows(other!.stdout)).toEqual([['no-endpoint', '10', '10'], ['total', '10', '10']]);
    expect(curl!.stdout).toBe('200');
    expect(spans.slice(0, 3).map((sp) => `${sp.from}→${sp.to}:${sp.kind}`)).toEqual(['client→ingress:trafficRequest', 'ingress→service:ingressRoute', 'service→runtime:proxyForward']);
  });

  it('a pod on a failed machine does not answer: its row counts every request it got as failed', async () => {
    const cluster = createCluster({ seed: 3, workers: 3 });
    const script = ['kubectl apply -f web.yaml', 'sleep 30s', 'sim node fail worker-1', 'sim traffic service/web --rps 30 --for 2s'].join('\n');
    const r = await runScript(script, hostForCluster(cluster, (p) => FILES[p]));
    const table = rows(r.results[3]!.stdout);
    const pods = table.slice(0, -2);
    const dead = pods.filter(([, req, failed]) => req === failed);
    expect(dead).toHaveLength(1);
    expect(pods.filter(([, , failed]) => failed === '0')).toHaveLength(pods.length - 1);
    expect(table.at(-1)).toEqual(['total', '60', dead[0]![2]]);
  });
});
