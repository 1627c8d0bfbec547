import type { Browser, Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { noJs, open, signIn, STAFF_EMAIL, STAFF_PASSWORD } from './helpers';

const PASSWORD = 'demo-password-2026';

/** A `datetime-local` value in London time, `minutes` from now. */
function london(minutes: number): string {
  const at = new Date(Date.now() + minutes * 60_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** `email` signed in, in a browser of their own. */
async function person(browser: Browser, email: string, name: string, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: !noJs(testInfo) });
  const page = await context.newPage();
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name })).toBeVisible();
  return page;
}

/** Asks `text` on the session at `path`. */
async function ask(page: Page, path: string, text: string): Promise<void> {
  await open(page, path);
  await page.getByLabel('Your question').fill(text);
  await page.getByRole('button', { name: 'Send to the moderators' }).click();
  await expect(page.getByRole('region', { name: 'Your questions' })).toContainText('Waiting for a moderator');
}

/** The card of the question `text` on a moderation or session page. */
function card(page: Page, text: string) {
  return page.getByRole('listitem').filter({ has: page.locator('p.qa-question', { hasText: text }) });
}

test('a host schedules a webchat with Jo; members ask and vote; moderators decide; Jo answers live; the record shows every outcome', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const title = `Ask Jo ${testInfo.project.name} ${Date.now()}`;
  const buses = `What will you do about buses that stop at seven? (${testInfo.project.name})`;
  const later = `When will buses run later in the evening? (${testInfo.project.name})`;
  const gossip = `What does my neighbour at number 12 think? (${testInfo.project.name})`;
  const reply = 'Evening buses on the busiest routes from April.';

  await signIn(page, STAFF_EMAIL, STAFF_PASSWORD);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Morgan Staff' })).toBeVisible();
  await open(page, '/qa');
  await page.getByRole('link', { name: 'Schedule a national Q&A' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Who may ask and vote').selectOption('anyone');
  await page.getByLabel('Questions open').fill(london(-30));
  await page.getByLabel('The live part starts').fill(london(-5));
  await page.getByLabel('It ends').fill(london(60));
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const path = new URL(page.url()).pathname;

  const sam = await person(browser, 'sam@membersnet.example', 'Sam Patel', testInfo);
  const priya = await person(browser, 'priya@membersnet.example', 'Priya Shah', testInfo);
  const alex = await person(browser, 'alex@membersnet.example', 'Alex Morgan', testInfo);
  await ask(sam, path, buses);
  await ask(priya, path, later);
  await ask(alex, path, gossip);

  // Staff host the session, so they moderate it: approve, merge, decline.
  await open(page, `${path}/moderate`);
  await card(page, buses).getByRole('button', { name: 'Approve' }).click();
  await expect(card(page, later).getByLabel('Merge into')).toBeVisible();
  await card(page, later).getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('heading', { name: 'Waiting (1)' })).toBeVisible();
  await card(page, gossip).getByLabel('Decline because').selectOption('personal');
  await card(page, gossip).getByRole('button', { name: 'Decline' }).click();
  await expect(page.getByRole('heading', { name: 'Waiting (0)' })).toBeVisible();

  // Alex votes; the count shows.
  await open(alex, path);
  await card(alex, buses).getByRole('button', { name: 'Vote for this question' }).click();
  await expect(card(alex, buses).getByRole('button', { name: 'Take my vote back' })).toBeVisible();
  await expect(card(alex, buses)).toContainText('asked by 2 members');

  // A watcher keeps the page open while Jo answers.
  const watcherContext = await browser.newContext({ javaScriptEnabled: !noJs(testInfo) });
  const watcher = await watcherContext.newPage();
  await open(watcher, path);
  await expect(watcher.getByRole('heading', { name: title })).toBeVisible();
  const jo = await person(browser, 'jo@membersnet.example', 'Jo Evans MP', testInfo);
  await open(jo, `${path}/answer`);
  await card(jo, buses).getByLabel('Your answer').fill(reply);
  await card(jo, buses).getByRole('button', { name: 'Publish the answer' }).click();
  await expect(jo.getByRole('status').filter({ hasText: 'Answer published' }).first()).toBeVisible();
  if (noJs(testInfo)) {
    // Without JavaScript the page refreshes itself every 20 seconds; reload rather than wait.
    await watcher.reload();
  }
  await expect(watcher.getByRole('region', { name: 'Answers' })).toContainText(reply, { timeout: 5_000 });

  // The host closes the session: the record shows every outcome.
  await open(page, path);
  await page.getByRole('button', { name: 'Close the session now' }).click();
  await expect(page.getByRole('region', { name: 'The record' })).toBeVisible();
  // As the public sees it: a declined question's words are not published.
  await open(watcher, path);
  const record = watcher.getByRole('region', { name: 'The record' });
  await expect(record).toContainText(reply);
  await expect(record).toContainText('Answered');
  await expect(record).toContainText(/Merged into question \d+/);
  await expect(record).toContainText('Declined: About a private individual');
  await expect(record).not.toContainText(gossip);
});
