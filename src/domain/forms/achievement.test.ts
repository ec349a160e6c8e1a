import { describe, expect, it } from 'vitest';
import { achievementOf } from './achievement.js';

describe('achievementOf', () => {
  it('reads the one-character answers only as the whole cell', () => {
    expect(achievementOf('是')).toBe('达成');
    expect(achievementOf('差')).toBe('未达成');
    expect(achievementOf('基本完成')).toBe('部分达成');
  });

  it('leaves words that are names of object properties unplaced (found by the form-score property test)', () => {
    for (const word of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'])
      expect(achievementOf(word)).toBeNull();
  });
});
