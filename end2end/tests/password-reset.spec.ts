import { expect, test } from '@playwright/test';
import { open, signIn, signOut, signUp, STAFF_EMAIL, STAFF_PASSWORD, uniqueEmail } from './helpers';

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

  // Staff read the email in the development outbox (no mail server is set up).
  const staffContext = await browser.newContext({ javaScriptEnabled: testInfo.project.name !== 'no-js' });
  const staff = await staffContext.newPage();
  await signIn(staff, STAFF_EMAIL, STAFF_PASSWORD);
  await staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
  const message = staff.getByRole('article', { name: `Email to ${email}` });
  await expect(message).toBeVisible();
  const link = (await message.textContent())?.match(/http:\/\/127\.0\.0\.1:\d+\/reset-password\/[0-9a-f]{64}/)?.[0];
  expect(link).toBeTruthy();
  await staffContext.close();

  await open(page, new URL(link!).pathname);
  await page.getByLabel('New password').fill('second passphrase here');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password has been changed');

  await signIn(page, email, 'second passphrase here');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Priya Shah' })).toBeVisible();
});
