import { describe, expect, it } from 'vitest';
import { harness } from './testing.ts';

describe('kubectl create service', () => {
  it('builds the Service as create_service.go does (labels/selector app=NAME, ports named port-target)', async () => {
    const h = harness();
    expect((await h.k('create service clusterip web --tcp=80:8080,443:https --dry-run=client -o yaml')).stdout).toBe(
      [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  labels:',
        '    app: web',
        '  name: web',
        'spec:',
        '  ports:',
        '  - name: 80-8080',
        '    port: 80',
        '    protocol: TCP',
        '    targetPort: 8080',
        '  - name: 443-https',
        '    port: 443',
        '    protocol: TCP',
        '    targetPort: https',
        '  selector:',
        '    app: web',
        '  type: ClusterIP',
        'status:',
        '  loadBalancer: {}',
        '',
      ].join('\n'),
    );
    const np = (await h.k('create service nodeport np --tcp=80 --node-port=30080 -n kube-system --dry-run=client -o json')).stdout;
    expect(JSON.parse(np)).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { labels: { app: 'np' }, name: 'np', namespace: 'kube-system' },
      spec: { ports: [{ name: '80', nodePort: 30080, port: 80, protocol: 'TCP', targetPort: 80 }], selector: { app: 'np' }, type: 'NodePort' },
      status: { loadBalancer: {} },
    });
    expect((await h.k('create service clusterip db --clusterip=None --dry-run=client -o yaml')).stdout).toContain('spec:\n  clusterIP: None\n  selector:\n    app: db\n  type: ClusterIP\n');
    expect((await h.k('create svc externalname ext --external-name db.example.com --dry-run=client -o yaml')).stdout).toContain(
      'spec:\n  externalName: db.example.com\n  selector:\n    app: ext\n  type: ExternalName\n',
    );
  });

  it('creates the Service through the API server and prints service/NAME created', async () => {
    const h = harness();
    expect((await h.k('create service clusterip web --tcp=80:8080')).stdout).toBe('service/web created\n');
    expect((await h.k('create svc loadbalancer lb --tcp=80 -o name')).stdout).toBe('service/lb\n');
    expect((await h.k('create service nodeport np --tcp=80 --dry-run=server')).stdout).toBe('service/np created (server dry run)\n');
    expect((await h.k('create service clusterip x --tcp=80 --dry-run=client')).stdout).toBe('service/x created (dry run)\n');
    const svc = JSON.parse((await h.k('get svc web -o json')).stdout);
    expect(svc.spec.selector).toEqual({ app: 'web' });
    expect(svc.spec.ports[0]).toMatchObject({ name: '80-8080', port: 80, protocol: 'TCP', targetPort: 8080 });
    expect((await h.k('get svc np')).stderr).toBe('Error from server (NotFound): services "np" not found\n');
    expect((await h.k('create service clusterip web --tcp=80')).stderr).toBe('error: failed to create ClusterIP service: services "web" already exists\n');
  });

  it('answers bad input with the upstream messages', async () => {
    const h = harness();
    const err = async (line: string) => (await h.k(line)).stderr;
    expect(await err('create service clusterip web')).toBe('error: at least one tcp port specifier must be provided\n');
    expect(await err('create service clusterip')).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create service clusterip -h' for help and examples\n");
    expect(await err('create service clusterip web --tcp=abc')).toBe('error: strconv.ParseUint: parsing "abc": invalid syntax\n');
    expect(await err('create service clusterip web --tcp=70000')).toBe('error: strconv.ParseUint: parsing "70000": value out of range\n');
    expect(await err('create service clusterip web --tcp=80:0')).toBe('error: must be between 1 and 65535, inclusive\n');
    expect(await err('create service clusterip web --tcp=80:Http')).toBe('error: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)\n');
    expect(await err('create service externalname ext')).toBe('error: required flag(s) "external-name" not set\n');
    expect(await err('create service externalname ext --external-name=Bad_Name')).toBe('error: invalid service external name Bad_Name\n');
    expect(await err('create service loadbalancer lb --tcp=80 --node-port=30000')).toBe("error: unknown flag: --node-port\nSee 'kubectl create service loadbalancer --help' for usage.\n");
    expect(await err('create service foo web')).toBe('error: unknown command "foo" for "kubectl create service"\nSee \'kubectl create service -h\' for help and examples\n');
    const bare = await h.k('create service');
    expect(bare.exitCode).toBe(1);
    expect(bare.stderr).toContain('Available Commands:\n  clusterip       Create a ClusterIP service\n  externalname    Create an ExternalName service\n');
    expect((await h.k('create service nodeport --help')).stdout).toContain('Usage:\n  kubectl create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]\n');
  });
});
