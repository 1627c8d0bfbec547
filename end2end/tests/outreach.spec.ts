import { expect, test } from './fixtures';
import { linkFromOutbox, noJs, open, signIn, signUp, uniqueEmail } from './helpers';

const PASSWORD = 'correct horse battery';
const GROUP = 'Sheffield Central Local Party';

test('an organiser emails the group, watches it go, and a member unsubscribes from the link', async ({ page, browser }, testInfo) => {
  const run = `${testInfo.project.name} ${Date.now()}`;
  const subject = `Saturday stall ${run}`;

  // Bea joins the official local party and agrees to its email.
  const beaContext = await browser.newContext({ javaScriptEnabled: !noJs(testInfo) });
  const bea = await beaContext.newPage();
  const beaEmail = uniqueEmail('bea', testInfo);
  // Only the address's owner may agree to its email: signing up confirms it.
  await signUp(bea, 'Bea Supporter', beaEmail, PASSWORD);
  await open(bea, '/groups/sheffield-central-local-party');
  await bea.getByRole('button', { name: 'Join this group' }).click();
  await expect(bea.getByRole('status')).toContainText('You have joined the group.');
  await open(bea, '/preferences');
  await bea.getByRole('button', { name: `Allow email from ${GROUP}` }).click();
  await expect(bea.getByRole('status')).toContainText('Done: thank you.');
  await expect(bea.getByRole('button', { name: `Stop email from ${GROUP}` })).toBeVisible();

  // Sam, an organiser, writes an email to the members.
  await signIn(page, 'sam@membersnet.example', 'demo-password-2026');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sam Patel' })).toBeVisible();
  await open(page, '/groups/sheffield-central-local-party');
  await page.getByRole('link', { name: 'Email and texts' }).click();
  await page.getByRole('button', { name: 'New email' }).click();
  await page.getByLabel('Subject').fill(subject);
  await page.getByLabel('Body').fill('Hello {{frist_name}}, the stall is on.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('{{frist_name}} is not a merge field', { exact: false })).toBeVisible();
  // Without JavaScript the page comes back with the saved draft: fill both again.
  await page.getByLabel('Subject').fill(subject);
  await page.getByLabel('Body').fill('Hello {{first_name}}, the **stall** is on from 11.');
  await page.getByRole('radio', { name: /Members of the group/ }).check();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status')).toContainText('Draft saved.');

  // A preview as Bea, found by part of her name.
  await page.getByLabel('Preview as (a name or email address in the audience)').fill('bea supp');
  await page.getByRole('button', { name: 'Preview' }).click();
  // The preview form is a plain GET: a new page, which must be live before typing into it.
  await page.waitForURL(/[?&]as=bea/);
  if (!noJs(testInfo)) await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
  const preview = page.getByRole('region', { name: 'The email as it will arrive' });
  await expect(preview).toContainText('Hello Bea, the stall is on');
  if (!noJs(testInfo)) {
    // The preview follows the words as they are typed, before they are saved.
    await page.getByLabel('Body').fill('Hello {{first_name}}, the **stall** is on from 11. Bring a flask.');
    await expect(preview).toContainText('Bring a flask.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('status')).toContainText('Draft saved.');
  }

  // Send, and watch it go.
  await page.getByRole('button', { name: /^Send to \d+ (people|person)$/ }).click();
  await expect(page.getByRole('status')).toContainText('Sending now.');
  await expect(page.locator('.message-status')).toContainText('Sent to', { timeout: 20_000 });
  // Beside the progress, what went.
  const sent = page.getByRole('region', { name: 'What was sent' });
  await expect(sent).toContainText(subject);
  await expect(sent).toContainText('the **stall** is on from 11.');

  // Bea's copy (in the development outbox, as no mail server is set up) has her link.
  const unsubscribe = await linkFromOutbox(browser, beaEmail, /http:\/\/[^\s]+\/unsubscribe\/\d+-[0-9a-f]+/);
  const anyone = await browser.newContext({ javaScriptEnabled: !noJs(testInfo) });
  const visitor = await anyone.newPage();
  await open(visitor, unsubscribe);
  await expect(visitor.getByText(`Stop emails from ${GROUP}`, { exact: false })).toBeVisible();
  await visitor.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(visitor.getByRole('status')).toContainText(`will get no more emails from ${GROUP}`);

  // Her preferences say so.
  await open(bea, '/preferences');
  await expect(bea.getByRole('button', { name: `Allow email from ${GROUP}` })).toBeVisible();
  await beaContext.close();
  await anyone.close();
});
