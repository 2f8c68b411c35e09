// Browser test of the web UI: `storyline serve` over a temporary store holding the seeds
// and one article titled `<script>alert(1)</script>`, driven in headless Chromium
// (Debian's `chromium`) through playwright-core.
//
//   node story_page.test.mjs STORYLINE_BINARY SHARED_DIR SCREENSHOT_DIR
//
// Exit codes: 0 pass, 1 failure, 77 skipped (no seeds, no chromium, or no
// node_modules: run scripts/install-deps.sh). CTest maps 77 to SKIP.
import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const SKIP = 77;
const here = path.dirname(fileURLToPath(import.meta.url));
const [binary, sharedDir, screenshotDir] = process.argv.slice(2);
if (!binary || !sharedDir || !screenshotDir) {
  console.error('usage: node story_page.test.mjs STORYLINE_BINARY SHARED_DIR SCREENSHOT_DIR');
  process.exit(2);
}

function skip(why) {
  console.log('SKIP: ' + why);
  process.exit(SKIP);
}

const seeds = path.join(sharedDir, 'seeds');
if (!fs.existsSync(seeds)) skip(`no seeds at ${seeds}`);
const chromiumPath = process.env.STORYLINE_CHROMIUM || '/usr/bin/chromium';
if (!fs.existsSync(chromiumPath)) skip(`no chromium at ${chromiumPath} (Debian package chromium; run scripts/install-deps.sh)`);
let chromium;
try {
  ({chromium} = await import('playwright-core'));
} catch (err) {
  skip(`playwright-core is not installed in ${here}/node_modules (run scripts/install-deps.sh): ${err.message}`);
}

const XSS_TITLE = '<script>alert(1)</script>';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-browser-'));
const db = path.join(tmp, 'test.db');
let server = null;
let browser = null;

async function startServer() {
  const proc = spawn(binary, ['serve', '--db', db, '--port', '0'], {stdio: ['ignore', 'ignore', 'pipe']});
  let stderr = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve did not start in 10 s: ' + stderr)), 10000);
    proc.stderr.on('data', chunk => {
      stderr += chunk;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(stderr);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
    proc.on('exit', code => { clearTimeout(timer); reject(new Error(`serve exited with ${code}: ${stderr}`)); });
  });
  return {proc, base: `http://127.0.0.1:${port}`};
}

async function main() {
  // The seeds through the CLI (rules-only extraction keeps it fast) ...
  const ingest = spawnSync(binary, ['ingest', '--db', db, '--ner-model', '', seeds], {encoding: 'utf8'});
  assert.equal(ingest.status, 0, 'storyline ingest failed: ' + ingest.stderr);

  server = await startServer();
  const {base} = server;

  // ... and the hostile article through the API.
  const post = await fetch(base + '/api/articles', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({id: 'xss-probe', lang: 'de', title: XSS_TITLE,
      text: 'Ein kurzer Text. <img src=x onerror=alert(2)> Er enthält Markup, das nie als HTML gelten darf.'}),
  });
  assert.equal(post.status, 200, 'POST /api/articles: ' + await post.text());

  // The seeds' story: the one with four articles.
  const list = await (await fetch(base + '/api/stories?limit=200')).json();
  const story = list.stories.find(s => s.articles === 4);
  assert.ok(story, 'no story of four articles among ' + JSON.stringify(list.stories.map(s => [s.id, s.articles])));
  const briefing = await (await fetch(base + '/api/stories/' + story.id)).json();
  const sourceIds = briefing.sources.articles.map(a => a.article);
  assert.equal(sourceIds.length, 4);

  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  const dialogs = [];
  page.on('dialog', async d => { dialogs.push(d.message()); await d.dismiss(); });
  const pageErrors = [];
  page.on('pageerror', err => pageErrors.push(err.message));

  // --- story page ---
  await page.goto(`${base}/#/story/${story.id}`);
  await page.locator('h2', {hasText: 'Sources'}).waitFor({timeout: 15000});

  // The four sources (the seeds name no outlet, so the article ids stand in).
  const cards = page.locator('.sources > .card');
  assert.equal(await cards.count(), 4, 'four source cards');
  for (const id of sourceIds) {
    const source = page.locator('.sources > .card strong a', {hasText: id});
    assert.equal(await source.count(), 1, `source ${id} listed once`);
    assert.ok(await source.isVisible(), `source ${id} visible`);
  }

  // The grouped Kelly quote: one card for the mass-deportation statement, reported by ≥3 sources.
  const kelly = page.locator('h3', {hasText: 'John Kelly'}).first();
  assert.ok(await kelly.isVisible(), 'the John Kelly quote group is visible');
  const massCards = page.locator('.card', {has: page.locator('blockquote', {hasText: 'Massenabschiebungen'})});
  assert.equal(await massCards.count(), 1, 'one grouped entry for the mass-deportation statement');
  const massCard = massCards.first();
  assert.ok(await massCard.isVisible(), 'the grouped quote entry is visible');
  const reporters = new Set(await massCard.locator('blockquote .meta a').allTextContents());
  assert.ok(reporters.size >= 3, `the grouped quote lists ≥3 sources, got ${[...reporters].join(', ')}`);

  // The flagged figure disagreement: highlighted rows and the "sources disagree" label.
  const flagged = page.locator('tr.disagree');
  const flaggedRows = await flagged.count();
  assert.ok(flaggedRows >= 2, 'highlighted disagreement rows');
  assert.ok(await flagged.first().isVisible(), 'the disagreement row is visible');
  const label = page.locator('td .disagree-label', {hasText: 'sources disagree'});
  assert.ok(await label.first().isVisible(), 'the "sources disagree" label is visible');
  const background = await flagged.first().locator('td').first().evaluate(td => getComputedStyle(td).backgroundColor);
  assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'the disagreement row is highlighted');
  const figureText = await page.locator('table').innerText();
  assert.match(figureText, /5,8 Millionen/);
  assert.match(figureText, /elf Millionen/);

  fs.mkdirSync(screenshotDir, {recursive: true});
  await page.screenshot({path: path.join(screenshotDir, 'story.png')});
  await page.screenshot({path: path.join(screenshotDir, 'story-full.png'), fullPage: true});
  await page.locator('.table-wrap').screenshot({path: path.join(screenshotDir, 'story-figures.png')});
  await massCard.screenshot({path: path.join(screenshotDir, 'story-quote.png')});

  // --- the hostile title, on its article page ---
  await page.goto(`${base}/#/article/xss-probe`);
  const title = page.locator('main article h1');
  await title.waitFor({timeout: 15000});
  assert.equal(await title.textContent(), XSS_TITLE, 'the title is shown as text');
  assert.ok(await title.isVisible(), 'the title is visible');
  await page.getByText('<img src=x onerror=alert(2)>', {exact: false}).first().waitFor();
  const injectedScripts = await page.evaluate(() =>
    [...document.querySelectorAll('script')].filter(s => s.textContent.includes('alert')).length);
  assert.equal(injectedScripts, 0, 'no <script> element carries the title');
  assert.equal(await page.locator('main img').count(), 0, 'no <img> element from the text');
  await page.screenshot({path: path.join(screenshotDir, 'xss-article.png')});
  // Also on the list page, where the title is a link.
  await page.goto(`${base}/#/`);
  await page.locator('ul.stories a', {hasText: XSS_TITLE}).first().waitFor({timeout: 15000});
  await page.waitForTimeout(200);  // give a (wrongly) injected handler the chance to fire
  await page.screenshot({path: path.join(screenshotDir, 'xss.png'), fullPage: true});
  assert.deepEqual(dialogs, [], 'no dialog fired');
  assert.deepEqual(pageErrors, [], 'no script errors on the pages');
  console.log(`ok: story ${story.id} (4 sources, grouped Kelly quote from ${reporters.size} sources, ` +
    `${flaggedRows} flagged figure rows) and the hostile title; screenshots in ${screenshotDir}`);
}

let failed = false;
try {
  await main();
} catch (err) {
  failed = true;
  console.error('FAIL: ' + (err.stack || err));
} finally {
  if (browser) await browser.close().catch(() => {});
  if (server) server.proc.kill('SIGTERM');
  fs.rmSync(tmp, {recursive: true, force: true});
}
process.exit(failed ? 1 : 0);
