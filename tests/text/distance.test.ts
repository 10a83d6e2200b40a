import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/text/distance.js';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('melroy', 'melroy')).toBe(0);
    expect(editDistance('wen', 'when')).toBe(1);
    expect(editDistance('nelsonn', 'nelson')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('melory', 'melroy')).toBe(1);
    expect(editDistance('hwo', 'how')).toBe(1);
  });

  it('gives up past `max`, returning max + 1', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
    expect(editDistance('wen', 'when', 1)).toBe(1);
    expect(editDistance('melory', 'melroy', 1)).toBe(1);
  });
});
