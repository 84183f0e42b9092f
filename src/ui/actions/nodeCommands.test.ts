import { describe, expect, it } from 'vitest';
import { addNodeLine, emptyForm, validateAddNode, type AddNodeForm } from './addNodeForm.ts';
import { cordonLine, drainLine, failNodeLine, recoverNodeLine, uncordonLine } from './nodeCommands.ts';

const form = (f: Partial<AddNodeForm>): AddNodeForm => ({ ...emptyForm(), ...f });

describe('node action lines', () => {
  it('are what a person types', () => {
    expect(cordonLine('worker-1')).toBe('kubectl cordon worker-1');
    expect(uncordonLine('worker-1')).toBe('kubectl uncordon worker-1');
    expect(drainLine('worker-2')).toBe('kubectl drain worker-2 --ignore-daemonsets --delete-emptydir-data');
    expect(failNodeLine('worker-3')).toBe('sim node fail worker-3');
    expect(recoverNodeLine('worker-3')).toBe('sim node recover worker-3');
    expect(() => cordonLine('a b; rm -rf')).toThrow('not a node name');
  });
});

describe('add-node form', () => {
  it('builds sim node add with only the flags that differ from the defaults', () => {
    expect(addNodeLine(form({ name: 'worker-4' }))).toBe('sim node add worker-4');
    expect(
      addNodeLine(form({
        name: 'gpu-1', cpu: '8', memory: '32Gi', pods: '50',
        labels: [{ key: 'gpu', value: 'true' }, { key: 'topology.kubernetes.io/zone', value: 'a' }],
        taints: [{ key: 'gpu', value: 'yes', effect: 'NoSchedule' }, { key: 'dedicated', value: '', effect: 'NoExecute' }],
      })),
    ).toBe('sim node add gpu-1 --cpu 8 --memory 32Gi --pods 50 --labels gpu=true,topology.kubernetes.io/zone=a --taints gpu=yes:NoSchedule,dedicated:NoExecute');
  });

  it('accepts a valid form', () => {
    expect(validateAddNode(form({ name: 'worker-4', cpu: '500m', labels: [{ key: 'disk', value: '' }] }))).toEqual({});
  });

  it('rejects names as the API server does', () => {
    expect(validateAddNode(form({ name: '' })).name).toBe('Required value: name or generateName is required');
    expect(validateAddNode(form({ name: 'Worker_4' })).name).toMatch(/^Invalid value: "Worker_4": a lowercase RFC 1123 subdomain must consist of/);
    expect(validateAddNode(form({ name: 'worker-1' }), new Set(['worker-1'])).name).toBe('node "worker-1" already exists');
    expect(validateAddNode(form({ name: 'x'.repeat(254) })).name).toMatch(/must be no more than 253 characters$/);
  });

  it('rejects bad quantities and pod counts', () => {
    const e = validateAddNode(form({ name: 'w', cpu: '2 cores', memory: '4GB', pods: '1.5' }));
    expect(e.cpu).toBe(`Invalid value: "2 cores": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
    expect(e.memory).toMatch(/^Invalid value: "4GB": quantities must match/);
    expect(e.pods).toBe('invalid --pods "1.5": expected a whole number');
    expect(validateAddNode(form({ name: 'w', cpu: '0' })).cpu).toBe('Invalid value: "0": must be greater than zero');
  });

  it('rejects bad label and taint keys and values, duplicate keys, missing keys', () => {
    const e = validateAddNode(form({
      name: 'w',
      labels: [{ key: 'a b', value: 'x' }, { key: 'ok', value: '-bad-' }, { key: 'ok', value: 'v' }, { key: '', value: '' }],
      taints: [{ key: 'gpu', value: 'yes', effect: 'NoSchedule' }, { key: 'gpu', value: 'no', effect: 'NoSchedule' }, { key: 'Bad.Prefix/x', value: '', effect: 'NoExecute' }],
    }));
    expect(e['labels.0.key']).toMatch(/^Invalid value: "a b": name part must consist of alphanumeric characters/);
    expect(e['labels.1.value']).toMatch(/^Invalid value: "-bad-": a valid label must be an empty string/);
    expect(e['labels.2.key']).toBe('Duplicate value: "ok"');
    expect(e['labels.3.key']).toBe('Required value');
    expect(e['taints.1.key']).toBe('Duplicate value: "gpu:NoSchedule": taints must be unique by key and effect pair');
    expect(e['taints.2.key']).toMatch(/^Invalid value: "Bad.Prefix\/x": prefix part a lowercase RFC 1123 subdomain/);
    expect(Object.keys(e).sort()).toEqual(['labels.0.key', 'labels.1.value', 'labels.2.key', 'labels.3.key', 'taints.1.key', 'taints.2.key']);
  });
});
