/** `kubectl logs` shows the configuration the app read at start: `$VAR`s expanded, mounted files cat'd. */
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster.ts';
import { processModel } from './process.ts';

const manifest = (level: string) => `
apiVersion: v1
kind: ConfigMap
metadata:
  name: app
data:
  LOG_LEVEL: ${level}
  app.properties: |
    greeting=hello
    level=${level}
`;
const pod = `
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "echo \\"level=$LOG_LEVEL home=\${HOME}\\" '$LOG_LEVEL'; cat /etc/app/app.properties /etc/app/missing; sleep 3600"]
    envFrom:
    - configMapRef:
        name: app
    volumeMounts:
    - name: cfg
      mountPath: /etc/app
  volumes:
  - name: cfg
    configMap:
      name: app
`;

function logs(c: TestCluster): string[] {
  const res = c.cluster.handle({ verb: 'GET', path: '/api/v1/namespaces/default/pods/app/log' });
  return String(res.body).trimEnd().split('\n');
}

describe('startup logs', () => {
  it('expand $VAR outside single quotes and print mounted files as they were at start', () => {
    const c = new TestCluster({ workers: 1 });
    c.apply(manifest('debug'));
    c.apply(pod);
    c.runFor('30s');
    const first = logs(c);
    expect(first).toEqual([
      'level=debug home=/root $LOG_LEVEL',
      'greeting=hello',
      'level=debug',
      "cat: can't open '/etc/app/missing': No such file or directory",
    ]);
    // The ConfigMap changes and the volume catches up (60 s sync): what the app printed does not.
    c.apply(manifest('info'));
    c.runFor('90s');
    expect(logs(c)).toEqual(first);
  });

  it('pods with the same referenced values share one process model', () => {
    const vars = (v: string) => (n: string) => (n === 'X' ? v : undefined);
    const a = processModel('busybox:1.36', ['sh', '-c', 'echo $X; sleep 10'], [], ['X'], vars('1'));
    expect(processModel('busybox:1.36', ['sh', '-c', 'echo $X; sleep 10'], [], ['X'], vars('1'))).toBe(a);
    expect(processModel('busybox:1.36', ['sh', '-c', 'echo $X; sleep 10'], [], ['X'], vars('2'))).not.toBe(a);
  });
});
