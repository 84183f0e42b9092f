import { describe, expect, it } from 'vitest';
import { roundUpToMilli, cpuMillis, formatQuantity, memoryBytes, parseQuantity, tryParseQuantity, QUANTITY_ERROR } from './quantity.ts';

const canon = (s: string) => formatQuantity(parseQuantity(s));

describe('resource.Quantity', () => {
  it.each([
    ['0.5', '500m'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['1.5', '1500m'],
    ['1.5Gi', '1536Mi'],
    ['1024Mi', '1Gi'],
    ['512', '512'],
    ['0.1m', '100u'],
    ['100n', '100n'],
    ['1e3', '1e3'],
    ['1k', '1k'],
    ['2000', '2k'],
    ['0', '0'],
    ['-1', '-1'],
    ['128974848', '128974848'],
    ['129e6', '129e6'],
    ['123Mi', '123Mi'],
    ['0.5Gi', '512Mi'],
  ])('%s → %s', (input, out) => {
    expect(canon(input)).toBe(out);
  });

  it('rounds resource lists up to milli scale (SetDefaults_ResourceList)', () => {
    expect(formatQuantity(roundUpToMilli(parseQuantity('0.1m')))).toBe('1m');
  });

  it('rejects bad syntax with the upstream message', () => {
    expect(tryParseQuantity('1.5.5')).toBeUndefined();
    expect(tryParseQuantity('abc')).toBeUndefined();
    expect(tryParseQuantity('5Xi')).toBeUndefined();
    expect(() => parseQuantity('two')).toThrow(QUANTITY_ERROR);
    expect(QUANTITY_ERROR).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  });

  it('gives cpu in millicores and memory in bytes', () => {
    expect(cpuMillis('250m')).toBe(250);
    expect(cpuMillis('2')).toBe(2000);
    expect(cpuMillis(0.1)).toBe(100);
    expect(memoryBytes('4Gi')).toBe(4294967296);
    expect(memoryBytes('128M')).toBe(128_000_000);
  });
});
