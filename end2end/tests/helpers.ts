import { Browser, expect, Page, test, TestInfo } from '@playwright/test';

/** True when this run has JavaScript turned off. */
export function noJs(testInfo: TestInfo): boolean {
  return testInfo.project.name === 'no-js';
}

/** Opens a page and, with JavaScript on, waits until the app has hydrated (clicks
 *  before that would be lost). */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  if (!noJs(test.info())) {
    await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
  }
}

/** A fresh email address, so journeys never collide on the shared database. */
export function uniqueEmail(prefix: string, testInfo: TestInfo): string {
  return `${prefix}-${testInfo.project.name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
}

export const STAFF_EMAIL = 'staff@membersnet.example';
export const STAFF_PASSWORD = 'staff-demo-2026';

/** Creates an account through the sign-up form, confirms its address with the emailed
 *  link (which signs it in) and waits until it is signed in. */
export async function signUp(page: Page, name: string, email: string, password: string): Promise<void> {
  await open(page, '/sign-up');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('status')).toContainText('Check your email');
  const browser = page.context().browser();
  expect(browser, 'a browser to read the outbox with').toBeTruthy();
  await confirmAddress(page, browser!, email);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name })).toBeVisible();
}

/** Signs in through the form. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await open(page, '/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs out with the header's button. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('status')).toContainText('You have signed out');
}

/** Reads a link out of the newest email to `to`, as staff see it on the outbox page
 *  (no mail server is set up in the tests). */
export async function linkFromOutbox(browser: Browser, to: string, pattern: RegExp): Promise<string> {
  const context = await browser.newContext({ javaScriptEnabled: !noJs(test.info()) });
  const staff = await context.newPage();
  await signIn(staff, STAFF_EMAIL, STAFF_PASSWORD);
  await staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
  const message = staff.getByRole('article', { name: `Email to ${to}` }).first();
  await expect(message).toBeVisible();
  const link = (await message.textContent())?.match(pattern)?.[0];
  await context.close();
  expect(link, `a link in the email to ${to}`).toBeTruthy();
  return new URL(link!).pathname;
}

/** Staff approve a waiting event by its title (events from new accounts wait for staff,
 *  as the site ships). */
export async function approveAsStaff(browser: Browser, title: string): Promise<void> {
  const context = await browser.newContext({ javaScriptEnabled: !noJs(test.info()) });
  const staff = await context.newPage();
  await signIn(staff, STAFF_EMAIL, STAFF_PASSWORD);
  // Signed in once the staff-only link shows (with JavaScript the form posts in the background).
  await expect(staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' })).toBeVisible();
  await open(staff, '/staff/events');
  await staff.getByRole('button', { name: `Approve ${title}` }).click();
  await expect(staff.getByRole('button', { name: `Approve ${title}` })).toHaveCount(0);
  await context.close();
}

/** Confirms the address of a new account with the link emailed at sign-up: the link
 *  opens a page, and only its button confirms. */
export async function confirmAddress(page: Page, browser: Browser, email: string): Promise<void> {
  const confirm = await linkFromOutbox(browser, email, /http:\/\/[^\s]+\/account\/confirm\/[0-9a-f]{64}/);
  await open(page, confirm);
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await expect(page.getByRole('status')).toContainText('your address is confirmed');
}
