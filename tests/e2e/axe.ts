/** axe on the page as the user sees it, against WCAG 2.2 AA. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The violations axe finds on the page now, one line each, prefixed with `screen`. */
export async function violations(page: Page, screen: string): Promise<string[]> {
  // Let transitions finish so colours are measured as the user sees them.
  await page.waitForTimeout(200);
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return result.violations.map(
    (v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
