import { expect, test } from './fixtures';
import { approveAsStaff, open, signUp, uniqueEmail } from './helpers';

test('a host makes a weekly event with shifts, brings a guest by share link, edits it and cancels it', async ({ page, browser }, testInfo) => {
  await signUp(page, 'Harriet Host', uniqueEmail('harriet', testInfo), 'correct horse battery');
  await open(page, '/events/new');
  const title = `Phone bank shifts ${testInfo.project.name} ${Date.now()}`;
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Kind').selectOption('phone_bank');
  await page.getByLabel('Date', { exact: true }).fill(new Date(Date.now() + 6 * 24 * 3600 * 1000).toISOString().slice(0, 10));
  await page.getByText('More dates or shifts (optional)').click();
  await page.getByLabel('Repeat weekly for (weeks, in all)').fill('2');
  await page.getByLabel('Shifts').fill('10:00-12:00 Morning\n13:00-15:00 Afternoon');
  await page.getByLabel('Venue (for events in person)').fill('Party office');
  await page.getByLabel('Places (blank for no limit)').fill('3');
  await page.getByRole('button', { name: 'Publish event' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // A new account's event waits for staff before anyone can sign up.
  await expect(page.getByText('This event is waiting for staff to approve it.')).toBeVisible();
  await approveAsStaff(browser, title);
  await open(page, new URL(page.url()).pathname);
  await expect(page.getByRole('radio', { name: /^Morning:/ })).toHaveCount(2);
  await expect(page.getByRole('radio', { name: /^Afternoon:/ })).toHaveCount(2);

  // A guest comes through the host's share link and chooses the second shift.
  const share = await page.getByLabel('Your share link').inputValue();
  // Ways to send it: WhatsApp and email links always, "Copy link" once the page is live.
  const whatsapp = await page.getByRole('link', { name: 'WhatsApp' }).getAttribute('href');
  expect(decodeURIComponent(whatsapp!.split('?text=')[1])).toBe(`${title} ${share}`);
  const email = await page.getByRole('link', { name: 'Email', exact: true }).getAttribute('href');
  expect(email).toMatch(/^mailto:\?subject=/);
  if (testInfo.project.name === 'js') {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(share);
  } else {
    await expect(page.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  }
  const guest = await browser.newPage();
  await open(guest, new URL(share).pathname + new URL(share).search);
  await guest.getByRole('radio', { name: /^Afternoon:/ }).first().check();
  await guest.getByLabel('Your name').fill('Gus Guest');
  await guest.getByLabel('Email', { exact: true }).fill(uniqueEmail('gus', testInfo));
  await guest.getByRole('button', { name: 'Sign up' }).click();
  await expect(guest.getByRole('heading', { name: "You're going!" })).toBeVisible();
  await guest.close();
  await open(page, '/profile');
  await expect(page.getByText('You have brought 1 person to events')).toBeVisible();

  // Edit the title; the dates stay.
  await page.goBack();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Title').fill(`${title} (new room)`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${title} (new room)` })).toBeVisible();

  // Cancel it: the guest is told by email.
  await page.getByRole('link', { name: 'Host dashboard' }).click();
  await expect(page.getByRole('row', { name: /Gus Guest/ })).toContainText('Going');
  await page.getByText('Cancel this event').click();
  await page.getByLabel('Reason (optional, included in the email)').fill('The office is closed.');
  await page.getByRole('button', { name: 'Cancel event and email everyone' }).click();
  await expect(page.getByText('Event cancelled. 1 person told by email.')).toBeVisible();
  await expect(page.getByText('This event is cancelled.')).toBeVisible();
});
