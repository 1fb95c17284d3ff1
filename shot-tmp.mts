import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await b.newPage({ viewport: { width: 1100, height: 1400 } });
const [slug, y, out] = process.argv.slice(2);
await page.goto(`http://127.0.0.1:3200/${slug}`, { waitUntil: 'networkidle' });
await page.evaluate((top) => window.scrollTo(0, Number(top)), y);
await page.waitForTimeout(300);
await page.screenshot({ path: out });
await b.close();
