import { expect, test } from './fixtures';
import { open } from './helpers';

test('a keyboard user skips the navigation and signs in without a mouse', async ({ page }) => {
  await open(page, '/sign-in');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();

  await page.getByLabel('Email').focus();
  await page.keyboard.type('alex@membersnet.example');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  await page.keyboard.type('demo-password-2026');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alex Morgan' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('You have signed out');
});
