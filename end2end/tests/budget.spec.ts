import { expect, test } from './fixtures';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { noJs } from './helpers';

// Download budgets. Sizes are deterministic for a build, so they are checked on every
// run; speed stays in the benchmark. These hold today's sizes with a little room, so any
// growth is a decision: issue 20 aims lower (250 KB in all, 150 KB of WASM, 100 KB per
// page), which the framework's own code alone exceeds (BENCHMARKS.md, "Download").
// Raised by decision (issue 21): the home page's own postcode-or-town search with
// nearby events under it took its WASM from 289,809 to 320,123 bytes.
const KB = 1000;
// Raised by decision (issue 23): the phonebank's two sections took the home page's first
// visit from 344,700 to 359,016 bytes (WASM 333,600): the frame grew under 1 KB (six
// route entries), the rest is the splitter's small chunks of code shared between the home
// page and other sections, now 104 files (78 before). Merging those is issue 20's work.
// Raised by decision (issue 24), as a finding to undo: with the Q&A's two sections the
// frame (membersnet.*.wasm) went from 212,019 to 265,534 bytes, measured against a build
// of the commit before on the same machine, and the first visit's WASM to 387,213. The
// Q&A's own code and words are not in the frame (no frame code refers to them), and an
// internally tagged enum was ruled out; the splitter now keeps more shared code in the
// frame. Bisecting which part of the Q&A sections does that is the next step (BENCHMARKS.md).
// Raised by decision (issue 25), also a finding: the Web Creator's editor section, its two
// routes and the group page's link to the site took the frame from 265,534 to 269,459
// bytes and the first visit to 424,087 (WASM 392,780). Group sites and widgets themselves
// carry no WASM at all (drawn on the server).
// Raised by decision (issue 26), a finding for issue 20 too: fundraising's section (the
// treasurer's books and the form that opens an appeal), its two routes and the footer's
// and staff header's links took the first visit from 424,087 to 430,973 bytes (WASM from
// 392,780 to 397,507; the stylesheet and the split loader the rest). Donors' pages, the
// thermometer and the donate widget carry no WASM (drawn on the server).
// Lowered (issue 20): with the splitter's small shared chunks merged into one, the first
// visit fell from about 431 KB to 387,706 bytes (WASM 372,256, five files).
// Lowered (issue 20): small shared chunks merged apart for the home page, an event page and
// the events search (build.sh), so the home page no longer loads code only other pages
// share: 317,795 bytes (WASM 302,257, six files).
const FIRST_VISIT_BUDGET = 325 * KB; // everything the home page's first visit fetches
const FIRST_VISIT_WASM_BUDGET = 310 * KB; // of which WebAssembly
// Each WASM file is compiled and instantiated on its own: at 139 files for the home page
// and 227 for an event page (before small shared chunks were merged, issue 20), that was
// 0.6-1.9 s of blocking time on Lighthouse's phone.
const FIRST_VISIT_WASM_FILES = 8;
// The groups section (directory, group page, forum and organisers' tools) passed 150 KB
// with the searchable, paged member list (issue 21): 152,955 bytes.
const PAGE_CHUNK_BUDGET = 160 * KB; // each section's own code, as sent

const pkgDir = join(process.env.LEPTOS_SITE_ROOT ?? join(__dirname, '../../target/site'), 'pkg');

test('the home page’s first visit stays within its download budget', async ({ browser }, testInfo) => {
  test.skip(noJs(testInfo), 'measured once, with the code that JavaScript loads');
  // A fresh context: nothing cached, no service worker yet.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
  const entries: { name: string; size: number }[] = await page.evaluate(() =>
    [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ].map((entry) => ({
      name: entry.name,
      size: (entry as PerformanceResourceTiming).encodedBodySize,
    })),
  );
  await context.close();
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  const wasm = entries.filter((entry) => entry.name.endsWith('.wasm')).reduce((sum, entry) => sum + entry.size, 0);
  const report = entries.map((entry) => `${entry.size}\t${entry.name}`).join('\n');
  testInfo.annotations.push({ type: 'first visit', description: `${total} bytes (WASM ${wasm})\n${report}` });
  expect(wasm, `WASM on the first visit:\n${report}`).toBeGreaterThan(0);
  expect(wasm, `WASM on the first visit:\n${report}`).toBeLessThanOrEqual(FIRST_VISIT_WASM_BUDGET);
  expect(total, `everything on the first visit:\n${report}`).toBeLessThanOrEqual(FIRST_VISIT_BUDGET);
  const files = entries.filter((entry) => entry.name.endsWith('.wasm')).length;
  expect(files, `WASM files on the first visit:\n${report}`).toBeLessThanOrEqual(FIRST_VISIT_WASM_FILES);
});

test('static files are sent precompressed and kept for ever under hashed names', async ({ request }, testInfo) => {
  test.skip(noJs(testInfo), 'a request check, run once');
  const wasmFiles = readdirSync(pkgDir).filter((name) => name.endsWith('.wasm'));
  expect(wasmFiles.length, 'the build splits the WASM into pieces').toBeGreaterThan(2);
  for (const name of wasmFiles) {
    const response = await request.get(`/pkg/${name}`, { headers: { 'accept-encoding': 'br' } });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-encoding'], name).toBe('br');
    expect(response.headers()['cache-control'], name).toBe('public, max-age=31536000, immutable');
  }
});

test('every lazily loaded piece of code stays within its budget', async ({}, testInfo) => {
  test.skip(noJs(testInfo), 'a file check, run once');
  const chunks = readdirSync(pkgDir).filter((name) => name.endsWith('.wasm.br') && !name.startsWith('membersnet.'));
  expect(chunks.length).toBeGreaterThan(1);
  const over = chunks
    .map((name) => ({ name, size: statSync(join(pkgDir, name)).size }))
    .filter((chunk) => chunk.size > PAGE_CHUNK_BUDGET);
  expect(over).toEqual([]);
});

test('each page preloads its own section’s code, also when many pages are drawn at once', async ({ request }, testInfo) => {
  test.skip(noJs(testInfo), 'a request check, run once');
  // The section chunks a page's head preloads (the frame's own preload left out).
  const preloads = (html: string) =>
    [...html.matchAll(/<link rel="preload" href="\/pkg\/([^"]+\.wasm)"/g)]
      .map((match) => match[1])
      .filter((name) => !name.startsWith('membersnet.'))
      .sort()
      .join(' ');
  const paths = ['/', '/events', '/events/1-door-knocking-in-ancoats', '/groups'];
  const alone: string[] = [];
  for (const path of paths) {
    alone.push(preloads(await (await request.get(path)).text()));
  }
  for (const [i, list] of alone.entries()) expect(list, paths[i]).not.toBe('');
  expect(new Set(alone).size, 'four sections, four sets of chunks').toBe(paths.length);
  // Leptos's own preloads went to whichever page the server thread had drawn last.
  const together = await Promise.all(
    Array.from({ length: 40 }, (_, i) => request.get(paths[i % paths.length]).then((response) => response.text())),
  );
  together.forEach((html, i) => expect(preloads(html), paths[i % paths.length]).toBe(alone[i % paths.length]));
});
