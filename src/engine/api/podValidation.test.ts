import { describe, expect, it } from 'vitest';
import { errorString } from './field.ts';
import { validatePodSpec } from './podValidation.ts';

const base = { containers: [{ name: 'c', image: 'nginx', imagePullPolicy: 'Always', terminationMessagePolicy: 'File' }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' };
const errs = (extra: Record<string, unknown>) => validatePodSpec({ ...base, ...extra }).map(errorString);
const nodeAffinity = (exprs: unknown[]) => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: exprs }] } } },
});
const req = 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0]';

describe('pod scheduling fields (validation.go)', () => {
  it('accepts every valid operator', () => {
    expect(errs(nodeAffinity([
      { key: 'a', operator: 'In', values: ['x'] }, { key: 'b', operator: 'NotIn', values: ['y'] },
      { key: 'c', operator: 'Exists' }, { key: 'd', operator: 'DoesNotExist' }, { key: 'e', operator: 'Gt', values: ['3'] }, { key: 'f', operator: 'Lt', values: ['9'] },
    ]))).toEqual([]);
  });

  it.each([
    [{ key: 'a', operator: 'Foo', values: ['x'] }, `${req}.operator: Invalid value: "Foo": not a valid selector operator`],
    [{ key: 'a', operator: 'In' }, `${req}.values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`],
    [{ key: 'a', operator: 'Exists', values: ['x'] }, `${req}.values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`],
    [{ key: 'a', operator: 'Gt', values: ['1', '2'] }, `${req}.values: Required value: must be specified single value when \`operator\` is 'Lt' or 'Gt'`],
  ])('node affinity %j', (expr, msg) => expect(errs(nodeAffinity([expr]))).toEqual([msg]));

  it('requires a node selector term, checks matchFields and preferred weights', () => {
    expect(errs({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } } })).toEqual([
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term',
    ]);
    expect(errs({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.uid', operator: 'In', values: ['a', 'b'] }] }] } } } })).toEqual([
      "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values: Required value: must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].key: Invalid value: "metadata.uid": not a valid field selector key',
    ]);
    expect(errs({ affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: { matchExpressions: [{ key: 'a', operator: 'Exists' }] } }] } } })).toEqual([
      'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
    ]);
  });

  it('checks pod (anti-)affinity terms', () => {
    expect(errs({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['a'] }] } }] } } })).toEqual([
      'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator',
      'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty',
    ]);
  });

  it('checks tolerations', () => {
    expect(errs({ tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoScheduleX' }] })).toEqual([
      'spec.tolerations[0].effect: Unsupported value: "NoScheduleX": supported values: "NoExecute", "NoSchedule", "PreferNoSchedule"',
    ]);
    expect(errs({ tolerations: [{ key: 'k', operator: 'Exists', value: 'v' }] })).toEqual([
      'spec.tolerations[0].operator: Invalid value: "v": value must be empty when `operator` is \'Exists\'',
    ]);
    expect(errs({ tolerations: [{ operator: 'Equal', value: 'v' }] })).toEqual([
      'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
    ]);
    expect(errs({ tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 30 }] })).toEqual([
      'spec.tolerations[0].effect: Invalid value: "NoSchedule": effect must be \'NoExecute\' when `tolerationSeconds` is set',
    ]);
    expect(errs({ tolerations: [{ operator: 'Exists' }, { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }] })).toEqual([]);
  });

  it('checks topologySpreadConstraints', () => {
    const c = { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } };
    expect(errs({ topologySpreadConstraints: [c] })).toEqual([]);
    expect(errs({ topologySpreadConstraints: [{ ...c, maxSkew: 0, topologyKey: '', whenUnsatisfiable: 'Sometimes' }] })).toEqual([
      'spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero',
      'spec.topologySpreadConstraints[0].topologyKey: Required value: can not be empty',
      'spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: "Sometimes": supported values: "DoNotSchedule", "ScheduleAnyway"',
    ]);
    expect(errs({ topologySpreadConstraints: [c, c] })).toEqual([
      'spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}: Duplicate value: "{kubernetes.io/hostname, DoNotSchedule}"',
    ]);
    expect(errs({ topologySpreadConstraints: [{ ...c, whenUnsatisfiable: 'ScheduleAnyway', minDomains: 2 }] })).toEqual([
      'spec.topologySpreadConstraints[0].minDomains: Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway',
    ]);
  });
});
