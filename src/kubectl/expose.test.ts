import { describe, expect, it } from 'vitest';
import { harness, withDeployment } from './testing.ts';

describe('kubectl expose', () => {
  it('exposes a Deployment: selector from matchLabels, port from the first containerPort, labels copied', async () => {
    const h = await withDeployment({ replicas: 2 });
    await h.k('label deployment web tier=frontend');
    expect((await h.k('expose deployment web --dry-run=client -o yaml')).stdout).toBe(
      [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  labels:',
        '    tier: frontend',
        '  name: web',
        'spec:',
        '  ports:',
        '  - port: 80',
        '    protocol: TCP',
        '    targetPort: 80',
        '  selector:',
        '    app: web',
        'status:',
        '  loadBalancer: {}',
        '',
      ].join('\n'),
    );
    expect((await h.k('expose deployment web --port=8080 --target-port=http --name=web-svc --type=NodePort -l app=web,team=a --dry-run=client -o json')).stdout).toBe(
      `{
    "apiVersion": "v1",
    "kind": "Service",
    "metadata": {
        "labels": {
            "app": "web",
            "team": "a"
        },
        "name": "web-svc"
    },
    "spec": {
        "ports": [
            {
                "port": 8080,
                "protocol": "TCP",
                "targetPort": "http"
            }
        ],
        "selector": {
            "app": "web"
        },
        "type": "NodePort"
    },
    "status": {
        "loadBalancer": {}
    }
}
`,
    );
    expect((await h.k('expose deployment/web --port=80')).stdout).toBe('service/web exposed\n');
    const svc = JSON.parse((await h.k('get svc web -o json')).stdout);
    expect(svc.spec.selector).toEqual({ app: 'web' });
    expect(svc.metadata.labels).toEqual({ tier: 'frontend' });
    expect((await h.k('expose deployment web --port=80')).stderr).toBe('Error from server (AlreadyExists): services "web" already exists\n');
    // A Service can be exposed again under another name, reusing its selector and port.
    expect((await h.k('expose svc web --name=web2 --port=443 --target-port=8443 --dry-run=server')).stdout).toBe('service/web2 exposed (server dry run)\n');
  });

  it('several container ports become port-1, port-2; a pod is selected by its labels', async () => {
    const h = harness();
    h.files['p.yaml'] = `apiVersion: v1
kind: Pod
metadata:
  name: multi
  labels:
    run: multi
spec:
  containers:
  - name: a
    image: nginx
    ports:
    - containerPort: 80
    - containerPort: 53
      protocol: UDP
`;
    expect((await h.k('apply -f p.yaml')).exitCode).toBe(0);
    const out = JSON.parse((await h.k('expose pod multi --dry-run=client -o json')).stdout);
    expect(out.spec).toEqual({
      ports: [
        { name: 'port-1', port: 80, protocol: 'TCP', targetPort: 80 },
        { name: 'port-2', port: 53, protocol: 'UDP', targetPort: 53 },
      ],
      selector: { run: 'multi' },
    });
    expect(out.metadata).toEqual({ labels: { run: 'multi' }, name: 'multi' });
    // -f: the object as written in the file.
    expect((await h.k('expose -f p.yaml --port=8080 --dry-run=client')).stdout).toBe('service/multi exposed (dry run)\n');
  });

  it('answers what cannot be exposed with the upstream messages', async () => {
    const h = harness();
    h.files['d.yaml'] = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: expr
spec:
  replicas: 0
  selector:
    matchLabels:
      app: expr
    matchExpressions:
    - key: tier
      operator: In
      values: [a, b]
  template:
    metadata:
      labels:
        app: expr
        tier: a
    spec:
      containers:
      - name: c
        image: nginx
`;
    h.files['p.yaml'] = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bare\nspec:\n  containers:\n  - name: c\n    image: nginx\n';
    await h.k('apply -f d.yaml');
    await h.k('apply -f p.yaml');
    const err = async (line: string) => (await h.k(line)).stderr;
    expect(await err('expose deployment expr --port=80')).toBe(
      'error: couldn\'t retrieve selectors via --selector flag or introspection: couldn\'t convert expressions - "[{Key:tier Operator:In Values:[a b]}]" to map-based selector format\n',
    );
    expect(await err('expose pod bare --port=80')).toBe("error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n");
    expect(await err('expose pod bare --selector=app=x')).toBe("error: couldn't find port via --port flag or introspection\n");
    expect(await err('expose pod bare --selector=app=x,tier --port=80')).toBe('error: unexpected label spec: tier\n');
    expect(await err('expose pod bare --selector=app=x --port=80 --session-affinity=Sticky')).toBe('error: unknown session affinity: Sticky\n');
    expect(await err('expose pod nope --port=80')).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(await err('expose namespace default --port=80')).toBe('error: cannot expose a Namespace\n');
    expect(await err('expose deployment')).toBe('error: resource(s) were provided, but no name was specified\n');
    expect((await h.k('expose')).stderr).toContain('error: You must provide one or more resources by argument or filename.\n');
    expect((await h.k('expose --help')).stdout).toContain('Usage:\n  kubectl expose (-f FILENAME | TYPE NAME) [--port=port]');
    expect((await h.k('help')).stdout).toContain('  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service\n');
  });
});
