import { expect, test } from '@playwright/test';
import { noJs, open } from './helpers';

test('the web app manifest is valid and its icons are served', async ({ request }) => {
  const response = await request.get('/manifest.webmanifest');
  expect(response.ok()).toBeTruthy();
  const manifest = await response.json();
  expect(manifest.name).toBe('MembersNet');
  expect(manifest.short_name).toBeTruthy();
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toMatch(/^\//);
  expect(manifest.theme_color).toMatch(/^#/);
  const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
  expect(sizes).toContain('192x192');
  expect(sizes).toContain('512x512');
  expect(manifest.icons.some((icon: { purpose?: string }) => icon.purpose === 'maskable')).toBeTruthy();
  for (const icon of manifest.icons) {
    const image = await request.get(icon.src);
    expect(image.ok()).toBeTruthy();
    expect(image.headers()['content-type']).toBe('image/png');
  }
});

test('the service worker registers and the site is installable', async ({ page }, testInfo) => {
  test.skip(noJs(testInfo), 'service workers need JavaScript');
  await open(page, '/');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(new URL('/', page.url()).href);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  const errors = installabilityErrors.map((e: { errorId: string }) => e.errorId).filter((id: string) => id !== 'in-incognito');
  expect(errors).toEqual([]);
});

test('with the network gone, the offline page is shown', async ({ page, context }, testInfo) => {
  test.skip(noJs(testInfo), 'service workers need JavaScript');
  await open(page, '/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first load is not yet controlled: reload once so the worker serves the page.
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await page.goto('/events').catch(() => undefined);
  await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
  await context.setOffline(false);
});

test('pages work without JavaScript and hydrate with it, with no errors', async ({ page }, testInfo) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  for (const path of ['/', '/sign-in', '/sign-up', '/reset-password', '/events', '/events/1-door-knocking-in-ancoats', '/events/new']) {
    await page.goto(path);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    if (!noJs(testInfo)) {
      await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
    }
  }
  // A Content-Security-Policy refusal or a hydration mismatch shows up as a console error.
  expect(problems).toEqual([]);
});
