/**
 * One table per locale for every term: each term exists in both locales, every basis, filter,
 * reason, warning and soft-finding code has one, and the validator's Chinese basis words are
 * the same as the reasons'.
 */
import { describe, expect, it } from 'vitest';
import { BASES } from '../../src/model/primitives.js';
import { reasonMessages } from '../../src/report/locales/reason-messages.js';
import { terms } from '../../src/report/locales/terms.js';
import { REASON_CODES } from '../../src/report/reasons.js';
import { SOFT_FINDING_CODES } from '../../src/report/soft-findings.js';
import { WARNING_CODES } from '../../src/report/warnings.js';
import { basisZh } from '../../src/rules/wording.js';

const FILTERS = ['department', 'certificate', 'area', 'avoidance', 'qualification', 'availability'];

describe('terms', () => {
  it('every term has both locales, and no term is left empty', () => {
    expect(Object.keys(terms['zh-CN']).sort()).toEqual(Object.keys(terms.en).sort());
    for (const table of Object.values(terms)) for (const word of Object.values(table)) expect(word.trim()).not.toBe('');
  });

  it('every message has both locales', () => {
    expect(Object.keys(reasonMessages['zh-CN']).sort()).toEqual(Object.keys(reasonMessages.en).sort());
  });

  it('every basis and filter has a term', () => {
    for (const basis of BASES) expect(terms.en).toHaveProperty([`basis.${basis}`]);
    for (const filter of FILTERS) expect(terms.en).toHaveProperty([`filter.${filter}`]);
  });

  it('every reason, warning and soft-finding code has a title and a message', () => {
    for (const code of REASON_CODES) expect(terms.en).toHaveProperty([`reason.${code}`]);
    for (const code of WARNING_CODES) expect(terms.en).toHaveProperty([`warning.${code}`]);
    for (const code of SOFT_FINDING_CODES) expect(terms.en).toHaveProperty([`finding.${code}`]);
    for (const code of [...REASON_CODES, ...WARNING_CODES, ...SOFT_FINDING_CODES]) expect(reasonMessages.en).toHaveProperty([code]);
  });

  it('the validator words a basis with the terms table (one Chinese name per basis)', () => {
    for (const basis of BASES) expect(basisZh(basis)).toBe(terms['zh-CN'][`basis.${basis}`]);
    expect(basisZh('referral')).toBe('转办交办');
    expect(basisZh('not-a-basis')).toBe('not-a-basis');
  });

  it('Chinese terms are Chinese', () => {
    for (const [key, word] of Object.entries(terms['zh-CN'])) if (key.startsWith('basis.') || key.startsWith('reason.')) expect(word).toMatch(/[\u4e00-\u9fff]/);
  });
});
