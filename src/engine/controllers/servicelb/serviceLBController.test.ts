import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/testCluster.ts';
import type { KubeObject } from '../../types.ts';
// The engine layer does not import src/i18n: the templates are read at run time to check them
// against the summaries the engine writes.
const en = ((await import(`../../../i18n/en/narration/${'services'}.ts`)) as { default: Record<string, string> }).default;
const ko = ((await import(`../../../i18n/ko/narration/${'services'}.ts`)) as { default: Record<string, string> }).default;

type Obj = Record<string, unknown>;
const PATH = '/api/v1/namespaces/default/services';
const lbSpec = { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80 }] };

function setup() {
  const c = new TestCluster({ workers: 1 });
  const post = (name: string, spec: Obj = lbSpec) => c.cluster.handle({ verb: 'POST', path: PATH, body: { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec } });
  const svc = (name: string) => c.get(`${PATH}/${name}`).body as KubeObject & { status: Obj };
  const svcEvents = (name: string) =>
    c
      .events()
      .filter((e) => (e.involvedObject as Obj).kind === 'Service' && (e.involvedObject as Obj).name === name)
      .map((e) => `${e.type as string} ${e.reason as string} ${e.message as string} [${((e.source as Obj)?.component as string) ?? ''}]`);
  return { c, post, svc, svcEvents };
}

describe('service-lb controller', () => {
  it('ensures a load balancer: event, then after 2 s the IP in status and EnsuredLoadBalancer', () => {
    const { c, post, svc, svcEvents } = setup();
    expect(post('web').code).toBe(201);
    c.runFor(1000);
    expect(svc('web').status).toEqual({ loadBalancer: {} });
    expect(svcEvents('web')).toEqual(['Normal EnsuringLoadBalancer Ensuring load balancer [service-controller]']);
    c.runFor(2000);
    expect(svc('web').status).toEqual({ loadBalancer: { ingress: [{ ip: '172.18.255.201', ipMode: 'VIP' }] } });
    expect(svcEvents('web')).toEqual([
      'Normal EnsuringLoadBalancer Ensuring load balancer [service-controller]',
      'Normal EnsuredLoadBalancer Ensured load balancer [service-controller]',
    ]);
  });

  it('hands out the lowest free IP and reuses a released one', () => {
    const { c, post, svc } = setup();
    post('a');
    post('b');
    post('plain', { selector: { app: 'web' }, ports: [{ port: 80 }] });
    c.runFor(3000);
    const ip = (n: string) => ((svc(n).status.loadBalancer as Obj).ingress as Obj[] | undefined)?.[0]?.ip;
    expect([ip('a'), ip('b'), ip('plain')]).toEqual(['172.18.255.201', '172.18.255.202', undefined]);
    c.cluster.handle({ verb: 'DELETE', path: `${PATH}/a` });
    c.runFor(100);
    post('c');
    c.runFor(3000);
    expect(ip('c')).toBe('172.18.255.201');
  });

  it('changing the type away deletes the load balancer and clears the status', () => {
    const { c, post, svc, svcEvents } = setup();
    post('web');
    c.runFor(3000);
    const r = c.cluster.handle({ verb: 'PATCH', path: `${PATH}/web`, body: { spec: { type: 'ClusterIP' } }, patchType: 'application/merge-patch+json' });
    expect(r.code).toBe(200);
    c.runFor(1000);
    expect(svc('web').status).toEqual({ loadBalancer: {} });
    expect(svcEvents('web').slice(2)).toEqual([
      'Normal DeletingLoadBalancer Deleting load balancer [service-controller]',
      'Normal DeletedLoadBalancer Deleted load balancer [service-controller]',
    ]);
  });

  it('records the provisioning as an ensureLoadBalancer span at the controller-manager', () => {
    const { c, post } = setup();
    post('web');
    c.runFor(3000);
    const span = c.spans.find((s) => s.kind === 'ensureLoadBalancer');
    expect(span).toMatchObject({ from: 'controller-manager', to: 'controller-manager', duration: 2000, args: { service: 'web', namespace: 'default', ip: '172.18.255.201' } });
    expect(span!.summary).toBe('The service controller provisions a load balancer for Service default/web at 172.18.255.201.');
    // The English narration template renders the same sentence; Korean has the same key.
    expect(en.ensureLoadBalancer!.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(span!.args[k]))).toBe(span!.summary);
    expect(Object.keys(ko)).toEqual(Object.keys(en));
  });
});
