import { expect, test } from './fixtures';
import { open, signIn, STAFF_EMAIL, STAFF_PASSWORD } from './helpers';
import type { Page } from '@playwright/test';

// On a 320-pixel-wide phone no page may scroll sideways, and the things people tap
// (buttons, fields, event titles, the header's and footer's links) are at least 24 × 24
// pixels (WCAG 2.2 target size). Links inside sentences are exempt, as WCAG allows.

const PAGES = [
  '/', '/?near=M1', '/sign-in', '/sign-up', '/reset-password', '/events', '/events?near=Leeds',
  '/events/new', '/events/suggested', '/my-events', '/groups', '/groups/new', '/friends',
  '/messages', '/preferences', '/profile', '/staff/outbox', '/staff/emails', '/staff/events',
  '/privacy', '/privacy/guest', '/staff/access-log',
  // The demo's phonebank is the first: its dashboard, and its call page as staff see it.
  '/phonebanks', '/phonebanks/new', '/staff/phonebanks', '/phonebanks/1', '/phonebanks/1/call',
  // The demo's Q&As: Jo's past webchat (its record) and the upcoming forum Q&A.
  '/qa', '/qa/new', '/staff/politicians', '/qa/1', '/qa/2', '/qa/2/moderate',
  // The demo group's site as visitors see it, and its editor (staff may edit any group's).
  '/p/sheffield-central-local-party', '/p/sheffield-central-local-party/about-us',
  '/groups/sheffield-central-local-party/site', '/groups/sheffield-central-local-party/site/home',
  // Appeals as donors see them, the treasurer's books and the form that opens an appeal.
  '/donate', '/donate/fighting-fund', '/donate/sheffield-central-election-fund', '/treasurer', '/fundraising/new',
];

const TAPPABLE = [
  'button', 'select', 'input:not([type=hidden]):not([type=checkbox]):not([type=radio])', 'summary',
  '.event-card h2 a', '.site-header a', '.site-footer a', '.button',
  '.group-site-header a', '.group-site-footer a',
].join(', ');

/** What is wrong with the open page: the widest overflowing element, and small targets. */
async function problems(page: Page): Promise<string[]> {
  return page.evaluate((tappable) => {
    const found: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) {
      const wide = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`)
        .slice(-3);
      found.push(`scrolls sideways (${document.documentElement.scrollWidth}px): ${wide.join(', ')}`);
    }
    for (const el of document.querySelectorAll<HTMLElement>(tappable)) {
      const box = el.getBoundingClientRect();
      const shown = box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      if (shown && (box.width < 24 || box.height < 24) && !el.classList.contains('skip-link')) {
        found.push(`small target ${Math.round(box.width)}×${Math.round(box.height)}: ${el.outerHTML.slice(0, 80)}`);
      }
    }
    return found;
  }, TAPPABLE);
}

test('no page scrolls sideways at 320 pixels and every target is at least 24 × 24', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 320, height: 720 });
  await signIn(page, STAFF_EMAIL, STAFF_PASSWORD);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' })).toBeVisible();
  await open(page, '/events');
  const eventPath = new URL(await page.locator('.event-card h2 a').first().evaluate((a) => (a as HTMLAnchorElement).href)).pathname;
  const eventId = eventPath.split('/')[2].split('-')[0];
  await open(page, '/groups');
  const groupPath = new URL(await page.locator('.group-card h2 a, .card h2 a').first().evaluate((a) => (a as HTMLAnchorElement).href)).pathname;
  // The Sheffield group has a forum thread; staff's messages page lists national messages.
  await open(page, '/groups/sheffield-central-local-party');
  const threadPath = new URL(await page.locator('a[href*="/threads/"]').first().evaluate((a) => (a as HTMLAnchorElement).href)).pathname;
  await open(page, '/messages');
  const messageLinks = page.locator('a[href^="/messages/"]');
  const messagePath = (await messageLinks.count()) > 0
    ? new URL(await messageLinks.first().evaluate((a) => (a as HTMLAnchorElement).href)).pathname
    : '/messages';
  const pages = [
    ...PAGES, eventPath, `/events/${eventId}/dashboard`, `/events/${eventId}/edit`,
    `/events/${eventId}/signed-up?status=confirmed`, groupPath, threadPath, messagePath,
  ];

  const report: string[] = [];
  for (const path of pages) {
    // Group sites and donation pages are drawn on the server alone: nothing to hydrate.
    if (path.startsWith('/p/') || path.startsWith('/donate')) await page.goto(path);
    else await open(page, path);
    for (const problem of await problems(page)) report.push(`${path}: ${problem}`);
  }
  expect(report).toEqual([]);
});
