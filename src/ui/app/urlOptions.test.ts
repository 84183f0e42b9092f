import { describe, expect, it } from 'vitest';
import { parseUrlOptions } from './urlOptions.ts';

describe('parseUrlOptions', () => {
  it('takes valid values', () => {
    expect(parseUrlOptions('?seed=7&workers=20&lang=ko')).toEqual({ seed: 7, workers: 20, ignored: [] });
    expect(parseUrlOptions('?seed=0&workers=5000')).toEqual({ seed: 0, workers: 5000, ignored: [] });
    expect(parseUrlOptions('?seed=2147483647')).toEqual({ seed: 2147483647, ignored: [] });
  });

  it('has nothing to say about an address without options', () => {
    expect(parseUrlOptions('')).toEqual({ ignored: [] });
  });

  it('ignores and reports every invalid value', () => {
    expect(parseUrlOptions('?workers=abc&seed=-1&lang=xx')).toEqual({
      ignored: [
        { param: 'seed', value: '-1' },
        { param: 'workers', value: 'abc' },
        { param: 'lang', value: 'xx' },
      ],
    });
  });

  it.each(['99999', '5001', '', ' 5', '1e3', '0x10', '2.5', '3.0'])('rejects ?workers=%s', (v) => {
    const o = parseUrlOptions(`?workers=${encodeURIComponent(v)}`);
    expect(o.workers).toBeUndefined();
    expect(o.ignored).toEqual([{ param: 'workers', value: v }]);
  });

  it('rejects a seed past 2^31-1', () => {
    expect(parseUrlOptions('?seed=2147483648').ignored).toEqual([{ param: 'seed', value: '2147483648' }]);
  });
});
