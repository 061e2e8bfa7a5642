// www/library/resolve.js: what links and images point at, as each site generator and
// Obsidian find it; backlinks.
// Run: node --test tests/unit/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Resolver, backlinks } from '../../www/library/resolve.js';
import { fileKind } from '../../www/library/paths.js';

/** @param {string[]} paths */
function resolver(paths) {
  const r = new Resolver();
  for (const p of paths) r.add(p, fileKind(p) === 'article');
  return r;
}

/** @param {{ path: string, fragment: string } | null} t */
const at = (t) => (t ? (t.fragment ? `${t.path}#${t.fragment}` : t.path) : null);

test('relative links and images from the article folder', () => {
  const r = resolver(['blog/posts/a.md', 'blog/posts/img/x.png', 'blog/other.md', 'blog/posts/b.md']);
  assert.equal(at(r.resolve('blog/posts/a.md', 'img/x.png', 'image')), 'blog/posts/img/x.png');
  assert.equal(at(r.resolve('blog/posts/a.md', './img/x.png?v=2', 'image')), 'blog/posts/img/x.png');
  assert.equal(at(r.resolve('blog/posts/a.md', '../other.md#part-2', 'link')), 'blog/other.md#part-2');
  assert.equal(at(r.resolve('blog/posts/a.md', 'b', 'link')), 'blog/posts/b.md', 'a link without its extension');
  assert.equal(at(r.resolve('blog/posts/a.md', '#top', 'link')), 'blog/posts/a.md#top');
  assert.equal(r.resolve('blog/posts/a.md', '../../../etc/passwd', 'link'), null);
  assert.equal(r.resolve('blog/posts/a.md', 'missing.png', 'image'), null);
});

test('Hexo post_asset_folder: assets in the folder named after the post, and post_link by slug', () => {
  const r = resolver(['source/_posts/hello.md', 'source/_posts/hello/cat.png', 'source/_posts/2019/world.md']);
  assert.equal(at(r.resolve('source/_posts/hello.md', 'cat.png', 'image')), 'source/_posts/hello/cat.png');
  assert.equal(at(r.resolve('source/_posts/hello.md', 'hello/cat.png', 'image')), 'source/_posts/hello/cat.png');
  assert.equal(at(r.resolve('source/_posts/hello.md', 'world', 'link')), 'source/_posts/2019/world.md', '{% post_link world %}');
});

test('Hugo and Zola page bundles, ref and @/ links', () => {
  const r = resolver(['content/posts/trip/index.md', 'content/posts/trip/map.jpg', 'content/about.md', 'content/blog/_index.md']);
  assert.equal(at(r.resolve('content/posts/trip/index.md', 'map.jpg', 'image')), 'content/posts/trip/map.jpg');
  assert.equal(at(r.resolve('content/posts/trip/index.md', '@/about.md', 'link')), 'content/about.md');
  assert.equal(at(r.resolve('content/posts/trip/index.md', '/blog/', 'link')), 'content/blog/_index.md');
  assert.equal(at(r.resolve('content/about.md', 'posts/trip', 'link')), 'content/posts/trip/index.md');
  assert.equal(at(r.resolve('content/about.md', 'about.md', 'link')), 'content/about.md', '{{< ref "about.md" >}}');
});

test('Jekyll /assets/ from the site root, and Hugo static/', () => {
  const r = resolver(['site/_posts/2020-01-01-a.md', 'site/assets/img/a.png', 'hugo/content/p.md', 'hugo/static/images/b.png']);
  assert.equal(at(r.resolve('site/_posts/2020-01-01-a.md', '/assets/img/a.png', 'image')), 'site/assets/img/a.png');
  assert.equal(at(r.resolve('hugo/content/p.md', '/images/b.png', 'image')), 'hugo/static/images/b.png');
});

test('Obsidian: attachments and wiki-links by name, case-insensitive, nearest first', () => {
  const r = resolver(['vault/Notes/Trip.md', 'vault/Notes/Sub/Ideas.md', 'vault/Archive/Ideas.md', 'vault/Ideas.md',
    'vault/attachments/Photo 1.png', 'vault/Clippings/Buy wisely.md', 'vault/Daily/2023-09-12.md']);
  assert.equal(at(r.resolve('vault/Notes/Trip.md', 'Photo 1.png', 'image')), 'vault/attachments/Photo 1.png');
  assert.equal(at(r.resolveWiki('vault/Notes/Trip.md', 'photo 1.png')), 'vault/attachments/Photo 1.png');
  assert.equal(at(r.resolveWiki('vault/Notes/Trip.md', 'ideas')), 'vault/Ideas.md', 'the shortest path wins');
  assert.equal(at(r.resolveWiki('vault/Archive/x.md', 'Ideas')), 'vault/Archive/Ideas.md', 'the same folder first');
  assert.equal(at(r.resolveWiki('vault/Notes/Trip.md', 'Sub/Ideas#Plans')), 'vault/Notes/Sub/Ideas.md#Plans');
  assert.equal(at(r.resolveWiki('vault/Notes/Trip.md', 'Buy Wisely|label')), 'vault/Clippings/Buy wisely.md');
  assert.equal(at(r.resolveWiki('vault/Notes/Trip.md', '2023-09-12')), 'vault/Daily/2023-09-12.md');
  assert.equal(at(r.resolveWiki('vault/Notes/Trip.md', '#Heading')), 'vault/Notes/Trip.md#Heading');
  assert.equal(r.resolveWiki('vault/Notes/Trip.md', 'Nowhere'), null);
});

test('backlinks: who links to each article, once per source, images and self-links left out', () => {
  const r = resolver(['v/A.md', 'v/B.md', 'v/C.md', 'v/pic.png']);
  const into = backlinks(r, [
    { path: 'v/A.md', links: [{ kind: 'wikilink', target: 'B' }, { kind: 'wikilink', target: 'b#x' }, { kind: 'image', target: 'pic.png' }] },
    { path: 'v/B.md', links: [{ kind: 'link', target: 'C.md' }, { kind: 'wikilink', target: 'B' }] },
    { path: 'v/C.md', links: [{ kind: 'embed', target: 'B' }, { kind: 'link', target: 'missing.md' }] },
  ]);
  assert.deepEqual(Object.fromEntries(into), { 'v/B.md': ['v/A.md', 'v/C.md'], 'v/C.md': ['v/B.md'] });
});
