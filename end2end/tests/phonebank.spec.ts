import { readFileSync } from 'node:fs';
import type { Browser, Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { noJs, open, signIn, STAFF_EMAIL, STAFF_PASSWORD } from './helpers';

const SURVEY = '* yes/no: Can we count on your vote?\nchoice: How will you vote? | In person | By post | if 1 = yes';

/** Signs in as staff and opens calling all day, so the journeys run at any hour. */
async function staffWithCallingAllDay(page: Page): Promise<void> {
  await signIn(page, STAFF_EMAIL, STAFF_PASSWORD);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Morgan Staff' })).toBeVisible();
  await open(page, '/staff/phonebanks');
  for (const [label, value] of [['Monday to Saturday from', '00:00'], ['Monday to Saturday until', '23:59'], ['Sunday from', '00:00'], ['Sunday until', '23:59']]) {
    await page.getByLabel(label).fill(value);
  }
  await page.getByRole('button', { name: 'Save the calling hours' }).click();
  await expect(page.getByLabel('Sunday until')).toHaveValue('23:59');
}

/** Staff start a national phonebank called `name`, open all day. */
async function startNational(page: Page, name: string): Promise<void> {
  await open(page, '/phonebanks');
  await page.getByRole('link', { name: 'Start a national phonebank' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Survey').fill(SURVEY);
  await page.getByLabel('Calls from (each day)').fill('00:00');
  await page.getByLabel('Calls until').fill('23:59');
  await page.getByRole('button', { name: 'Start the phonebank' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

/** Sam, signed in in his own browser, on the phonebank's first call. */
async function samCalling(browser: Browser, name: string, testInfo: TestInfo): Promise<Page> {
  const samContext = await browser.newContext({ javaScriptEnabled: !noJs(testInfo) });
  const sam = await samContext.newPage();
  await signIn(sam, 'sam@membersnet.example', 'demo-password-2026');
  await expect(sam.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sam Patel' })).toBeVisible();
  await open(sam, '/phonebanks');
  await sam.getByRole('listitem').filter({ has: sam.getByRole('heading', { name }) }).getByRole('link', { name: 'Start calling' }).click();
  await sam.getByRole('button', { name: 'I understand: start calling' }).click();
  await expect(sam.getByRole('heading', { name: /^Call / })).toBeVisible();
  return sam;
}

test('staff start a phonebank, Sam takes three calls, and the dashboard and CSV show them', async ({ page, browser }, testInfo) => {
  const name = `Polling day ring-round ${testInfo.project.name} ${Date.now()}`;
  await staffWithCallingAllDay(page);

  await open(page, '/phonebanks');
  await page.getByRole('link', { name: 'Start a national phonebank' }).click();
  await expect(page.getByRole('table', { name: 'Who can be called now' })).toContainText('Everyone who agreed to hear from the party');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Survey').fill('choice: Which? | A');
  await page.getByLabel('Calls from (each day)').fill('00:00');
  await page.getByLabel('Calls until').fill('23:59');
  await page.getByRole('button', { name: 'Start the phonebank' }).click();
  await expect(page.getByText('Line 1: give at least two options', { exact: false })).toBeVisible();
  // Without JavaScript the form comes back empty: fill it again.
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Survey').fill(SURVEY);
  await page.getByLabel('Calls from (each day)').fill('00:00');
  await page.getByLabel('Calls until').fill('23:59');
  await page.getByRole('button', { name: 'Start the phonebank' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  const dashboard = page.url();

  // Sam, a party member, calls from his own browser.
  const sam = await samCalling(browser, name, testInfo);
  const outcomes = sam.getByRole('group', { name: 'How did the call end?' });
  const save = sam.getByRole('button', { name: 'Save and next call' });
  // Sam's own tally counts every call he made today (the other run's too).
  const tally = (await sam.getByText(/^Today: /).textContent()) ?? '';
  const [before, talks] = [...tally.matchAll(/(\d+) /g)].map((m) => Number(m[1]));
  const today = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  await expect(sam.getByRole('link', { name: /^Call \+447700900/ })).toHaveAttribute('href', /^tel:\+447700900\d{3}$/);
  await expect(sam.getByText("I'm Sam, a volunteer with the party")).toBeVisible();
  await sam.getByRole('group', { name: /Can we count on your vote/ }).getByLabel('Yes').check();
  await sam.getByRole('group', { name: /How will you vote/ }).getByLabel('By post').check();
  await outcomes.getByLabel('Talked').check();
  await save.click();
  await expect(sam.getByRole('status')).toContainText('Saved. Here is your next call.');
  await expect(sam.getByText(`Today: ${today(before + 1, 'call')}, ${today(talks + 1, 'conversation')}`)).toBeVisible();
  if (!noJs(testInfo)) {
    // The dashboard, open all along, hears of the call through its live stream (its
    // fallback refresh is every 15 seconds, so this is the stream).
    await expect(page.getByText('1 call made')).toBeVisible({ timeout: 5000 });
  }
  await outcomes.getByLabel('No answer').check();
  await save.click();
  await expect(sam.getByText(`Today: ${today(before + 2, 'call')}, ${today(talks + 1, 'conversation')}`)).toBeVisible();
  await outcomes.getByLabel('Do not call again').check();
  await save.click();
  await expect(sam.getByText(`Today: ${today(before + 3, 'call')}, ${today(talks + 2, 'conversation')}`)).toBeVisible();
  await sam.context().close();

  await page.goto(dashboard);
  await expect(page.getByText('3 calls made')).toBeVisible();
  const recent = page.getByRole('table', { name: 'The latest calls, newest first' });
  await expect(recent).toContainText('Q1: yes · Q2: By post');
  await expect(recent).toContainText('No answer');
  await expect(recent).toContainText('Do not call again');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download results (CSV)' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('"Can we count on your vote?","How will you vote?"');
  expect(csv).toContain('"Talked","","","","yes","By post"');
  expect(csv).toContain('"Do not call again"');

  // A reviewer corrects the conversation's answer; the change says who made it.
  const talked = recent.getByRole('row').filter({ hasText: 'Q1: yes' });
  await talked.getByText(/^Correct call \d+$/).click();
  await talked.getByRole('group', { name: /Can we count on your vote/ }).getByLabel('No').check();
  await talked.getByRole('button', { name: 'Save correction' }).click();
  const corrected = recent.getByRole('row').filter({ hasText: 'Q1: no' });
  await expect(corrected).toContainText('Corrected by Morgan Staff');
  await expect(recent).not.toContainText('Q1: yes');
});

test('a call saved with no signal waits on the phone and is sent once the network is back', async ({ page, browser }, testInfo) => {
  test.skip(noJs(testInfo), 'keeping calls on the phone needs JavaScript');
  const name = `No-signal ring-round ${Date.now()}`;
  await staffWithCallingAllDay(page);
  await startNational(page, name);
  const dashboard = page.url();
  const sam = await samCalling(browser, name, testInfo);
  await sam.context().setOffline(true);
  await sam.getByRole('group', { name: 'How did the call end?' }).getByLabel('No answer').check();
  await sam.getByRole('button', { name: 'Save and next call' }).click();
  await expect(sam.getByText('No signal: 1 call saved on this phone')).toBeVisible();
  await sam.context().setOffline(false);
  await expect(sam.getByText('No signal: 1 call saved on this phone')).toHaveCount(0);
  await expect(sam.getByRole('heading', { name: /^Call / })).toBeVisible();
  await sam.context().close();
  await page.goto(dashboard);
  await expect(page.getByText(/ 1 calls? made/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'The latest calls, newest first' })).toContainText('No answer');
});
