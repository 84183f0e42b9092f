import { describe, expect, it } from 'vitest';
import { formatMiB, MAX_FILE_BYTES, readDroppedFile } from './droppedFile.ts';

describe('readDroppedFile', () => {
  it('loads a text file verbatim', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello # 안녕\n';
    expect(await readDroppedFile(new File([text], 'pod.yaml'))).toEqual({ kind: 'loaded', name: 'pod.yaml', text });
  });

  it('loads an empty file', async () => {
    expect(await readDroppedFile(new File([], 'empty.yaml'))).toEqual({ kind: 'loaded', name: 'empty.yaml', text: '' });
  });

  it('refuses a file with a NUL byte in its first 8 KB', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(await readDroppedFile(new File([png], 'image.png'))).toEqual({ kind: 'notText', name: 'image.png' });
  });

  it('does not look past the first 8 KB for NUL bytes', async () => {
    const file = new File(['a'.repeat(8192), new Uint8Array([0])], 'late.txt');
    expect((await readDroppedFile(file)).kind).toBe('loaded');
  });

  it('refuses a file over 4 MiB without reading it, quoting its size', async () => {
    const size = Math.round(12.3 * 1024 * 1024);
    const file = { name: 'big.yaml', size, slice: () => { throw new Error('read'); }, text: () => { throw new Error('read'); } };
    expect(await readDroppedFile(file as unknown as File)).toEqual({ kind: 'tooBig', name: 'big.yaml', size });
    expect(formatMiB(size)).toBe('12.3');
  });

  it('takes a file of exactly 4 MiB', async () => {
    expect((await readDroppedFile(new File(['x'.repeat(MAX_FILE_BYTES)], 'edge.yaml'))).kind).toBe('loaded');
  });

  it('reports a file the browser cannot read instead of throwing', async () => {
    const file = { name: 'folder', size: 0, slice: () => ({ arrayBuffer: () => Promise.reject(new Error('NotReadableError')) }) };
    expect(await readDroppedFile(file as unknown as File)).toEqual({ kind: 'unreadable', name: 'folder', reason: 'NotReadableError' });
  });
});
