import { expect, test } from './fixtures';
import { approveAsStaff, linkFromOutbox, open, signUp, uniqueEmail } from './helpers';

test('a guest finds an event near a postcode and signs up without an account', async ({ page }, testInfo) => {
  await open(page, '/events');
  const search = page.getByRole('search', { name: 'Find events' });
  await search.getByLabel('Near (postcode or town)').fill('ZZ9 9ZZ');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText("We don't know where ZZ9 9ZZ is")).toBeVisible();
  await expect(search.getByLabel('Near (postcode or town)')).toHaveAttribute('aria-invalid', 'true');

  await search.getByLabel('Near (postcode or town)').fill('M1 1AE');
  await search.getByLabel('Within').selectOption('5');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('link', { name: 'Door knocking in Ancoats' })).toBeVisible();
  await expect(page.getByRole('link', { name: "Leeds members' meeting" })).toHaveCount(0);
  await page.getByRole('link', { name: 'Door knocking in Ancoats' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Door knocking in Ancoats' })).toBeVisible();
  // Once in a while (two red CI runs), the sign-up form was drawn again just after this
  // client-side navigation, emptying the fields typed into it, so the browser's own
  // required-field check stopped the submit. Not yet explained: typing waits until the
  // page has stopped loading.
  await page.waitForLoadState('networkidle');

  await page.getByLabel('Your name').fill('Gita Guest');
  await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('gita', testInfo));
  await page.getByLabel(/Email me about this event/).check();
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('heading', { name: "You're going!" })).toBeVisible();
});

test('the home page finds events near a town by name, and asks which of several', async ({ page }) => {
  await open(page, '/');
  const search = page.getByRole('search', { name: 'Events near you' });
  await search.getByLabel('Your postcode or town').fill('Newport');
  await search.getByRole('button', { name: 'Find events' }).click();
  await expect(page.getByText('There is more than one Newport')).toBeVisible();
  await expect(search.getByLabel('Your postcode or town')).toHaveAttribute('aria-invalid', 'true');

  await search.getByLabel('Your postcode or town').fill('leeds');
  await search.getByRole('button', { name: 'Find events' }).click();
  await expect(page.getByRole('link', { name: "Leeds members' meeting" })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Door knocking in Ancoats' })).toHaveCount(0);
  await page.getByRole('link', { name: 'See all events near leeds' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  await expect(page.getByRole('link', { name: "Leeds members' meeting" })).toBeVisible();
});

test('a full event offers its waitlist', async ({ page }, testInfo) => {
  await open(page, '/events?q=by-election');
  await page.getByRole('link', { name: 'Phone bank for the by-election' }).click();
  await expect(page.getByText('Full: join the waitlist')).toBeVisible();
  await page.getByLabel('Your name').fill('Wendy Waiting');
  await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('wendy', testInfo));
  await page.getByRole('button', { name: 'Join the waitlist' }).click();
  await expect(page.getByRole('heading', { name: "You're on the waitlist" })).toBeVisible();
});

test('a member signs up with one click, sees it in My events, and cancels by the emailed link', async ({ page, browser }, testInfo) => {
  const email = uniqueEmail('mo', testInfo);
  await signUp(page, 'Mo Member', email, 'correct horse battery');
  await open(page, '/events?q=Leeds');
  await page.getByRole('link', { name: "Leeds members' meeting" }).click();
  await expect(page.getByText('Signing up as Mo Member')).toBeVisible();
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('heading', { name: "You're going!" })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My events' }).click();
  await expect(page.getByRole('link', { name: "Leeds members' meeting" })).toBeVisible();

  const cancel = await linkFromOutbox(browser, email, /http:\/\/127\.0\.0\.1:\d+\/events\/cancel\/[0-9a-f]{64}/);
  await open(page, cancel);
  await page.getByRole('button', { name: 'Cancel my place' }).click();
  await expect(page.getByRole('status')).toContainText('Your place is cancelled');
  // The used link says so, and offers the event again.
  await open(page, cancel);
  await expect(page.getByText('was already cancelled')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel my place' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Sign up again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Leeds members' meeting" })).toBeVisible();
  await open(page, '/my-events');
  await expect(page.getByText('You have not signed up to anything yet.')).toBeVisible();
});

test('a host creates an event, checks someone in and downloads the attendee list', async ({ page, browser }, testInfo) => {
  const hostEmail = uniqueEmail('hana', testInfo);
  await signUp(page, 'Hana Host', hostEmail, 'correct horse battery');
  await open(page, '/events/new');
  const title = `Street stall ${testInfo.project.name} ${Date.now()}`;
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Kind').selectOption('canvassing');
  const date = new Date(Date.now() + 5 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await page.getByLabel('Date').fill(date);
  await page.getByLabel('Starts (UK time)').fill('10:00');
  await page.getByLabel('Ends (UK time)').fill('09:00');
  await page.getByLabel('Venue (for events in person)').fill('Market square');
  await page.getByLabel('Places (blank for no limit)').fill('8');
  await page.getByRole('button', { name: 'Publish event' }).click();
  await expect(page.getByText('The end must be after the start.')).toBeVisible();
  await expect(page.getByLabel('Ends (UK time)')).toHaveAttribute('aria-invalid', 'true');

  // Without JavaScript the form comes back empty after an error; fill what is missing.
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Kind').selectOption('canvassing');
  await page.getByLabel('Date').fill(date);
  await page.getByLabel('Starts (UK time)').fill('10:00');
  await page.getByLabel('Ends (UK time)').fill('12:00');
  await page.getByLabel('Venue (for events in person)').fill('Market square');
  await page.getByLabel('Places (blank for no limit)').fill('8');
  await page.getByRole('button', { name: 'Publish event' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // A new account's event waits for staff before anyone can sign up.
  await expect(page.getByText('This event is waiting for staff to approve it.')).toBeVisible();
  await approveAsStaff(browser, title);
  await open(page, new URL(page.url()).pathname);
  await expect(page.getByText('8 places left')).toBeVisible();

  // The host signs up too, then checks themselves in from the dashboard.
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('heading', { name: "You're going!" })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the event' }).click();
  await page.getByRole('link', { name: 'Host dashboard' }).click();
  await expect(page.getByRole('row', { name: /Hana Host/ })).toContainText('Going');
  await page.getByRole('button', { name: 'Check in Hana Host' }).click();
  await expect(page.getByRole('button', { name: 'Undo check-in for Hana Host' })).toBeVisible();
  await expect(page.getByText('1 going · 0 waiting · 1 checked in')).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download attendees (CSV)' }).click(),
  ]);
  const csv = require('fs').readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('name,email,phone,status,checked_in,when');
  expect(csv).toContain(`"${hostEmail}"`);
  expect(csv).toContain('"yes"');
});
