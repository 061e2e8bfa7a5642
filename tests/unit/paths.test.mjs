// www/library/paths.js and tree.js: names from archives normalized, kinds, the folder tree.
// Run: node --test tests/unit/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { basename, dirname, extension, fileKind, joinPath, normalizePath, stem } from '../../www/library/paths.js';
import { FolderTree, inFolder } from '../../www/library/tree.js';

test('entry names never escape the archive', () => {
  const cases = {
    'posts/a.md': 'posts/a.md',
    '../../etc/passwd': 'etc/passwd',
    'a/../../b.md': 'b.md',
    '/abs/path.md': 'abs/path.md',
    'C:\\Users\\x\\post.md': 'Users/x/post.md',
    'posts\\win\\b.md': 'posts/win/b.md',
    './a/./b//c.md': 'a/b/c.md',
    'cafe\u0301.md': 'caf\u00e9.md',
  };
  for (const [raw, want] of Object.entries(cases)) assert.equal(normalizePath(raw), want, raw);
  for (const bad of ['', 'folder/', 'a\u0000b.md', 'bell\u0007.md', '..', '../', 'x'.repeat(2000), `${'d/'.repeat(70)}f.md`]) {
    assert.equal(normalizePath(bad), null, JSON.stringify(bad.slice(0, 20)));
  }
});

test('path parts', () => {
  assert.equal(dirname('a/b/c.md'), 'a/b');
  assert.equal(dirname('c.md'), '');
  assert.equal(basename('a/b/c.md'), 'c.md');
  assert.equal(extension('a/B.MarkDown'), '.markdown');
  assert.equal(extension('a/.hidden'), '');
  assert.equal(stem('x/2023-09-12.md'), '2023-09-12');
  assert.equal(joinPath('posts/2020', '../img/a.png'), 'posts/img/a.png');
  assert.equal(joinPath('', 'a/./b.png'), 'a/b.png');
  assert.equal(joinPath('posts', '../../x.png'), null, 'a link that leaves the archive points at nothing');
  assert.equal(joinPath('posts', '/x.png'), null);
});

test('articles, images, assets and ignored files', () => {
  assert.equal(fileKind('posts/a.md'), 'article');
  assert.equal(fileKind('news/page.HTML'), 'article');
  assert.equal(fileKind('jekyll/x.Rmd'), 'asset'); // R Markdown is not read (as the CLI's walk)
  assert.equal(fileKind('posts/a/pic.JPG'), 'image');
  assert.equal(fileKind('docs/paper.pdf'), 'asset');
  assert.equal(fileKind('theme/style.css'), 'asset');
  assert.equal(fileKind('.obsidian/app.json'), 'ignored');
  assert.equal(fileKind('vault/.trash/old.md'), 'ignored');
  assert.equal(fileKind('site/node_modules/x/readme.md'), 'ignored');
  assert.equal(fileKind('__MACOSX/posts/._a.md'), 'ignored');
});

test('the folder tree counts articles at every level and lists expanded folders only', () => {
  const tree = new FolderTree();
  for (const p of ['a.md', 'posts/b.md', 'posts/2020/c.md', 'posts/2020/d.md', 'posts/10/e.md', 'posts/9/f.md', 'notes/g.md']) tree.addArticle(p);
  assert.equal(tree.root.total, 7);
  assert.equal(tree.root.articles, 1);
  assert.equal(tree.find('posts')?.total, 5);
  assert.equal(tree.find('posts')?.articles, 1);
  assert.equal(tree.find('posts/2020')?.total, 2);
  assert.equal(tree.find('nope'), null);
  const collapsed = tree.visibleRows(new Set()).map((r) => r.folder.path);
  assert.deepEqual(collapsed, ['notes', 'posts']);
  const open = tree.visibleRows(new Set(['posts'])).map((r) => `${r.level}:${r.folder.path}`);
  assert.deepEqual(open, ['1:notes', '1:posts', '2:posts/9', '2:posts/10', '2:posts/2020'], 'numbers sort by value');
  assert.ok(inFolder('posts/2020/c.md', 'posts'));
  assert.ok(!inFolder('postscript/x.md', 'posts'));
  assert.ok(inFolder('x.md', ''));
});
