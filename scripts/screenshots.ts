/**
 * Takes phone-size (390x844) screenshots of every screen of the production build, in light and dark
 * themes, into docs/screenshots/. Run with `npm run screenshots` (it builds and serves the app itself).
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, phoneContext } from '../tests/e2e/browser-launch';
import type { CardRecord } from '../src/domain/types';
import { seedReviews } from '../tests/e2e/seed-reviews';
import { startPreview } from '../tests/e2e/server';

const OUT = 'docs/screenshots';

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${OUT}/${name}.png` });
  console.log(`${OUT}/${name}.png`);
}

/** The learner's own deck: the editor, the deck with its actions, the share dialog and an import preview. */
async function customDeckShots(browser: Browser, url: string, scheme: 'light' | 'dark') {
  const context = await phoneContext(browser, { colorScheme: scheme });
  const page = await context.newPage();
  await page.goto(`${url}#/decks`);
  await page.getByRole('link', { name: 'MicroRNAs' }).waitFor();
  await page.getByRole('button', { name: 'New deck' }).click();
  await page.getByLabel('Name').fill('Journal club');
  await shoot(page, `new-deck-${scheme}`);
  await page.getByRole('button', { name: 'Create deck' }).click();
  await page.getByRole('button', { name: 'Add card' }).click();
  await page.locator('#note-front').fill('Which sarcoma is most common in **children**?');
  await page.locator('#note-back').fill('- Rhabdomyosarcoma\n- then Ewing sarcoma');
  await page.getByRole('button', { name: 'Save and add another' }).click();
  await page.getByText(/^Saved 1 card/).waitFor();
  await page.getByLabel('Card type').selectOption({ label: 'Cloze' });
  await page.locator('#note-front').fill('SRS: {{c1::24 Gy}} for lesions ≤ {{c2::2 cm::size}} (RTOG 90-05)');
  await page.locator('#note-tags').fill('srs radiotherapy');
  await page.locator('#note-source').fill('Shaw et al., IJROBP 2000');
  await shoot(page, `editor-${scheme}`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('3 of 3 cards').waitFor();
  await shoot(page, `custom-deck-${scheme}`);
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('dialog').getByRole('img').waitFor();
  await shoot(page, `share-${scheme}`);
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'Decks' }).click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Import' }).click(),
  ]);
  const text =
    '#separator:tab\n#html:true\n#deck:Bone sarcomas\nOsteosarcoma\tMost common <b>primary</b> bone sarcoma\nEwing sarcoma\tt(11;22)\n';
  await chooser.setFiles({ name: 'bones.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.getByRole('dialog').getByRole('button', { name: 'Import' }).waitFor();
  await shoot(page, `import-preview-${scheme}`);
  await context.close();
}

/** Quiz mode: the setup, a multiple-choice question with its feedback, and the results. */
async function quizShots(browser: Browser, url: string, scheme: 'light' | 'dark') {
  const context = await phoneContext(browser, { colorScheme: scheme });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: /^Study all/ }).waitFor();
  await page.goto(`${url}#/quiz`);
  await page.getByRole('checkbox', { name: 'MicroRNAs', exact: true }).waitFor();
  await shoot(page, `quiz-setup-${scheme}`);
  await page.getByRole('checkbox', { name: 'MicroRNAs', exact: true }).check();
  for (const type of ['True or false', 'Typed answer'])
    await page.getByRole('checkbox', { name: type }).uncheck();
  await page.getByLabel('Time limit').selectOption({ label: '10 minutes' });
  await page.getByRole('button', { name: 'Start quiz' }).click();
  for (let i = 0; i < 10; i += 1) {
    await page.getByRole('heading', { name: `Question ${i + 1} of 10` }).waitFor();
    await page.keyboard.press(String((i % 3) + 1));
    if (i === 0) await shoot(page, `quiz-question-${scheme}`);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByText(/^(Right\.|Not quite\.)$/).waitFor();
    await page.getByRole('button', { name: i === 9 ? 'Finish' : 'Next' }).click();
  }
  await page.locator('.trend-chart canvas').waitFor();
  await shoot(page, `quiz-results-${scheme}`);
  await context.close();
}

/** The exam planner: an exam for the first deck two weeks ahead, its prediction and plan. */
async function examShots(browser: Browser, url: string, scheme: 'light' | 'dark') {
  const context = await phoneContext(browser, { colorScheme: scheme });
  await context.clock.install({ time: new Date('2026-03-02T12:00:00Z') });
  const page = await context.newPage();
  await page.goto(`${url}#/exam`);
  await page.getByRole('heading', { name: 'No exams yet' }).waitFor();
  await page.getByLabel('Name').fill('Neurosurgery boards');
  await page.getByLabel('Exam date').fill('2026-03-16');
  await page.getByRole('group', { name: 'Decks' }).getByRole('checkbox').first().check();
  await page.getByRole('button', { name: 'Save exam' }).click();
  await page.getByText(/Predicted recall on exam day/).waitFor();
  // The exam's prediction at the top of the screen, its plan below.
  await page
    .getByRole('region', { name: 'Neurosurgery boards' })
    .evaluate((region) => region.scrollIntoView({ block: 'start' }));
  await shoot(page, `exam-${scheme}`);
  await context.close();
}

/** Card info of the card studied most: its schedule and its review history. */
async function cardInfoShot(page: Page, url: string, scheme: 'light' | 'dark') {
  // A string, not a function: tsx's helpers (`__name`) do not exist in the page.
  const cards = (await page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('sarcomet');
    open.onsuccess = () => {
      const read = open.result.transaction('cards').objectStore('cards').getAll();
      read.onsuccess = () => { open.result.close(); resolve(read.result); };
      read.onerror = () => reject(read.error);
    };
  })`)) as CardRecord[];
  const studied = cards.reduce((best, card) => (card.fsrs.reps > best.fsrs.reps ? card : best));
  await page.goto(`${url}#/decks/${studied.deckId}`);
  await page.getByRole('searchbox').fill(studied.front.slice(0, 40));
  await page
    .getByRole('button', { name: /^Info: / })
    .first()
    .click();
  await page.getByRole('dialog', { name: 'Card info' }).waitFor();
  await shoot(page, `card-info-${scheme}`);
  await page.getByRole('button', { name: 'Close' }).click();
}

/** Settings → FSRS parameters after Optimize on a year of reviews: the before/after figures and Apply. */
export async function optimizeShots(browser: Browser, url: string, scheme: 'light' | 'dark') {
  const context = await phoneContext(browser, { colorScheme: scheme });
  // tsx keeps function names with an `__name` helper that page.evaluate'd functions then lack.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = await context.newPage();
  await page.goto(url);
  await seedReviews(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'FSRS parameters' });
  await section.getByRole('button', { name: 'Optimize' }).click();
  await section.getByRole('button', { name: 'Apply new parameters' }).waitFor({ timeout: 120_000 });
  await section.evaluate((region) => region.scrollIntoView({ block: 'start' }));
  await shoot(page, `optimize-${scheme}`);
  await context.close();
}

/**
 * The Stats screen with two weeks of study in it: new cards on the first days, then every due card each
 * morning, mostly Good with some Again, Hard and Easy, and one day skipped so the calendar has a gap.
 */
async function statsShots(browser: Browser, url: string, scheme: 'light' | 'dark') {
  const context = await phoneContext(browser, { colorScheme: scheme });
  const start = Date.parse('2026-03-02T09:00:00Z');
  await context.clock.install({ time: new Date(start) });
  const page = await context.newPage();
  const grades = ['Good', 'Good', 'Again', 'Good', 'Easy', 'Good', 'Hard', 'Good'];
  let answered = 0;
  for (const day of [0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13]) {
    await page.clock.setSystemTime(new Date(start + day * 86_400_000 + (answered % 5) * 1_800_000));
    await page.goto(`${url}#/study`);
    const done = page.getByText(/All done for now/);
    const show = page.getByRole('button', { name: /^Show answer/ });
    for (let i = 0; i < (day < 3 ? 14 : 10); i++) {
      await show.or(done).first().waitFor();
      if (await done.isVisible()) break;
      await show.click();
      await page.getByRole('button', { name: new RegExp(`^${grades[answered % grades.length]}`) }).click();
      answered += 1;
    }
  }
  await page.getByRole('link', { name: 'Stats' }).click();
  await page.getByRole('heading', { name: 'True retention' }).waitFor();
  await shoot(page, `stats-${scheme}`);
  await page
    .getByRole('heading', { name: 'Future due' })
    .evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await shoot(page, `stats-charts-${scheme}`);
  await page
    .getByRole('heading', { name: 'Memory (FSRS)' })
    .evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await shoot(page, `stats-memory-${scheme}`);
  await context.close();
}

async function main() {
  if (process.env.SKIP_BUILD !== '1') execSync('npm run build', { stdio: 'inherit' });
  mkdirSync(OUT, { recursive: true });
  const server = await startPreview('dist', Number(process.env.SCREENSHOT_PORT ?? 4192));
  const browser = await launch();
  try {
    // ONLY=stats takes just the Stats screen's shots.
    if (process.env.ONLY === 'stats') {
      for (const scheme of ['light', 'dark'] as const) await statsShots(browser, server.url, scheme);
      return;
    }
    for (const scheme of ['light', 'dark'] as const) {
      const context = await phoneContext(browser, { colorScheme: scheme });
      await context.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByRole('button', { name: /^Study all/ }).waitFor();
      await page.locator('#all-title + .counts').waitFor();
      await shoot(page, `home-${scheme}`);
      await page.getByRole('button', { name: /^Study all/ }).click();
      await page.getByRole('button', { name: /^Show answer/ }).waitFor();
      await shoot(page, `study-question-${scheme}`);
      await page.getByRole('button', { name: /^Show answer/ }).click();
      await page.locator('details.source summary').click();
      await shoot(page, `study-answer-${scheme}`);
      await page.getByRole('button', { name: /^Good/ }).click();
      await page.getByRole('button', { name: /^Show answer/ }).waitFor();
      // Eleven minutes on, the first card's learning step has passed: a second card, then the first again.
      await context.clock.fastForward('11:00');
      for (const grade of [/^Again/, /^Good/]) {
        await page.getByRole('button', { name: /^Show answer/ }).click();
        await page.getByRole('button', { name: grade }).click();
        await page.getByRole('button', { name: /^Show answer/ }).waitFor();
      }
      await page.getByRole('link', { name: 'Decks' }).click();
      await page.getByRole('heading', { name: 'Decks' }).waitFor();
      await shoot(page, `decks-${scheme}`);
      await page.locator('.deck-list a').first().click();
      await page.getByRole('searchbox').waitFor();
      await shoot(page, `deck-browser-${scheme}`);
      await cardInfoShot(page, server.url, scheme);
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { name: 'Settings' }).waitFor();
      await shoot(page, `settings-${scheme}`);
      // The done screen: no new cards per day and nothing due.
      await page.getByLabel('New cards per day').fill('0');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Settings saved.').waitFor();
      await page.goto(`${server.url}#/study`);
      const done = page.getByText(/All done for now/);
      const show = page.getByRole('button', { name: /^Show answer/ });
      while (!(await done.isVisible())) {
        await show.or(done).first().waitFor();
        if (await show.isVisible()) {
          await show.click();
          await page.getByRole('button', { name: /^Easy/ }).click();
          await page.waitForTimeout(100);
        }
      }
      await shoot(page, `done-${scheme}`);
      await context.close();
      await customDeckShots(browser, server.url, scheme);
      await quizShots(browser, server.url, scheme);
      await examShots(browser, server.url, scheme);
      await optimizeShots(browser, server.url, scheme);
      await statsShots(browser, server.url, scheme);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
