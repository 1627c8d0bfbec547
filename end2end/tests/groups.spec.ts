import { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { noJs, open, signUp, uniqueEmail } from './helpers';

const PASSWORD = 'correct horse battery';

/** A second person in their own browser context, signed up and signed in. */
async function person(browser: Browser, name: string, prefix: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: !noJs(test.info()) });
  const page = await context.newPage();
  await signUp(page, name, uniqueEmail(prefix, test.info()), PASSWORD);
  return page;
}

test('a group forum: create, join, post, reply, pin, report and hide', async ({ page, browser }, testInfo) => {
  const run = `${testInfo.project.name} ${Date.now()}`;
  const groupName = `Bus users ${run}`;
  const title = `Saturday leafleting ${run}`;

  // Ann sets up a group.
  await signUp(page, 'Ann Owner', uniqueEmail('ann', testInfo), PASSWORD);
  await open(page, '/groups/new');
  await page.getByLabel('Group name').fill(groupName);
  await page.getByLabel('What the group is for').fill('Better buses for Sheffield.');
  await page.getByLabel('Topic', { exact: true }).selectOption('transport');
  await page.getByLabel('Area (a postcode in it)').fill('S1 2HE');
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByRole('heading', { level: 1, name: groupName })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Your group is ready');
  const groupPath = new URL(page.url()).pathname;

  // Bea finds it in the directory, joins and starts a thread.
  const bea = await person(browser, 'Bea Member', 'bea');
  await open(bea, `/groups?q=${encodeURIComponent(groupName)}`);
  await bea.getByRole('link', { name: groupName }).click();
  await bea.getByRole('button', { name: 'Join this group' }).click();
  await expect(bea.getByRole('status')).toContainText('You have joined the group.');
  await bea.getByText('Start a thread').click();
  await bea.getByLabel('Thread title').fill(title);
  await bea.getByLabel('Message').fill('Who can help on **Saturday**?');
  await bea.getByRole('button', { name: 'Start thread' }).click();
  await expect(bea.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(bea.locator('strong', { hasText: 'Saturday' })).toBeVisible();
  const threadPath = new URL(bea.url()).pathname;

  // Ann replies and pins the thread.
  await open(page, threadPath);
  await page.getByLabel('Your reply').fill('I can bring 200 leaflets.');
  await page.getByRole('button', { name: 'Post reply' }).click();
  await expect(page.getByRole('article', { name: 'Post by Ann Owner' })).toContainText('200 leaflets');
  await page.getByRole('button', { name: 'Pin thread' }).click();
  await expect(page.getByRole('status')).toContainText('Thread pinned to the top.');
  await expect(page.getByRole('button', { name: 'Unpin thread' })).toBeVisible();

  // Bea posts an advert by mistake.
  await open(bea, threadPath);
  await bea.getByLabel('Your reply').fill('Cheap watches at example.com!');
  await bea.getByRole('button', { name: 'Post reply' }).click();
  await expect(bea.getByRole('article').last()).toContainText('Cheap watches');

  // Cal joins and reports it.
  const cal = await person(browser, 'Cal Reporter', 'cal');
  await open(cal, groupPath);
  await cal.getByRole('button', { name: 'Join this group' }).click();
  await expect(cal.getByRole('status')).toContainText('You have joined the group.');
  await open(cal, threadPath);
  const advert = cal.getByRole('article', { name: 'Post by Bea Member' }).last();
  await advert.getByText('Report', { exact: true }).click();
  await advert.getByLabel('Why are you reporting this post?').fill('Spam');
  await advert.getByRole('button', { name: 'Send report' }).click();
  await expect(cal.getByRole('status')).toContainText('The group\'s moderators will look at it.');

  // Ann sees the report on the group page and hides the post.
  await open(page, groupPath);
  await expect(page.getByText('Reported by Cal Reporter: Spam')).toBeVisible();
  await page.getByRole('link', { name: /Bea Member's post/ }).click();
  await page.getByRole('article', { name: 'Post by Bea Member' }).last().getByRole('button', { name: 'Hide post' }).click();
  await expect(page.getByRole('status')).toContainText('Post hidden.');

  // Members no longer see it; the thread is pinned in the list.
  await open(cal, threadPath);
  await expect(cal.getByText('Hidden by a moderator.')).toBeVisible();
  await expect(cal.getByText('Cheap watches')).toHaveCount(0);
  await open(cal, groupPath);
  await expect(cal.getByRole('listitem').filter({ hasText: title })).toContainText('Pinned');
  await bea.context().close();
  await cal.context().close();
});

test('bad group input is shown next to its field', async ({ page }, testInfo) => {
  await signUp(page, 'Gina Group', uniqueEmail('gina', testInfo), PASSWORD);
  await open(page, '/groups/new');
  await page.getByLabel('Group name').fill('Nowhere group');
  await page.getByLabel('What the group is for').fill('Testing.');
  await page.getByLabel('Area (a postcode in it)').fill('not a postcode');
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByText('Enter a full UK postcode, like SW1A 1AA.')).toBeVisible();
  await expect(page.getByLabel('Area (a postcode in it)')).toHaveAttribute('aria-invalid', 'true');
});
