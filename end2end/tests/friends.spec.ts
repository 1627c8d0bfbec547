import { expect, test } from './fixtures';
import { noJs, open, signUp, uniqueEmail } from './helpers';

const PASSWORD = 'correct horse battery';
const EVENT = "Leeds members' meeting";

test('friends see where each other are going, until one hides it', async ({ page, browser }, testInfo) => {
  // Two people in their own browsers.
  await signUp(page, 'Ann Friend', uniqueEmail('ann', testInfo), PASSWORD);
  const beaEmail = uniqueEmail('bea', testInfo);
  const beaContext = await browser.newContext({ javaScriptEnabled: !noJs(testInfo) });
  const bea = await beaContext.newPage();
  await signUp(bea, 'Bea Friend', beaEmail, PASSWORD);

  // Ann finds Bea by email and asks; Bea accepts and chooses who sees her events.
  await open(page, '/friends');
  await page.getByLabel('Name or email address').fill(beaEmail);
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByRole('button', { name: 'Add Bea Friend as a friend' }).click();
  await expect(page.getByRole('status')).toContainText('Friend request sent.');
  await open(bea, '/friends');
  await bea.getByRole('button', { name: 'Accept Ann Friend' }).click();
  await expect(bea.getByRole('status')).toContainText('You are now friends.');
  await expect(bea.getByRole('radio', { name: 'My friends' })).not.toBeChecked();
  await expect(bea.getByRole('radio', { name: 'Nobody' })).not.toBeChecked();
  await bea.getByRole('radio', { name: 'My friends' }).check();
  await bea.getByRole('button', { name: 'Save choice' }).click();
  await expect(bea.getByRole('status')).toContainText('Your choice is saved.');

  // Bea signs up to an event.
  await open(bea, '/events?q=Leeds');
  await bea.getByRole('link', { name: EVENT }).click();
  // The event page's code loads first, then the address changes.
  await expect(bea.getByRole('heading', { level: 1, name: EVENT })).toBeVisible();
  const eventPath = new URL(bea.url()).pathname;
  await bea.getByRole('button', { name: 'Sign up' }).click();
  await expect(bea.getByRole('heading', { name: "You're going!" })).toBeVisible();

  // Ann sees her going, and the event among her suggestions.
  await open(page, eventPath);
  await expect(page.getByText('Bea Friend is going.')).toBeVisible();
  await open(page, '/events/suggested');
  // The reason sits inside its event's card.
  const suggestion = page.getByRole('article').filter({ hasText: EVENT });
  await expect(suggestion).toContainText('Bea Friend is going');

  // Bea hides her sign-ups: Ann no longer sees them anywhere.
  await open(bea, '/friends');
  await bea.getByRole('radio', { name: 'Nobody' }).check();
  await bea.getByRole('button', { name: 'Save choice' }).click();
  await expect(bea.getByRole('status')).toContainText('Your choice is saved.');
  await open(page, eventPath);
  await expect(page.getByRole('heading', { level: 1, name: EVENT })).toBeVisible();
  await expect(page.getByText('Bea Friend is going')).toHaveCount(0);
  await open(page, '/events/suggested');
  await expect(page.getByText('Bea Friend is going')).toHaveCount(0);
  await beaContext.close();
});
