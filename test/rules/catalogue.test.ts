import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES_DOC_PATH, renderRulesDoc } from '../../scripts/write-rules-doc.js';
import { ruleModules, rules } from '../../src/rules/index.js';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('rules catalogue', () => {
  it('lists the hard rules in contract order, then the plan-integrity rules', () => {
    expect(rules.map((r) => r.id)).toEqual([
      'visit-day',
      'occurrence-window',
      'enterprise-availability',
      'quiet-period',
      'visit-departments',
      'exclusive',
      'department-area',
      'whitelist',
      'visit-duration',
      'team',
      'officer-day',
      'cap',
      'lead-department',
      'visit-enterprise',
      'references',
      'occurrence-accounting',
      'metrics',
    ]);
  });

  it('gives every rule a title in both languages, a rationale, a source and a contract section', () => {
    for (const r of rules) {
      expect(Object.keys(r).sort()).toEqual(['contractSection', 'id', 'kinds', 'rationale', 'severity', 'source', 'title']);
      expect(r.title.en).not.toBe('');
      expect(r.title['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(r.rationale).not.toBe('');
      expect(r.source).not.toBe('');
      expect(r.contractSection).toMatch(/^§/);
    }
  });

  it('makes every hard rule of §2.1, the references and the accounting of occurrences violations; metrics warnings', () => {
    const severity = Object.fromEntries(rules.map((r) => [r.id, r.severity]));
    for (const r of rules.filter((x) => x.contractSection.includes('§2.1'))) expect(severity[r.id], r.id).toBe('violation');
    expect([severity.references, severity['occurrence-accounting'], severity['visit-enterprise'], severity.metrics]).toEqual(['violation', 'violation', 'violation', 'warning']);
    const accounting = rules.find((r) => r.id === 'occurrence-accounting')?.kinds;
    expect(accounting).toEqual({ missing: 'violation', duplicate: 'violation', 'offsite-misplaced': 'violation', 'not-offsite': 'violation', 'no-reason': 'warning', 'out-of-scope': 'warning' });
  });

  it('lists every kind of breach of a rule with a severity', () => {
    for (const r of ruleModules) {
      const info = rules.find((x) => x.id === r.id);
      expect(Object.keys(info?.kinds ?? {})).toEqual(Object.keys(r.messages));
      for (const s of Object.values(info?.kinds ?? {})) expect(['violation', 'warning']).toContain(s);
    }
  });

  it('words every breach in both languages with the same placeholders', () => {
    for (const r of ruleModules) {
      expect(Object.keys(r.messages).length).toBeGreaterThan(0);
      for (const [kind, text] of Object.entries(r.messages)) {
        // Chinese messages name departments, enterprises and officers where English gives ids.
        const facts = (t: string) => new Set(placeholders(t).map((p) => p?.replace(/(Id|Name)$/, '')));
        expect(facts(text['zh-CN']), `${r.id}/${kind}`).toEqual(facts(text.en));
        expect(text['zh-CN'], `${r.id}/${kind}`).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('docs/rules.md is up to date with the rule files (run `npx tsx scripts/write-rules-doc.ts`)', () => {
    expect(readFileSync(RULES_DOC_PATH, 'utf8')).toBe(renderRulesDoc());
  });
});
