import { expect, test } from './fixtures';
import { open, signIn, signOut, signUp, uniqueEmail } from './helpers';

test('create an account, sign out, sign in, edit the profile, delete the account', async ({ page }, testInfo) => {
  const email = uniqueEmail('sam', testInfo);
  const password = 'correct horse battery';

  await signUp(page, 'Sam Patel', email, password);
  await expect(page.getByRole('status')).toContainText('you are signed in');

  await signOut(page);
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  await signIn(page, email, password);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Sam Patel' }).click();
  await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();

  await page.getByLabel('Your name').fill('Sam R Patel');
  await page.getByLabel('Postcode (optional)').fill('m1 1ae');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status')).toContainText('Your profile has been saved');
  await expect(page.getByLabel('Postcode (optional)')).toHaveValue('M1 1AE');
  await expect(nav.getByRole('link', { name: 'Sam R Patel' })).toBeVisible();

  await page.getByLabel('Your password, to confirm').fill(password);
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByRole('status')).toContainText('has been deleted');

  await signIn(page, email, password);
  await expect(page.getByRole('alert')).toContainText('That email or password is not right.');
});

test('bad input is explained next to the field it belongs to', async ({ page }, testInfo) => {
  await open(page, '/sign-up');
  await page.getByLabel('Your name').fill('Priya');
  await page.getByLabel('Email').fill(uniqueEmail('priya', testInfo));
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByLabel('Postcode (optional)').fill('LS1 4AP');
  await page.getByRole('button', { name: 'Create account' }).click();

  const passwordField = page.getByLabel('Password', { exact: true });
  await expect(passwordField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Use at least 10 characters')).toBeVisible();
  await expect(page.getByLabel('Your name')).toHaveAttribute('aria-invalid', 'false');
});

test('an unknown page is a friendly 404', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'We could not find that page' })).toBeVisible();
});
