import { describe, expect, it } from 'vitest';
import { harness } from './testing.ts';

describe('kubectl create ingress', () => {
  it('builds rules, TLS and the default backend as create_ingress.go does (path* is Prefix, else Exact)', async () => {
    const h = harness();
    const r = await h.run([
      'create', 'ingress', 'shop', '--class=nginx',
      '--rule=shop.example.com/*=web:80',
      '--rule=shop.example.com/api=api:http,tls=shop-tls',
      '--rule=/status=status:8080',
      '--default-backend=fallback:80',
      '--annotation', 'nginx.ingress.kubernetes.io/rewrite-target=/',
      '--dry-run=client', '-o', 'yaml',
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'apiVersion: networking.k8s.io/v1',
        'kind: Ingress',
        'metadata:',
        '  annotations:',
        '    nginx.ingress.kubernetes.io/rewrite-target: /',
        '  name: shop',
        'spec:',
        '  defaultBackend:',
        '    service:',
        '      name: fallback',
        '      port:',
        '        number: 80',
        '  ingressClassName: nginx',
        '  rules:',
        '  - host: shop.example.com',
        '    http:',
        '      paths:',
        '      - backend:',
        '          service:',
        '            name: web',
        '            port:',
        '              number: 80',
        '        path: /',
        '        pathType: Prefix',
        '      - backend:',
        '          service:',
        '            name: api',
        '            port:',
        '              name: http',
        '        path: /api',
        '        pathType: Exact',
        '  - http:',
        '      paths:',
        '      - backend:',
        '          service:',
        '            name: status',
        '            port:',
        '              number: 8080',
        '        path: /status',
        '        pathType: Exact',
        '  tls:',
        '  - hosts:',
        '    - shop.example.com',
        '    secretName: shop-tls',
        'status:',
        '  loadBalancer: {}',
        '',
      ].join('\n'),
    );
  });

  it('creates the Ingress and prints ingress.networking.k8s.io/NAME created', async () => {
    const h = harness();
    expect((await h.k('create ingress shop --rule=shop.example.com/=web:80')).stdout).toBe('ingress.networking.k8s.io/shop created\n');
    expect((await h.k('create ing shop2 --rule=/*=web:80,tls --dry-run=client')).stdout).toBe('ingress.networking.k8s.io/shop2 created (dry run)\n');
    const ing = JSON.parse((await h.k('get ingress shop -o json')).stdout);
    expect(ing.spec.rules).toEqual([{ host: 'shop.example.com', http: { paths: [{ backend: { service: { name: 'web', port: { number: 80 } } }, path: '/', pathType: 'Exact' }] } }]);
    expect((await h.k('create ingress shop --rule=a.com/=web:80')).stderr).toBe('error: failed to create ingress: ingresses.networking.k8s.io "shop" already exists\n');
  });

  it('answers bad input with the upstream messages', async () => {
    const h = harness();
    const err = async (line: string) => (await h.k(line)).stderr;
    expect(await err('create ingress shop')).toBe(
      'error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)\n',
    );
    expect(await err('create ingress shop --rule=shop.example.com=web:80')).toBe(
      'error: rule shop.example.com=web:80 is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]\n',
    );
    expect(await err('create ingress shop --rule=/=web:80 --annotation=foo')).toBe('error: annotation foo is invalid and should be in format key=[value]\n');
    expect(await err('create ingress shop --default-backend=web')).toBe('error: default-backend should be in format servicename:serviceport\n');
    expect(await err('create ingress --rule=/=web:80')).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create ingress -h' for help and examples\n");
    expect(await err('create ingress shop --rule=/=web:80 --tcp=80')).toBe("error: unknown flag: --tcp\nSee 'kubectl create ingress --help' for usage.\n");
    expect((await h.k('create ingress --help')).stdout).toContain('Usage:\n  kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]]  [options]\n');
  });
});
