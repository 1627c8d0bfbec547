import { expect, test } from './fixtures';
import { linkFromOutbox, noJs, open, signIn, uniqueEmail } from './helpers';
import type { Page } from '@playwright/test';

const LOCAL = '/donate/sheffield-central-election-fund';

/** The thermometer's figure, in pence ("£1,234.50" → 123450). */
async function raised(page: Page): Promise<number> {
  const text = (await page.locator('[data-raised]').first().textContent()) ?? '';
  const [pounds, pence = '0'] = text.replace(/[£,]/g, '').split('.');
  return Number(pounds) * 100 + Number(pence.padEnd(2, '0'));
}

function pounds(pence: number): string {
  const whole = Math.floor(pence / 100).toLocaleString('en-GB');
  return pence % 100 === 0 ? `£${whole}` : `£${whole}.${String(pence % 100).padStart(2, '0')}`;
}

/** Fills in the donation form and pays at the fake provider's checkout. */
async function giveAndPay(page: Page, amount: { choice?: string; other?: string }, monthly: boolean, name: string, email: string) {
  if (amount.choice) {
    await page.getByRole('radio', { name: amount.choice, exact: true }).check();
  } else {
    await page.getByRole('radio', { name: 'Another amount' }).check();
    await page.getByLabel(/Another amount in pounds/).fill(amount.other!);
  }
  // Monthly is never chosen for the donor.
  await expect(page.getByRole('radio', { name: 'Every month, until I stop it' })).not.toBeChecked();
  if (monthly) await page.getByRole('radio', { name: 'Every month, until I stop it' }).check();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel(/Home address/).fill('7 Surrey Street, Sheffield');
  await page.getByLabel('Postcode').fill('S1 2HH');
  await page.getByLabel(/permissible donor/).check();
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await expect(page.getByRole('heading', { name: 'Test checkout' })).toBeVisible();
  await page.getByRole('button', { name: 'Pay by card' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible();
}

test('a visitor gives £25 a month; the thermometer moves; the receipt’s link stops the gift', async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const email = uniqueEmail('giver', testInfo);
  // Someone already watching the page.
  const watcher = await browser.newPage({ javaScriptEnabled: !noJs(testInfo) });
  await watcher.goto(LOCAL);
  const before = await raised(watcher);
  if (!noJs(testInfo)) {
    await expect(watcher.locator('[data-live]')).toBeVisible();
  }

  await page.goto(LOCAL);
  await expect(page.getByRole('heading', { level: 1, name: "Sheffield Central's election fund" })).toBeVisible();
  await expect(page.getByText(/Counts gifts once they are paid/)).toBeVisible();
  // A wrong postcode comes back beside its field, with the rest kept.
  await page.getByRole('radio', { name: '£25', exact: true }).check();
  await page.getByLabel('Your name').fill('Gail Giver');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel(/Home address/).fill('7 Surrey Street, Sheffield');
  await page.getByLabel('Postcode').fill('NOWHERE');
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await expect(page.locator('.field-invalid').getByLabel('Postcode')).toBeVisible();
  await expect(page.getByLabel('Your name')).toHaveValue('Gail Giver');

  await giveAndPay(page, { choice: '£25' }, true, 'Gail Giver', email);
  const after = pounds(before + 2500);
  if (noJs(testInfo)) {
    await watcher.reload();
  }
  // With JavaScript the watcher's page moves by itself, within five seconds.
  await expect(watcher.locator('[data-raised]')).toHaveText(after, { timeout: 5_000 });
  await expect(page.locator('[data-raised]')).toHaveText(after);
  await watcher.close();

  // The receipt's link: the gift's page, then one button.
  const manage = await linkFromOutbox(browser, email, /http:\/\/[^\s"<]+\/donate\/manage\/[A-Za-z0-9]+/);
  await page.goto(manage);
  await expect(page.getByRole('heading', { name: 'Your monthly gift' })).toBeVisible();
  await expect(page.getByText("£25 a month to Sheffield Central's election fund.")).toBeVisible();
  await page.getByRole('button', { name: 'Stop my monthly gift' }).click();
  await expect(page.getByRole('status')).toContainText('your monthly gift has stopped');
  await expect(page.getByText('nothing more will be taken')).toBeVisible();
});

test('the treasurer checks a £750 gift in the permissibility queue', async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const donor = noJs(testInfo) ? 'Vera Nojs' : 'Vera Js';
  const giving = await browser.newPage({ javaScriptEnabled: !noJs(testInfo) });
  await giving.goto(LOCAL);
  await giveAndPay(giving, { other: '750' }, false, donor, uniqueEmail('vera', testInfo));
  await giving.close();

  // Priya is Sheffield Central's treasurer.
  await signIn(page, 'priya@membersnet.example', 'demo-password-2026');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Priya Shah' })).toBeVisible();
  await open(page, '/treasurer');
  await expect(page.getByRole('heading', { name: 'Permissibility checks' })).toBeVisible();
  const item = page.getByRole('listitem', { name: `£750 from ${donor}` });
  await expect(item).toContainText('Day 0 of 30');
  await item.getByLabel('Register checked').fill('Sheffield electoral register 2026');
  await item.getByLabel('Reference').fill(`ER-${testInfo.project.name}`);
  await item.getByRole('radio', { name: /Accept/ }).check();
  await item.getByRole('button', { name: 'Record the check' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Check recorded.' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: `£750 from ${donor}` })).toHaveCount(0);
  await expect(page.getByRole('table').last()).toContainText(`ER-${testInfo.project.name}`);
});
