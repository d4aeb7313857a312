import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/domain/card-text';

describe('plainText', () => {
  it.each([
    ['Plain *text*', undefined, 'Plain *text*'],
    ['<b>Bold</b> &amp; <i>it</i><br>next', 'html', 'Bold & it next'],
    ['<img src=x onerror=alert(1)>Caption', 'html', 'Caption'],
    ['**Bold** and *it*, H~2~O, x^2^', 'markdown', 'Bold and it, H2O, x2'],
    ['- one\n- two\n1. three', 'markdown', 'one two three'],
  ] as const)('%j (%s) reads %j', (text, markup, plain) => {
    expect(plainText(text, markup)).toBe(plain);
  });
});
