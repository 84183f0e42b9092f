import { describe, expect, it } from 'vitest';
import type { Status } from '../engine/apiserver/types.ts';
import { addSource, renderErrors } from './errors.ts';

const invalid = (causes: { field: string; message: string }[]): Status => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: `Pod "x" is invalid: ${causes.map((c) => `${c.field}: ${c.message}`).join(', ')}`,
  reason: 'Invalid',
  details: { name: 'x', kind: 'Pod', causes: causes.map((c) => ({ reason: 'FieldValueRequired', ...c })) },
  code: 422,
});

describe('kubectl error rendering (checkErr)', () => {
  it('one Invalid cause on one line', () => {
    expect(renderErrors([{ status: invalid([{ field: 'spec.containers[0].image', message: 'Required value' }]) }])).toBe(
      'The Pod "x" is invalid: spec.containers[0].image: Required value\n',
    );
  });

  it('several causes: first line (with its trailing space), then * lines, duplicates dropped', () => {
    const s = invalid([
      { field: 'spec.containers[0].image', message: 'Required value' },
      { field: 'spec.containers[0].name', message: 'Required value' },
      { field: 'spec.containers[0].image', message: 'Required value' },
    ]);
    expect(renderErrors([{ status: s }])).toBe('The Pod "x" is invalid: \n* spec.containers[0].image: Required value\n* spec.containers[0].name: Required value\n');
  });

  it('other statuses as Error from server (Reason), with the source added', () => {
    const nf: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'pods "x" not found', reason: 'NotFound', code: 404 };
    expect(renderErrors([{ status: nf }])).toBe('Error from server (NotFound): pods "x" not found\n');
    expect(renderErrors([addSource('creating', 'm.yaml', { status: nf })])).toBe('Error from server (NotFound): error when creating "m.yaml": pods "x" not found\n');
  });

  it('client errors get error: once; aggregates print one message per line without it', () => {
    expect(renderErrors([{ message: 'no objects passed to apply' }])).toBe('error: no objects passed to apply\n');
    expect(renderErrors([{ message: 'a' }, { message: 'b' }])).toBe('a\nb\n');
  });
});
