import { describe, expect, it } from 'vitest';
import { execArgv, DASH } from './exec.ts';
import { harness } from './testing.ts';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        env:
        - name: MODE
          valueFrom:
            configMapKeyRef:
              name: app-config
              key: MODE
        - name: GREETING
          value: hello-$(MODE)
        volumeMounts:
        - name: conf
          mountPath: /etc/app
      volumes:
      - name: conf
        configMap:
          name: app-config
          optional: true
`;

/** The pod line of `get pods` (one pod). */
async function podLine(h: Awaited<ReturnType<typeof deployed>>): Promise<string> {
  return (await h.k('get pods')).stdout.split('\n')[1]!;
}

async function deployed() {
  const h = harness();
  h.files['d.yaml'] = DEPLOY;
  expect((await h.k('apply -f d.yaml')).exitCode).toBe(0);
  h.cluster.runFor(20_000);
  return h;
}

describe('execArgv', () => {
  it('drops -i/-t before -- and marks the dash', () => {
    expect(execArgv(['-it', 'web', '--', 'sh', '-c', 'ls'])).toEqual(['web', '--', DASH, 'sh', '-c', 'ls']);
    expect(execArgv(['web', 'ls'])).toEqual(['web', 'ls']);
  });
});

describe('kubectl exec', () => {
  it('a Deployment waits in CreateContainerConfigError until its ConfigMap exists, then exec shows the env and files', async () => {
    const h = await deployed();
    const line = await podLine(h);
    expect(line).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5} +0\/1 +CreateContainerConfigError +0 +\d+s$/);
    const pod = line.split(' ')[0]!;
    const events = await h.k('get events --field-selector reason=Failed -o name');
    expect(events.exitCode).toBe(0);
    const describe = await h.k(`describe pod ${pod}`);
    expect(describe.stdout).toContain('Error: configmap "app-config" not found');
    expect(await h.k(`exec ${pod} -- env`)).toEqual({ stdout: '', stderr: 'error: unable to upgrade connection: container not found ("nginx")\n', exitCode: 1 });
    expect((await h.k('create configmap app-config --from-literal=MODE=blue')).exitCode).toBe(0);
    h.cluster.runFor(15_000);
    expect(await podLine(h)).toMatch(/ 1\/1 +Running +0 /);
    const env = await h.k('exec deploy/web -- env');
    expect(env.exitCode).toBe(0);
    expect(env.stdout).toContain('\nMODE=blue\nGREETING=hello-blue\n');
    expect(env.stdout.startsWith(`PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=${pod}\n`)).toBe(true);
    expect(await h.k(`exec ${pod} -- printenv MODE`)).toEqual({ stdout: 'blue\n', stderr: '', exitCode: 0 });
    // The optional volume was mounted empty; the kubelet's next sync (60 s) writes the file.
    expect(await h.k(`exec ${pod} -- ls /etc/app`)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    h.cluster.runFor(60_000);
    expect(await h.k(`exec ${pod} -- cat /etc/app/MODE`)).toEqual({ stdout: 'blue', stderr: '', exitCode: 0 });
    expect(await h.k(`exec ${pod} -- ls /var/run/secrets/kubernetes.io/serviceaccount`)).toEqual({ stdout: 'ca.crt\nnamespace\ntoken\n', stderr: '', exitCode: 0 });
    expect(await h.k(`exec ${pod} -- hostname`)).toEqual({ stdout: `${pod}\n`, stderr: '', exitCode: 0 });
    // The env never changes in a running container; the mounted file follows after the sync.
    await h.k('delete configmap app-config');
    await h.k('create configmap app-config --from-literal=MODE=green');
    h.cluster.runFor(61_000);
    expect((await h.k(`exec ${pod} -- printenv MODE`)).stdout).toBe('blue\n');
    expect((await h.k(`exec ${pod} -- cat /etc/app/MODE`)).stdout).toBe('green');
  });

  it('answers errors as kubectl does', async () => {
    const h = await deployed();
    await h.k('create configmap app-config --from-literal=MODE=x');
    h.cluster.runFor(15_000);
    const pod = (await podLine(h)).split(' ')[0]!;
    expect(await h.k(`exec ${pod} -- cat /nope`)).toEqual({ stdout: '', stderr: 'cat: /nope: No such file or directory\ncommand terminated with exit code 1\n', exitCode: 1 });
    expect(await h.k(`exec ${pod} -- ls /nope`)).toEqual({ stdout: '', stderr: "ls: cannot access '/nope': No such file or directory\ncommand terminated with exit code 2\n", exitCode: 2 });
    const ps = await h.k(`exec ${pod} -- ps`);
    expect(ps.stderr).toMatch(/^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "ps": executable file not found in \$PATH: unknown\n$/);
    expect(ps.exitCode).toBe(1);
    expect(await h.k(`exec ${pod} ls`)).toEqual({ stdout: '', stderr: "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n", exitCode: 1 });
    expect((await h.k(`exec ${pod}`)).stderr).toBe('error: you must specify at least one command for the container\n');
    expect((await h.k('exec -- ls')).stderr).toBe('error: pod, type/name or --filename must be specified\n');
    expect((await h.k(`exec ${pod} -c nope -- ls`)).stderr).toBe(`Error from server (BadRequest): container nope is not valid for pod ${pod}\n`);
    expect((await h.k('exec nope -- ls')).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});
