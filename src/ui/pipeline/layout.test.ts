import { describe, expect, it } from 'vitest';
import { COMPACT, EDGES, ROOMY, STAGES, kubeletSize, routeOf, stageBoxes } from './layout.ts';

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('pipeline layout', () => {
  it('places every stage id of the DESIGN.md contract exactly once', () => {
    expect(stageBoxes(4).map((b) => b.id).sort()).toEqual([...STAGES].sort());
  });

  for (const [name, g] of [['roomy', ROOMY], ['compact', COMPACT]] as const)
  for (const n of [0, 1, 4, 7, 51, 500]) {
    it(`has no overlapping stages with ${n} nodes (${name})`, () => {
      const boxes = stageBoxes(n, g);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `${boxes[i]!.id} / ${boxes[j]!.id}`).toBe(false);
    });
  }

  it('grows the kubelet stage with the node count, then switches to a wide grid', () => {
    expect(kubeletSize(4).wide).toBe(false);
    expect(kubeletSize(4).height).toBeGreaterThan(kubeletSize(1).height);
    expect(kubeletSize(51).wide).toBe(true);
    // Names are capped, so 5,000 nodes are no taller than 60.
    expect(kubeletSize(5000).height).toBe(kubeletSize(61).height);
  });

  it('routes hops both ways along an edge', () => {
    expect(routeOf('kubectl', 'apiserver')).toEqual({ edgeId: 'kubectl-apiserver', reverse: false });
    expect(routeOf('scheduler', 'apiserver')).toEqual({ edgeId: 'apiserver-scheduler', reverse: true });
    expect(routeOf('runtime', 'registry')).toEqual({ edgeId: 'registry-runtime', reverse: true });
    expect(routeOf('kubectl', 'etcd')).toBeUndefined();
  });

  it('draws the watches as watches, from the API server to the watcher', () => {
    const watches = EDGES.filter((e) => e.kind === 'watch');
    expect(watches.map((e) => [e.source, e.target])).toEqual([
      ['apiserver', 'controller-manager'],
      ['apiserver', 'scheduler'],
      ['apiserver', 'kubelet'],
    ]);
  });
});
