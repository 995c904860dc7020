import { describe, expect, it } from 'vitest';
import { parseValidatorFlags } from '../../common/problem';
import { defaultValidate } from './default-validator';

const check = (answer: string, output: string, flags = '') => defaultValidate(answer, output, parseValidatorFlags(flags));

describe('default output validator (problemtools semantics)', () => {
  it('ignores whitespace changes and letter case by default', () => {
    expect(check('1 2\n3\n', '1\n2   3')).toEqual({ accepted: true });
    expect(check('Yes\n', 'YES\n').accepted).toBe(true);
    expect(check('1 2\n', '1 3\n')).toMatchObject({ accepted: false, feedback: expect.stringContaining('token #2') });
  });

  it('case_sensitive makes case count', () => {
    expect(check('Yes\n', 'YES\n', 'case_sensitive').accepted).toBe(false);
    expect(check('Yes\n', 'Yes\n', 'case_sensitive').accepted).toBe(true);
  });

  it('space_change_sensitive makes every whitespace character count', () => {
    expect(check('1 2\n', '1  2\n', 'space_change_sensitive').accepted).toBe(false);
    expect(check('1 2\n', '1 2', 'space_change_sensitive').accepted).toBe(false);
    expect(check('1 2\n', '1 2\n', 'space_change_sensitive').accepted).toBe(true);
  });

  it('reports missing and trailing output', () => {
    expect(check('1 2\n', '1\n')).toMatchObject({ accepted: false, feedback: expect.stringMatching(/EOF/) });
    expect(check('1\n', '1 2\n')).toMatchObject({ accepted: false, feedback: expect.stringMatching(/Trailing output/) });
  });

  it('without a float flag numbers compare as text', () => {
    expect(check('1.0\n', '1\n').accepted).toBe(false);
    expect(check('0.5\n', '0.50\n').accepted).toBe(false);
  });

  it('float_absolute_tolerance accepts within the absolute error only', () => {
    expect(check('1.0\n', '1.0000009\n', 'float_absolute_tolerance 1e-6').accepted).toBe(true);
    expect(check('1000000\n', '1000000.5\n', 'float_absolute_tolerance 1e-6').accepted).toBe(false);
  });

  it('float_relative_tolerance accepts within the relative error of the judge value', () => {
    expect(check('1000000\n', '1000000.5\n', 'float_relative_tolerance 1e-6').accepted).toBe(true);
    expect(check('0.001\n', '0.0011\n', 'float_relative_tolerance 1e-6').accepted).toBe(false);
  });

  it('float_tolerance sets both: either error suffices', () => {
    expect(check('1e9 0\n', '1000000500 0.0000005\n', 'float_tolerance 1e-6').accepted).toBe(true);
    expect(check('3.14159\n', '3.2\n', 'float_tolerance 1e-6')).toMatchObject({ accepted: false, feedback: expect.stringMatching(/Too large difference/) });
    expect(check('3.14\n', 'pi\n', 'float_tolerance 1e-6')).toMatchObject({ accepted: false, feedback: expect.stringMatching(/Expected float/) });
  });

  it('with a float flag, non-number judge tokens still compare as words', () => {
    expect(check('impossible\n', 'IMPOSSIBLE\n', 'float_tolerance 1e-6').accepted).toBe(true);
    expect(check('x 2.5\n', 'x 2.5000001\n', 'float_tolerance 1e-6 case_sensitive').accepted).toBe(true);
  });

  it('refuses unknown flags and flags without their number', () => {
    expect(() => parseValidatorFlags('float_tolerance')).toThrow(/number/);
    expect(() => parseValidatorFlags('ignore_everything')).toThrow(/unknown validator flag "ignore_everything"/);
  });
});
