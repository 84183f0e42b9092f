import { describe, expect, it } from 'vitest';
import { describeProbe } from './describePod.ts';
import { withDeployment } from './testing.ts';

const PROBES = `        livenessProbe:
          httpGet:
            path: /healthz
            port: 80
        readinessProbe:
          tcpSocket:
            port: 80
          periodSeconds: 5
`;

describe('kubectl describe deployment|replicaset', () => {
  it('describe deployment: replicas, strategy, pod template with probes, conditions, replica sets', async () => {
    const h = await withDeployment({ extra: PROBES });
    const out = (await h.k('describe deployment web')).stdout.split('\n');
    expect(out.slice(0, 5)).toEqual([
      'Name:                   web',
      'Namespace:              default',
      'CreationTimestamp:      Thu, 01 Jan 2026 00:00:00 +0000',
      'Labels:                 <none>',
      'Annotations:            deployment.kubernetes.io/revision: 1',
    ]);
    expect(out.slice(5, 27)).toEqual([
      'Selector:               app=web',
      'Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable',
      'StrategyType:           RollingUpdate',
      'MinReadySeconds:        0',
      'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
      'Pod Template:',
      '  Labels:  app=web',
      '  Containers:',
      '   nginx:',
      '    Image:         nginx:1.27',
      '    Port:          80/TCP',
      '    Host Port:     0/TCP',
      '    Liveness:      http-get http://:80/healthz delay=0s timeout=1s period=10s #success=1 #failure=3',
      '    Readiness:     tcp-socket :80 delay=0s timeout=1s period=5s #success=1 #failure=3',
      '    Environment:   <none>',
      '    Mounts:        <none>',
      '  Volumes:         <none>',
      '  Node-Selectors:  <none>',
      '  Tolerations:     <none>',
      'Conditions:',
      '  Type           Status  Reason',
      '  ----           ------  ------',
    ]);
    const rs = (await h.k('get rs -o name')).stdout.trim().slice('replicaset.apps/'.length);
    expect(out).toContain('OldReplicaSets:  <none>');
    expect(out).toContain(`NewReplicaSet:   ${rs} (3/3 replicas created)`);
    expect(out.find((l) => l.includes('ScalingReplicaSet'))).toMatch(new RegExp(`^  Normal  ScalingReplicaSet  \\d+s +deployment-controller  Scaled up replica set ${rs} from 0 to 3$`));
  });

  it('describe replicaset: Controlled By, Replicas, Pods Status', async () => {
    const h = await withDeployment();
    const rs = (await h.k('get rs -o name')).stdout.trim();
    const out = (await h.k(`describe ${rs}`)).stdout.split('\n');
    expect(out[0]).toBe(`Name:           ${rs.slice('replicaset.apps/'.length)}`);
    expect(out[2]).toMatch(/^Selector: {7}app=web,pod-template-hash=[a-z0-9]+$/);
    expect(out).toContain('Controlled By:  Deployment/web');
    expect(out).toContain('Replicas:       3 current / 3 desired');
    expect(out).toContain('Pods Status:    3 Running / 0 Waiting / 0 Succeeded / 0 Failed');
    expect(out.filter((l) => l.includes('SuccessfulCreate'))).toHaveLength(3);
    const pod = (await h.k('get pods -o name')).stdout.split('\n')[0]!;
    expect((await h.k(`describe ${pod}`)).stdout).toContain(`\nControlled By:  ReplicaSet/${rs.slice('replicaset.apps/'.length)}\n`);
  });

  it('DescribeProbe formats every handler', () => {
    const base = { initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };
    expect(describeProbe({ ...base, exec: { command: ['cat', '/tmp/healthy'] } })).toBe('exec [cat /tmp/healthy] delay=5s timeout=1s period=10s #success=1 #failure=3');
    expect(describeProbe({ ...base, httpGet: { scheme: 'HTTPS', host: '10.0.0.1', port: 'http', path: '/ready' } })).toBe('http-get https://10.0.0.1:http/ready delay=5s timeout=1s period=10s #success=1 #failure=3');
    expect(describeProbe({ ...base, tcpSocket: { port: 5432 } })).toBe('tcp-socket :5432 delay=5s timeout=1s period=10s #success=1 #failure=3');
  });
});
