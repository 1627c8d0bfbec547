import { expect, test } from './fixtures';
import { noJs, open, signIn, STAFF_EMAIL, STAFF_PASSWORD } from './helpers';
import type { Page } from '@playwright/test';

/** Waits until the service worker controls the page (the first load never is). */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('pages visited and My events stay readable offline, marked as saved copies', async ({ page, context }, testInfo) => {
  test.skip(noJs(testInfo), 'service workers need JavaScript');
  await signIn(page, 'sam@membersnet.example', 'demo-password-2026');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sam Patel' })).toBeVisible();
  await open(page, '/events');
  await controlled(page);
  await open(page, '/events');
  await open(page, '/my-events');
  const firstEvent = page.locator('.my-events a[href^="/events/"]').first();
  const eventTitle = (await firstEvent.textContent())!.trim();
  const eventPath = new URL(await firstEvent.evaluate((a) => (a as HTMLAnchorElement).href)).pathname;
  // Give the worker a moment to keep the listed events' pages.
  await expect
    .poll(() => page.evaluate(async (path) => !!(await (await caches.open('membersnet-pages-v1')).match(path)), eventPath))
    .toBe(true);

  await context.setOffline(true);
  // A page seen before: its copy, saying when it was saved.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'My events' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'You are offline.' })).toContainText(/saved \w{3} \d{1,2} \w{3}, \d{1,2}(:\d\d)?[ap]m/);
  // Following a link from it: the event's own copy, never opened before, kept by My events.
  await page.getByRole('link', { name: eventTitle }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: eventTitle })).toBeVisible();
  await expect(page.getByText('This copy was saved')).toBeVisible();
  // A page never seen: "You are offline", not a server error.
  await page.goto('/groups/new').catch(() => undefined);
  await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
  await context.setOffline(false);

  // Signing out forgets every kept page (a shared phone keeps nothing of Sam's).
  await open(page, '/');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('status')).toContainText('You have signed out');
  await expect
    .poll(() => page.evaluate(async () => (await (await caches.open('membersnet-pages-v1')).keys()).length))
    .toBe(0);
});

test('a following link offline, from a live page, says offline rather than failing', async ({ page, context }, testInfo) => {
  test.skip(noJs(testInfo), 'service workers need JavaScript');
  await open(page, '/');
  await controlled(page);
  await context.setOffline(true);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
  await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
  await expect(page.getByText('Something went wrong')).toHaveCount(0);
  await context.setOffline(false);
});

test('check-in taps made offline on the dashboard are sent once back online', async ({ page, context }, testInfo) => {
  test.skip(noJs(testInfo), 'keeping taps needs JavaScript; without it the form posts at once');
  await signIn(page, STAFF_EMAIL, STAFF_PASSWORD);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' })).toBeVisible();
  await open(page, '/events/1/dashboard');
  const button = page.getByRole('button', { name: /^Check in / }).first();
  const name = (await button.getAttribute('aria-label'))!.replace('Check in ', '');
  const arrived = async () => Number((await page.locator('.lede').textContent())!.match(/(\d+) checked in/)![1]);
  const before = await arrived();

  await context.setOffline(true);
  await button.click();
  await expect(page.getByText('Offline: saved, sent when you are back online')).toBeVisible();
  expect(await arrived()).toBe(before);
  await context.setOffline(false);
  await expect(page.getByRole('button', { name: `Undo check-in for ${name}` })).toBeVisible();
  await expect(page.locator('.lede')).toContainText(`${before + 1} checked in`);
  // The server has it, once.
  await page.reload();
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
  await expect(page.locator('.lede')).toContainText(`${before + 1} checked in`);
  expect(await page.evaluate(() => localStorage.getItem('membersnet-check-ins'))).toBe('[]');

  // Put it back for the other journeys.
  await page.getByRole('button', { name: `Undo check-in for ${name}` }).click();
  await expect(page.getByRole('button', { name: `Check in ${name}` })).toBeVisible();
});
