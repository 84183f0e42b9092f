import { describe, expect, it } from 'vitest';
import { deletePodLine, killContainerLine, probeLine, probesOf, scaleLine, undoLine } from './commands.ts';

describe('UI action command lines', () => {
  it('spell the kubectl and sim lines the terminal runs', () => {
    expect(deletePodLine('web-7d4b9-x2k4p', 'default')).toBe('kubectl delete pod web-7d4b9-x2k4p');
    expect(deletePodLine('api-1', 'shop')).toBe('kubectl delete pod api-1 -n shop');
    expect(scaleLine('deployment', 'web', 4)).toBe('kubectl scale deployment/web --replicas=4');
    expect(scaleLine('replicaset', 'web-7d4b9', -2, 'default')).toBe('kubectl scale replicaset/web-7d4b9 --replicas=0');
    expect(undoLine('web')).toBe('kubectl rollout undo deployment/web');
    expect(killContainerLine('web-1', 'nginx')).toBe('sim container kill web-1 -c nginx');
    expect(probeLine('web-1', 'nginx', 'readiness', true)).toBe('sim probe fail web-1 --probe readiness -c nginx');
    expect(probeLine('web-1', 'nginx', 'liveness', false, 'shop')).toBe('sim probe pass web-1 --probe liveness -c nginx -n shop');
  });

  it('refuses words that would need shell quoting', () => {
    expect(() => deletePodLine('a b')).toThrow(/not a Kubernetes name/);
    expect(() => killContainerLine('p', 'c;rm')).toThrow();
  });

  it('lists declared probes, startup first', () => {
    expect(probesOf({ readinessProbe: {}, livenessProbe: {}, startupProbe: {} })).toEqual(['startup', 'liveness', 'readiness']);
    expect(probesOf({})).toEqual([]);
  });
});
