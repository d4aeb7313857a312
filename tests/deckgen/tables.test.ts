import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/deckgen/fact-schema';
import { loadRealFacts } from './helpers';

const facts = loadRealFacts().flatMap((f) => f.facts);

/** Totals ("All" row) and number of histology columns of the review's tables. */
const TABLES = [
  { table: 'Table 2', total: 136, columns: 12 },
  { table: 'Table 3', total: 80, columns: 6 },
] as const;

function counted(table: string): (Fact & { count: NonNullable<Fact['count']> })[] {
  return facts.filter(
    (f): f is Fact & { count: NonNullable<Fact['count']> } =>
      f.source.table === table && f.count !== undefined,
  );
}

describe.each(TABLES)('$table counts', ({ table, total, columns }) => {
  const rows = counted(table);

  it('encode one fact per histology column, all out of the table total', () => {
    expect(rows).toHaveLength(columns);
    for (const fact of rows) expect(fact.count.total, fact.id).toBe(total);
  });

  it('sum to the stated total', () => {
    expect(rows.reduce((sum, f) => sum + f.count.value, 0)).toBe(total);
  });

  it("agree with the table's percentage row within rounding (1 point)", () => {
    for (const fact of rows) {
      expect(Math.abs((100 * fact.count.value) / total - fact.count.percent), fact.id).toBeLessThanOrEqual(1);
    }
  });

  it('percentages sum to about 100', () => {
    const sum = rows.reduce((s, f) => s + f.count.percent, 0);
    expect(sum).toBeGreaterThanOrEqual(98);
    expect(sum).toBeLessThanOrEqual(102);
  });
});

describe('Table 1 totals', () => {
  it('the site totals and lobe order on the cards agree with each other', () => {
    const site = facts.find((f) => f.id === 'loc-table1-site-totals');
    expect(site?.type).toBe('cloze');
    const text = site?.type === 'cloze' ? site.text : '';
    const n = (name: string) => Number(new RegExp(`${name} \\{\\{(\\d+)\\}\\}`).exec(text)?.[1]);
    // The printed totals row "103 51 31 15 22 10 4 16" (single, multiple, frontal, temporal, parietal,
    // occipital, cerebellar, dural/meningeal).
    expect([
      n('frontal'),
      n('temporal'),
      n('parietal'),
      n('occipital'),
      n('cerebellar'),
      n('dural/meningeal'),
    ]).toEqual([31, 15, 22, 10, 4, 16]);
    expect(site?.source.quote).toBe('103 51 31 15 22 10 4 16');
    const order = facts.find((f) => f.id === 'loc-lobe-order');
    expect(order?.type === 'ordered' ? order.items : []).toEqual([
      'Frontal lobes',
      'Parietal lobes',
      'Temporal lobes',
      'Occipital lobes',
    ]);
    expect(n('frontal')).toBeGreaterThan(n('parietal'));
    expect(n('parietal')).toBeGreaterThan(n('temporal'));
    expect(n('temporal')).toBeGreaterThan(n('occipital'));
  });
});
