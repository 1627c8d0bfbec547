import { expect, test } from './fixtures';
import { linkFromOutbox, open, signIn, signOut, signUp, uniqueEmail } from './helpers';

test('reset a forgotten password with the link from the staff outbox', async ({ page, browser }, testInfo) => {
  const email = uniqueEmail('reset', testInfo);
  await signUp(page, 'Priya Shah', email, 'first passphrase here');
  await signOut(page);

  await open(page, '/sign-in');
  await page.getByRole('link', { name: 'Forgotten your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText('we have sent it a link');

  const link = await linkFromOutbox(browser, email, /http:\/\/127\.0\.0\.1:\d+\/reset-password\/[0-9a-f]{64}/);
  await open(page, link);
  await page.getByLabel('New password').fill('second passphrase here');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password has been changed');

  await signIn(page, email, 'second passphrase here');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Priya Shah' })).toBeVisible();
});
