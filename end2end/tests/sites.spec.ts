import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { noJs, open, signIn, uniqueEmail } from './helpers';

const PASSWORD = 'demo-password-2026';
// A 2 × 2 PNG, as a phone's photo would be uploaded.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);
const GROUP = 'sheffield-central-local-party';

test('Priya builds a page of Sheffield Central’s site, sets the imprint, publishes, and a visitor joins from it', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const slug = `news-${testInfo.project.name}-${Date.now()}`;
  const words = `Street stall on Saturday (${testInfo.project.name})`;
  await signIn(page, 'priya@membersnet.example', PASSWORD);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Priya Shah' })).toBeVisible();
  await open(page, `/groups/${GROUP}`);
  await page.getByRole('link', { name: 'Build the web site and widgets' }).click();
  await expect(page.getByRole('heading', { name: 'Sheffield Central Local Party: web site' })).toBeVisible();

  await page.getByLabel('Promoted by (name)').fill('Priya Shah');
  await page.getByLabel("Promoter's address").fill('12 Division Street, Sheffield S1 4GF');
  await page.getByRole('radio', { name: 'Teal' }).check();
  await page.getByRole('button', { name: 'Save imprint and colour' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await page.getByLabel('Title', { exact: true }).fill('News');
  await page.getByLabel('Address', { exact: true }).fill(slug);
  await page.getByRole('button', { name: 'Add page' }).click();
  await expect(page.getByRole('heading', { name: 'Edit “News”' })).toBeVisible();

  for (const kind of ['Text', 'Image', 'Upcoming events', 'Join us / stay in touch']) {
    await page.getByLabel('Kind of block').selectOption({ label: kind });
    await page.getByRole('button', { name: 'Add block' }).click();
    await expect(page.getByRole('heading', { name: new RegExp(`\\d\\. ${kind}`) })).toBeVisible();
  }
  await page.getByLabel('Text', { exact: true }).fill(`**${words}**: come and help.`);
  await page.getByRole('button', { name: 'Save block' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved in the draft' })).toBeVisible();
  await page.getByLabel('Text alternative (alt text)').fill('Volunteers at the street stall');
  await page.getByRole('button', { name: 'Save block' }).nth(1).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved in the draft' })).toBeVisible();
  await page.getByLabel('Image file').setInputFiles({ name: 'stall.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: 'Upload image' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved in the draft' })).toBeVisible();
  await expect(page.locator('img.site-image-preview')).toBeAttached();
  await page.getByRole('button', { name: 'Move block 4 up' }).click();
  await expect(page.getByRole('heading', { name: '3. Join us / stay in touch' })).toBeVisible();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();

  // A visitor, signed out, in a browser of their own.
  const context = await browser.newContext({ javaScriptEnabled: !noJs(testInfo) });
  const visitor = await context.newPage();
  await visitor.goto(`/p/${GROUP}/${slug}`);
  await expect(visitor.getByRole('heading', { name: 'News', level: 1 })).toBeVisible();
  await expect(visitor.getByText(words)).toBeVisible();
  await expect(visitor.getByRole('img', { name: 'Volunteers at the street stall' })).toBeVisible();
  await expect(visitor.getByRole('contentinfo')).toContainText('Promoted by Priya Shah, 12 Division Street, Sheffield S1 4GF.');
  await expect(visitor.getByRole('heading', { name: 'Coming up' })).toBeVisible();
  // A postcode that is none: refused beside its field, with what was typed kept.
  await visitor.getByLabel('Your name').fill('Vic Visitor');
  await visitor.getByLabel('Email address').fill(uniqueEmail('vic', testInfo));
  await visitor.getByLabel('Postcode').fill('NOWHERE');
  await visitor.getByRole('button', { name: 'Stay in touch' }).click();
  await expect(visitor.locator('.field-invalid').getByLabel('Postcode')).toBeVisible();
  await expect(visitor.getByLabel('Your name')).toHaveValue('Vic Visitor');
  await visitor.getByLabel('Postcode').fill('S1 2HH');
  await visitor.getByLabel(/Email me news/).check();
  await visitor.getByRole('button', { name: 'Stay in touch' }).click();
  await expect(visitor.getByRole('status')).toContainText('we have your details');
  await context.close();
});

test('an events widget on another site lists events, signs a guest up inside the frame, resizes, and sets no cookie', async ({ page }, testInfo) => {
  test.skip(noJs(testInfo), 'the frame resizes by script; its forms are covered with JavaScript off on the site page');
  test.setTimeout(90_000);
  const origin = new URL(testInfo.project.use.baseURL ?? 'http://127.0.0.1:3000').origin;
  // The event shown first on the group's events widget.
  const list = await page.request.get(`${origin}/embed/groups/${GROUP}/events`);
  const href = /href="\/events\/(\d+)-/.exec(await list.text());
  expect(href, 'the demo group has an upcoming event').toBeTruthy();
  const eventId = href![1];
  const blog = `<!DOCTYPE html><html lang="en"><head><title>A blog</title></head><body><h1>My blog</h1>
    <iframe src="${origin}/embed/groups/${GROUP}/events" title="Events list" width="100%" height="520" data-membersnet-widget></iframe>
    <iframe src="${origin}/embed/events/${eventId}" title="Sign up" width="100%" height="520" data-membersnet-widget></iframe>
    <script src="${origin}/embed/resize.js" async></script></body></html>`;
  const server: Server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(blog);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    await page.goto(`http://localhost:${port}/`);
    const events = page.frameLocator('iframe[title="Events list"]');
    await expect(events.getByRole('heading', { name: /Events with Sheffield Central/ })).toBeVisible();
    await expect(events.getByRole('listitem').first()).toBeVisible();
    // The widget told the page its height, so the frame is no longer the snippet's 520px.
    await expect.poll(async () => page.locator('iframe[title="Events list"]').evaluate((f) => (f as HTMLIFrameElement).style.height)).toMatch(/^\d+px$/);

    const signUp = page.frameLocator('iframe[title="Sign up"]');
    await signUp.getByLabel('Your name').fill('Wendy Widget');
    await signUp.getByLabel('Email address').fill(uniqueEmail('wendy', testInfo));
    await signUp.getByRole('button', { name: 'Sign up' }).click();
    await expect(signUp.getByRole('status')).toContainText(/signed up|waitlist/);
    expect(await page.context().cookies(origin)).toEqual([]);
  } finally {
    server.close();
  }
});
