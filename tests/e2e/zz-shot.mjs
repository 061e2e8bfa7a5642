import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { corpus, makeFolder, png, GIF, waitForLibrary } from './library-helpers.mjs';
const { server, url } = await startServer({ root: 'www', port: 0, quiet: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const CAR = corpus('hexo/52x-car-driving-notes-zh.md');
const imgs = [...CAR.toString('utf8').matchAll(/\{% asset_img (\S+)/g)].map((m) => m[1]);
const folder = makeFolder('blog', {
  'source/_posts/car.md': CAR, ...Object.fromEntries(imgs.map((n) => [`source/_posts/car/${n}`, png(200, 120)])),
  'source/_posts/awk.md': corpus('hexo/52x-awk-manual-zh.md'), 'source/_posts/lambda.md': corpus('hexo/52x-java-lambda-expressions.md'),
  'news/sina.md': corpus('news-hexo/rsshubpage-sina-zhujianbu-2021.md'), 'news/openai.md': corpus('news-hexo/windwild-openai-hello-gpt-4o.md'),
  'jekyll/_posts/2020-05-27-jekyll-4-1-0-released.markdown': corpus('jekyll/jekyll-news-2020-05-27-jekyll-4-1-0-released.markdown'),
  'hugo/content/posts/even.md': corpus('hugo/hugo-even-chinese-preview.md'),
  'vault/Clippings/Buy wisely.md': corpus('other/obsidian-clipping-buy-wisely.md'),
});
for (const [name, w, h, scheme, lang, query] of [['wide-light-en', 1280, 800, 'light', 'en', 'driving'], ['phone-dark-zh', 390, 844, 'dark', 'zh', '驾驶员'], ['wide-dark-zh', 1280, 800, 'dark', 'zh', ''], ['phone-light-en', 390, 844, 'light', 'en', '']]) {
  const page = await browser.newPage({ viewport: { width: w, height: h }, colorScheme: scheme });
  await page.goto(`${url}library/fixture.html?offline=no&lang=${lang}`);
  await page.getByTestId('folder-input').setInputFiles(folder);
  await waitForLibrary(page, 8);
  await page.getByRole('tree').getByRole('treeitem').nth(1).click();
  await page.keyboard.press('ArrowRight');
  if (query) await page.getByTestId('search').fill(query);
  await page.waitForTimeout(600);
  await page.getByTestId('library-item').first().click();
  await page.getByTestId('article-title').waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/lib-${name}.png`, fullPage: false });
  await page.close();
}
await browser.close(); server.close();
