// Drives the dashboard in headless Debian Chromium (never a downloaded browser): draws a digit on the 8×8 pad,
// requests, waits for "settled" and the predicted class; a bad form input shows an error; a request through
// the bad-proof server's dashboard ends "refunded". Screenshots go to the given folder.
// Usage: node browser-e2e.js <honest-url> <faulty-url> <model-id> <digit-json (64 values k/16)> <screenshot-dir>
'use strict';
const { chromium } = require('playwright-core');
const path = require('path');

const [honest, faulty, modelId, digitJson, shots] = process.argv.slice(2);
const digit = JSON.parse(digitJson);
const log = (...a) => console.error(...a);

async function draw(page) {
  // Through the overview, so the form is rendered afresh even when the browser is already on it.
  await page.goto(`${page.__base}/#/`);
  await page.waitForSelector('#models');
  await page.goto(`${page.__base}/#/request/${modelId}`);
  await page.waitForFunction(() => document.querySelectorAll('#pad div').length === 64);
  const cells = await page.$$('#pad div');
  for (let i = 0; i < 64; i++) {
    const k = Math.round(digit[i] * 16);
    if (k === 0) continue;
    await page.$eval('#brush', (el, v) => { el.value = String(v); }, k);
    const box = await cells[i].boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.up();
  }
}

async function submitAndWait(page, stage, shot) {
  await page.click('#send');
  await page.waitForFunction(() => /^#\/requests\/\d+$/.test(location.hash), null, { timeout: 60000 });
  const requestId = (await page.evaluate(() => location.hash)).split('/').pop();
  await page.waitForFunction(s => document.querySelector('#stage')?.textContent === s, stage, { timeout: 240000 });
  await page.screenshot({ path: path.join(shots, shot), fullPage: true });
  return requestId;
}

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', e => log('page error:', e.message));
    const result = {};

    page.__base = honest.replace(/\/$/, '');
    await page.goto(`${page.__base}/#/`);
    await page.waitForSelector('#models tr[data-model]');
    await page.waitForSelector('#servers tr[data-server]');
    await page.screenshot({ path: path.join(shots, '1-overview.png'), fullPage: true });

    // Bad input: a JSON array of the wrong shape is refused on the page, nothing sent.
    await page.goto(`${page.__base}/#/request/${modelId}`);
    await page.waitForSelector('#useJson');
    await page.check('#useJson');
    await page.fill('#json', '[1, 2, "x"]');
    await page.click('#send');
    await page.waitForSelector('#form-error');
    result.badInputError = await page.textContent('#form-error');
    result.badInputHash = await page.evaluate(() => location.hash);
    await page.screenshot({ path: path.join(shots, '2-bad-input.png'), fullPage: true });

    await draw(page);
    await page.screenshot({ path: path.join(shots, '3-drawn.png'), fullPage: true });
    result.settledId = await submitAndWait(page, 'settled', '4-settled.png');
    result.predicted = Number(await page.textContent('#predicted'));
    result.gas = await page.textContent('#gas');
    result.hasProof = (await page.$('#proof')) !== null;

    page.__base = faulty.replace(/\/$/, '');
    await draw(page);
    result.refundedId = await submitAndWait(page, 'refunded', '5-refunded.png');

    // The last screenshot: the settled request again (now with the refund visible on the overview).
    page.__base = honest.replace(/\/$/, '');
    await page.goto(`${page.__base}/#/requests/${result.settledId}`);
    await page.waitForFunction(() => document.querySelector('#stage')?.textContent === 'settled');
    await page.screenshot({ path: path.join(shots, 'last.png'), fullPage: true });
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
  }
})().catch(e => { log(e.stack || String(e)); process.exit(1); });
