// storyline web UI: a single page with hash routes. Every piece of data is put
// into the page as text (textContent / createTextNode), never parsed as HTML.
'use strict';

const main = document.getElementById('main');

// el('a', {href: '#/x'}, 'text', child...): strings become text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null) continue;
    if (k === 'class') node.className = v; else node.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null) continue;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return node;
}

function link(hash, text) { return el('a', {href: hash}, text); }
function storyLink(id, text) { return link('#/story/' + encodeURIComponent(id), text || ('Story ' + id)); }
function articleLink(id, text) { return link('#/article/' + encodeURIComponent(id), text || id); }
function entityLink(key, text) { return link('#/entity/' + encodeURIComponent(key), text || key); }

async function api(path) {
  const res = await fetch(path, {headers: {Accept: 'application/json'}});
  const body = await res.json().catch(() => ({error: res.statusText}));
  if (!res.ok) throw new Error(body.error || ('HTTP ' + res.status));
  return body;
}

function show(...nodes) {
  main.replaceChildren(...nodes);
  main.focus();
}

function showError(err) { show(el('p', {class: 'error', role: 'alert'}, 'Error: ' + err.message)); }

function storyItem(s) {
  return el('li', {},
    storyLink(s.id, s.title || '(no title)'),
    el('div', {class: 'meta'},
      [s.first, s.last].filter(Boolean).join(' – ') || 'undated', ' · ',
      s.articles + (s.articles === 1 ? ' article' : ' articles'), ' · ',
      s.outlets.join(', ') || 'unknown outlets', ' · storyline ',
      link('#/storyline/' + s.storyline, String(s.storyline))));
}

async function storyList(params) {
  const query = new URLSearchParams(params);
  const data = await api('/api/stories?' + query.toString());
  const list = el('ul', {class: 'stories'}, data.stories.map(storyItem));
  const nodes = [el('h1', {}, params.get('q') ? 'Stories matching “' + params.get('q') + '”' : 'Stories'),
    el('p', {class: 'meta'}, data.total + ' stories'), list];
  if (data.next_cursor !== null) {
    const next = new URLSearchParams(params);
    next.set('cursor', data.next_cursor);
    nodes.push(el('p', {}, link('#/?' + next.toString(), 'More stories')));
  }
  show(...nodes);
}

// A bar `pct` percent full (style set through the CSSOM: CSP allows no inline styles).
function bar(pct) {
  const fill = el('span', {});
  fill.style.width = pct + '%';
  return el('div', {class: 'bar', role: 'img', 'aria-label': pct + '% shared'}, fill);
}

function shareBar(share, label) {
  const pct = share.sentences > 0 ? Math.round(100 * share.shared_sentences / share.sentences) : 0;
  return el('div', {},
    el('div', {class: 'meta'}, label, ': ', pct + '% of sentences shared'),
    bar(pct));
}

async function storyPage(id) {
  const b = await api('/api/stories/' + encodeURIComponent(id));
  const outlet = {};
  for (const s of b.sources.articles) outlet[s.article] = s.outlet;
  const nodes = [el('h1', {}, b.headline.text || '(no title)'),
    el('p', {class: 'meta'}, 'Story ' + b.id + ' · storyline ', link('#/storyline/' + b.storyline, String(b.storyline)),
      ' · ' + b.sources.articles.length + ' sources, ' + b.sources.independent + ' independent')];

  if (b.summary.length) {
    nodes.push(el('h2', {}, 'Summary'),
      el('ul', {}, b.summary.map(s => el('li', {}, s.text, ' ', el('span', {class: 'meta'}, '(', articleLink(s.article, outlet[s.article] || s.article), ')')))));
  }

  nodes.push(el('h2', {}, 'Sources'), el('div', {class: 'sources'}, b.sources.articles.map(s =>
    el('div', {class: 'card'},
      el('strong', {}, articleLink(s.article, s.outlet)),
      el('div', {class: 'meta'}, (s.published || 'undated') + ' · ' + s.words + ' words'),
      s.copied_from ? el('div', {class: 'disagree-label'}, 'copies ', articleLink(s.copied_from, outlet[s.copied_from])) : null,
      s.shares.map(sh => shareBar(sh, 'with ' + (outlet[sh.article] || sh.article)))))));

  if (b.people.length) {
    nodes.push(el('h2', {}, 'People'), el('ul', {}, b.people.map(p =>
      el('li', {}, entityLink(p.key, p.name), p.roles.length ? ' – ' + p.roles.join(', ') : '',
        el('span', {class: 'meta'}, ' (' + p.sources + ' sources)')))));
  }

  if (b.quotes.length) {
    // Grouped by speaker, in the order the briefing ranks them.
    const bySpeaker = new Map();
    for (const q of b.quotes) {
      const key = q.speaker_key || q.speaker || '';
      if (!bySpeaker.has(key)) bySpeaker.set(key, {speaker: q.speaker, key: q.speaker_key, quotes: []});
      bySpeaker.get(key).quotes.push(q);
    }
    nodes.push(el('h2', {}, 'Who said what'));
    for (const g of bySpeaker.values()) {
      nodes.push(el('h3', {}, g.key ? entityLink(g.key, g.speaker) : (g.speaker || 'Unknown speaker')));
      for (const q of g.quotes) {
        nodes.push(el('div', {class: 'card'}, q.reports.map(r =>
          el('blockquote', {}, r.text, el('div', {class: 'meta'}, r.kind + ' · ', articleLink(r.article, r.outlet))))));
      }
    }
  }

  if (b.figures.length) {
    nodes.push(el('h2', {}, 'Figures'), el('div', {class: 'table-wrap'}, el('table', {},
      el('thead', {}, el('tr', {}, el('th', {}, 'What'), el('th', {}, 'Outlet'), el('th', {}, 'Figure'), el('th', {}, 'Sentence'))),
      el('tbody', {}, b.figures.flatMap(g => g.values.map((v, i) =>
        el('tr', {class: g.agree ? '' : 'disagree'},
          el('td', {}, i === 0 ? g.counted || '–' : '', i === 0 && !g.agree ? el('div', {class: 'disagree-label'}, 'sources disagree') : null),
          el('td', {}, articleLink(v.article, v.outlet)),
          el('td', {}, (v.qualifier ? v.qualifier + ' ' : '') + v.text),
          el('td', {}, v.sentence))))))));
  }

  if (b.only_in.length) {
    nodes.push(el('h2', {}, 'Only in one source'));
    for (const o of b.only_in) {
      nodes.push(el('h3', {}, articleLink(o.article, o.outlet), el('span', {class: 'meta'}, ' (' + o.count + ' statements)')),
        el('ul', {}, o.sentences.map(s => el('li', {}, s))));
    }
  }

  if (b.timeline.length) {
    nodes.push(el('h2', {}, 'Timeline'), el('ul', {}, b.timeline.map(t =>
      el('li', {}, el('strong', {}, t.label), t.publication ? ' (published)' : '',
        el('ul', {}, t.items.map(it => el('li', {}, it.sentence || it.text, ' ',
          el('span', {class: 'meta'}, '(', articleLink(it.article, outlet[it.article] || it.article), ')'))))))));
  }

  if (b.related.length) {
    nodes.push(el('h2', {}, 'Related stories'), el('ul', {}, b.related.map(r =>
      el('li', {}, storyLink(r.id, r.headline || ('Story ' + r.id)), el('span', {class: 'meta'}, ' ' + (r.first || ''))))));
  }
  show(...nodes);
}

async function storylinePage(id) {
  const data = await api('/api/storylines/' + encodeURIComponent(id));
  show(el('h1', {}, 'Storyline ' + data.id), el('ul', {class: 'stories'}, data.stories.map(storyItem)));
}

// Byte offsets (UTF-8) from the API → highlighted spans of the text.
function highlighted(text, spans) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  spans = spans.filter(s => s.end > s.begin && s.end <= bytes.length).sort((a, b) => a.begin - b.begin || b.end - a.end);
  const container = el('div', {class: 'article-text'});
  let para = el('p', {});
  let pos = 0;
  const addText = (from, to, cls, title) => {
    const parts = dec.decode(bytes.subarray(from, to)).split('\n');
    parts.forEach((part, i) => {
      if (i > 0) { container.appendChild(para); para = el('p', {}); }
      if (part) para.appendChild(cls ? el('mark', {class: cls, title: title}, part) : document.createTextNode(part));
    });
  };
  for (const s of spans) {
    if (s.begin < pos) continue;  // overlapping spans: the first wins
    addText(pos, s.begin);
    addText(s.begin, s.end, s.cls, s.title);
    pos = s.end;
  }
  addText(pos, bytes.length);
  container.appendChild(para);
  return container;
}

async function articlePage(id) {
  const a = await api('/api/articles/' + encodeURIComponent(id));
  const spans = [
    ...a.figures.map(f => ({begin: f.begin, end: f.end, cls: 'figure', title: f.counted || 'figure'})),
    ...a.mentions.map(m => ({begin: m.begin, end: m.end, cls: 'entity', title: m.type})),
    ...a.quotes.map(q => ({begin: q.begin, end: q.end, cls: 'quote', title: 'quote: ' + (q.speaker || 'unknown')})),
  ];
  const root = el('article', {lang: a.language || null},
    el('h1', {}, a.title || '(no title)'),
    el('p', {class: 'meta'}, [a.source || 'unknown source', a.published || 'undated', a.language].filter(Boolean).join(' · '),
      a.story !== null ? el('span', {}, ' · ', storyLink(a.story)) : null,
      a.url ? el('span', {}, ' · ', el('a', {href: /^https?:\/\//i.test(a.url) ? a.url : null, rel: 'noopener noreferrer'}, 'original')) : null),
    highlighted(a.text, spans));
  const nodes = [root];
  if (a.entities.length) {
    nodes.push(el('h2', {}, 'Entities'), el('ul', {}, a.entities.map(e =>
      el('li', {}, entityLink(e.key, e.name), ' ', el('span', {class: 'meta'}, e.type + (e.role ? ' · ' + e.role : ''))))));
  }
  if (a.quotes.length) {
    nodes.push(el('h2', {}, 'Quotes'), el('ul', {}, a.quotes.map(q =>
      el('li', {}, el('strong', {}, q.speaker || 'unknown'), ' (' + q.cue + '): ', q.text))));
  }
  if (a.figures.length) {
    nodes.push(el('h2', {}, 'Figures'), el('ul', {}, a.figures.map(f =>
      el('li', {}, (f.qualifier ? f.qualifier + ' ' : '') + f.text, f.counted ? ' – ' + f.counted : ''))));
  }
  show(...nodes);
}

async function entityPage(key) {
  const e = await api('/api/entities/' + encodeURIComponent(key));
  show(el('h1', {}, e.name),
    el('p', {class: 'meta'}, e.type + ' · ' + e.mentions + ' mentions in ' + e.articles + ' articles' +
      (e.aliases.length ? ' · also: ' + e.aliases.join(', ') : '')),
    el('h2', {}, 'Stories'), el('ul', {class: 'stories'}, e.stories.map(storyItem)));
}

async function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  try {
    if (parts.length === 0) return await storyList(new URLSearchParams(query || ''));
    if (parts[0] === 'story' && parts[1]) return await storyPage(parts[1]);
    if (parts[0] === 'storyline' && parts[1]) return await storylinePage(parts[1]);
    if (parts[0] === 'article' && parts[1]) return await articlePage(parts.slice(1).join('/'));
    if (parts[0] === 'entity' && parts[1]) return await entityPage(parts.slice(1).join('/'));
    show(el('p', {class: 'error'}, 'Unknown page.'));
  } catch (err) {
    showError(err);
  }
}

document.getElementById('search').addEventListener('submit', ev => {
  ev.preventDefault();
  const q = document.getElementById('q').value.trim();
  location.hash = q ? '#/?' + new URLSearchParams({q}).toString() : '#/';
});
window.addEventListener('hashchange', route);
route();
