import { inflateRawSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { Download } from '@playwright/test';
import { expect, test } from './fixtures';
import { linkFromOutbox, open, signUp, uniqueEmail } from './helpers';

/** The files in a downloaded ZIP, by name (read by its central directory). */
async function unzip(download: Download): Promise<Record<string, string>> {
  const zip = readFileSync((await download.path())!);
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const files: Record<string, string> = {};
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const packed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + zip.readUInt16LE(local + 26);
    files[name] = inflateRawSync(zip.subarray(dataAt, dataAt + packed)).toString('utf8');
    at += 46 + nameLength;
  }
  return files;
}

test('a member downloads their data and finds their sign-ups and consents in it', async ({ page }, testInfo) => {
  const email = uniqueEmail('dora', testInfo);
  const password = 'correct horse battery';
  await signUp(page, 'Dora Download', email, password);
  await open(page, '/events?q=Leeds');
  await page.getByRole('link', { name: "Leeds members' meeting" }).click();
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('heading', { name: "You're going!" })).toBeVisible();
  await open(page, '/preferences');
  await page.getByRole('button', { name: /^Allow email from/ }).first().click();
  await expect(page.getByRole('button', { name: /^Stop email from/ }).first()).toBeVisible();

  await open(page, '/profile');
  const section = page.getByRole('region', { name: 'Download your data' });
  await section.getByLabel('Confirm your password').fill('not my password');
  await section.getByRole('button', { name: 'Prepare my download' }).click();
  await expect(section.getByText('That password is not right.')).toBeVisible();
  await section.getByLabel('Confirm your password').fill(password);
  await section.getByRole('button', { name: 'Prepare my download' }).click();
  const link = page.getByRole('link', { name: 'Download your data (ZIP)' }).first();
  await expect(link).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const files = await unzip(download);
  const data = JSON.parse(files['data.json']);
  expect(data.people[0].email).toBe(email);
  expect(data.signups.length).toBe(1);
  expect(data.consent_records.some((r: { granted: unknown }) => r.granted === true || r.granted === 1)).toBe(true);
  expect(data.sessions.some((s: { device: string }) => s.device === 'Chrome on Linux')).toBe(true);
  expect(data.activity.calendar_feed).toBe('off');
  expect(files['summary.html']).toContain('Everything MembersNet holds about Dora Download');
  expect(files['signups.csv']).toContain(email);
});

test('a guest erases their sign-up from the emailed link', async ({ page, browser }, testInfo) => {
  const email = uniqueEmail('gail', testInfo);
  await open(page, '/events?q=Leeds');
  await page.getByRole('link', { name: "Leeds members' meeting" }).click();
  await page.getByLabel('Your name').fill('Gail Guest');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('heading', { name: "You're going!" })).toBeVisible();

  await open(page, '/privacy');
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy notice' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Your sign-ups to events/ })).toBeVisible();
  await page.getByRole('link', { name: 'Download or erase what we hold under your email address' }).click();
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a link' }).click();
  await expect(page.getByRole('status')).toContainText('We have emailed a link');

  const path = await linkFromOutbox(browser, email, /http:\/\/[^\s]+\/privacy\/guest\/[0-9a-f]{64}/);
  await open(page, path);
  await expect(page.getByText(email)).toBeVisible();
  await page.getByRole('button', { name: 'Erase my data' }).click();
  await expect(page.getByText('Tick the box to say you understand')).toBeVisible();
  await page.getByLabel('I understand this cannot be undone').check();
  await page.getByRole('button', { name: 'Erase my data' }).click();
  await expect(page.getByRole('heading', { name: 'Your data has been erased' })).toBeVisible();

  await open(page, path);
  await expect(page.getByRole('alert')).toContainText('Ask for a new one');
});
