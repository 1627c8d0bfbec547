import { expect, test } from './fixtures';
import { noJs, open, signIn, STAFF_EMAIL, STAFF_PASSWORD } from './helpers';

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
  // The fixture fails the test on any console error: a Content-Security-Policy refusal,
  // a hydration mismatch or a page's code that did not load.
  for (const path of ['/', '/sign-in', '/sign-up', '/reset-password', '/events', '/events/1-door-knocking-in-ancoats', '/events/new', '/groups']) {
    await page.goto(path);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    if (!noJs(testInfo)) {
      await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
    }
  }
});

test('moving between pages loads each page’s code when first needed', async ({ page }, testInfo) => {
  test.skip(noJs(testInfo), 'lazily loaded code needs JavaScript');
  await open(page, '/');
  const wasm: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) wasm.push(request.url());
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Events' }).click();
  await expect(page).toHaveURL(/\/events$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(wasm.length, 'the event list’s own code, fetched on the way').toBeGreaterThan(0);
});

test('a page opened just after signing in keeps its own script policy', async ({ browser }, testInfo) => {
  test.skip(noJs(testInfo), 'the failure showed only with the app running in the browser');
  // Twelve sign-ins and page loads: over 30 seconds on a busy two-core machine.
  test.setTimeout(90_000);
  // Once in about six tries, a page opened right after signing in went out with the
  // fallback policy (no nonce), so the browser refused hydration's scripts.
  for (let attempt = 0; attempt < 12; attempt++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, STAFF_EMAIL, STAFF_PASSWORD);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' })).toBeVisible();
    const response = await page.goto('/staff/events');
    expect((await response!.allHeaders())['content-security-policy']).toContain("'nonce-");
    await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
    await context.close();
  }
});
