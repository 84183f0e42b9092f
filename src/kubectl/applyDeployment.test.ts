import { describe, expect, it } from 'vitest';
import { harness } from './testing.ts';

const BAD = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: -1
  selector:
    matchLabels:
      app: web
  strategy:
    rollingUpdate:
      maxSurge: 0
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
`;

describe('kubectl apply: an invalid Deployment', () => {
  it('prints every upstream field error, marks each on its own line, and creates nothing', async () => {
    const h = harness();
    h.files['manifest.yaml'] = BAD;
    const r = await h.k('apply -f manifest.yaml');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'The Deployment "web" is invalid: \n' +
        '* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n' +
        '* spec.template.metadata.labels: Invalid value: {"app":"api"}: `selector` does not match template `labels`\n' +
        '* spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0\n',
    );
    const lines = (r.diagnostics ?? []).filter((d) => d.severity === 'error').map((d) => d.line);
    // replicas: -1 (line 6), template labels (line 17), maxUnavailable: 0 (line 13).
    expect(new Set(lines)).toEqual(new Set([6, 17, 13]));
    expect(h.cluster.handle({ verb: 'GET', path: '/apis/apps/v1/namespaces/default/deployments/web' }).code).toBe(404);
  });
});
