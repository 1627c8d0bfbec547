import { expect, test as base } from '@playwright/test';

export { expect };

// Console errors that a journey causes on purpose: a form the server turns down (4xx)
// and pages asked for with the network switched off.
const EXPECTED = [/^Failed to load resource: the server responded with a status of 4\d\d/, /net::ERR_INTERNET_DISCONNECTED/];

/** Every journey fails on any other error in the browser's console or an uncaught
 *  exception: a hydration mismatch, a refused script, a page's code that did not load. */
export const test = base.extend({
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !EXPECTED.some((pattern) => pattern.test(message.text()))) {
        problems.push(message.text());
      }
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await use(page);
    expect(problems, 'errors in the browser console').toEqual([]);
  },
});
