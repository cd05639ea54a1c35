'use strict';
// The report's own check. It recomputes the chain from the data in #baken-chain, renders the page
// again from what the chain holds (the same markup as report.rs writes), and compares every part
// of the page with that rendering. Anything it did not verify makes the check fail.
(() => {
  const data = JSON.parse(document.getElementById('baken-chain').textContent);
  const w = data.words;
  const te = new TextEncoder();
  const sha = async bytes => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const hex = bytes => Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  const unhex = h => Uint8Array.from(/^[0-9a-f]{64}$/.test(h) ? h.match(/../g) : [], x => parseInt(x, 16));
  const esc = s => String(s).replace(/[&<>"']/g, c => '&#' + c.charCodeAt(0) + ';');
  const MARK = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
  const shown = s => esc(s).replace(MARK, c => '<span class="mark">[U+' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') + ']</span>');
  const time = t => {
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):\d{2}([+-]\d{2}:\d{2})$/.exec(t);
    return m ? `${m[1]} ${m[2]} (UTC${m[3]})` : String(t);
  };
  const seal = h => h.slice(0, 20).toUpperCase().match(/..../g).join('-');
  const ascii = s => Array.from(s, c => c.charCodeAt(0));
  const at = (b, sig, from = 0) => sig.every((x, i) => b[from + i] === x);
  const raster = b => at(b, [0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]) ? 'image/png'
    : at(b, [0xff, 0xd8, 0xff]) ? 'image/jpeg'
    : at(b, ascii('GIF87a')) || at(b, ascii('GIF89a')) ? 'image/gif'
    : at(b, ascii('RIFF')) && at(b, ascii('WEBP'), 8) ? 'image/webp' : null;
  const urlOf = el => (el && (el.getAttribute('src') || el.getAttribute('href'))) || '';
  const bytesOf = url => {
    try { return Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), c => c.charCodeAt(0)); } catch { return null; }
  };
  const parse = html => { const t = document.createElement('template'); t.innerHTML = html; return t.content.firstElementChild; };

  async function attachment(info, el, n, problems) {
    const caption = `${esc(info.media_type)} · ${esc(info.size)} ${esc(w.bytes)} · SHA-256 <span class="hash">${esc(info.sha256)}</span>`;
    const url = urlOf(el);
    const bytes = bytesOf(url);
    const type = bytes && raster(bytes);
    if (!bytes || hex(await sha(bytes)) !== info.sha256 || !url.startsWith(`data:${type || 'application/octet-stream'};base64,`)) {
      problems.push(`${w.p_attachment} ${n}: ${info.id}`);
      return `<p class="warn">${esc(w.damaged_attachment)}: <span class="hash">${esc(info.sha256)}</span></p>`;
    }
    return type ? `<figure><img src="${esc(url)}" alt=""><figcaption>${caption}</figcaption></figure>`
      : `<p><a href="${esc(url)}" download="${esc(info.id)}">${esc(info.id)}</a> ${caption}</p>`;
  }

  async function entry(e, section, n, problems) {
    const c = e.content;
    const rows = [[w.happened, esc(time(c.happened_at))], [w.recorded, esc(time(c.recorded_at))]];
    if (c.contact) {
      const platform = c.contact.platform == null ? '' : ` (<bdi>${shown(c.contact.platform)}</bdi>)`;
      rows.push([w.who, `<bdi>${shown(c.contact.name)}</bdi>${platform}`]);
    }
    if (c.signals.length) rows.push([w.signals, c.signals.map(s => esc(data.signal_names[s] || s)).join(', ')]);
    if (c.level != null) rows.push([w.level, esc(data.level_names[c.level] || c.level)]);
    if (c.tags.length) rows.push([w.tags, c.tags.map(t => `<bdi>${shown(t)}</bdi>`).join(', ')]);
    rows.push([w.version, esc(e.revision)], [w.hash, `<span class="hash">${esc(e.link)}</span>`]);
    let html = `<section class="entry" data-link="${esc(e.link)}"><h3>${esc(data.kind_names[c.kind] || c.kind)}</h3><dl>`
      + rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('') + `</dl><p class="text" dir="auto">${shown(c.text)}</p>`;
    if (c.attachments.length) {
      html += `<h4>${esc(w.attachments)}</h4>`;
      const shownFiles = section.querySelectorAll('img, a[download]');
      for (const [i, info] of c.attachments.entries()) html += await attachment(info, shownFiles[i], n, problems);
    }
    return html + '</section>';
  }

  const row = (i, l) => !l ? `<tr><td>${i}</td><td colspan="2" class="warn">${esc(w.damaged_link)}</td></tr>`
    : `<tr><td>${i}</td><td><code>${seal(l.link)}</code></td><td><pre>${l.canonical === null ? esc(w.removed) : shown(l.canonical)}</pre>`
      + `SHA-256: <span class="hash">${esc(l.content_hash)}</span><br>→ <span class="hash">${esc(l.link)}</span></td></tr>`;

  // Recomputes the chain; returns the latest revision of every entry that is not deleted, and
  // how many earlier revisions still hold their text.
  async function chain(problems) {
    const current = new Map();
    let written = 0;
    let prev = await sha(te.encode('baken journal chain v1'));
    for (const [i, l] of data.links.entries()) {
      if (!l) { problems.push(`${w.p_chain} ${i}`); return { current, earlier: 0 }; }
      const content = l.canonical === null ? unhex(l.content_hash) : await sha(te.encode(l.canonical));
      const joined = new Uint8Array(64);
      joined.set(prev);
      joined.set(content, 32);
      prev = await sha(joined);
      if (content.length !== 32 || hex(content) !== l.content_hash || hex(prev) !== l.link) {
        problems.push(`${w.p_chain} ${i}`);
        return { current, earlier: 0 };
      }
      if (l.canonical === null) continue;
      const v = JSON.parse(l.canonical);
      if (v.index !== i) problems.push(`${w.p_chain} ${i}`);
      if (v.event.written) { written++; current.set(v.entry, { link: l.link, content: v.event.written, revision: v.revision }); }
      else current.delete(v.entry);
    }
    if (hex(prev) !== data.head) problems.push(w.p_seal);
    // Deleting an entry redacts all its revisions, so every written revision that is still
    // readable and not the latest is an earlier version of a live entry.
    return { current, earlier: written - current.size };
  }

  function header(made, chainOk, earlier, empty) {
    return `<header id="top"><h1>${esc(w.title)}</h1><p>${esc(w.intro)}</p><p id="made">${esc(made)}</p>`
      + `<h2>${esc(w.seal)}</h2><p class="seal" id="seal">${seal(data.head)}</p><p>${esc(w.head)} <span class="hash" id="head">${esc(data.head)}</span></p>`
      + `<p>${esc(w.seal_help)}</p>` + (chainOk ? `<p>${esc(w.intact)}</p>` : '')
      + (earlier ? `<p>${esc(w.edited)}</p>` : '') + (empty ? `<p>${esc(w.empty)}</p>` : '')
      + `<p><button id="check" type="button">${esc(w.check)}</button></p><div id="check-result" role="status"></div></header>`;
  }

  async function check() {
    const out = document.getElementById('check-result');
    out.replaceChildren();
    out.removeAttribute('data-result');
    const problems = [];
    try {
      const { current, earlier } = await chain(problems);
      const chainOk = problems.length === 0;
      const made = document.getElementById('made');
      const madeText = made ? made.textContent : '';
      const madePattern = /^(.*) \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(UTC[+-]\d{2}:\d{2}\) · Baken (.*)$/.exec(madeText);
      if (!madePattern || madePattern[1] !== w.made || madePattern[2] !== data.version) problems.push(w.p_layout);
      if (!parse(header(madeText, chainOk, earlier, current.size === 0)).isEqualNode(document.getElementById('top'))) problems.push(w.p_header);

      const seen = new Set();
      let n = 0;
      for (const section of document.getElementById('entries').children) {
        n++;
        const link = section.getAttribute('data-link');
        const e = [...current.values()].find(x => x.link === link);
        if (!e || seen.has(link)) { problems.push(`${section.classList.contains('damaged') ? w.p_damaged : w.p_extra} ${n}`); continue; }
        seen.add(link);
        if (!parse(await entry(e, section, n, problems)).isEqualNode(section)) problems.push(`${w.p_entry} ${n}`);
      }
      for (const e of current.values()) if (!seen.has(e.link)) problems.push(`${w.p_missing} ${time(e.content.happened_at)}`);

      const appendix = `<section id="appendix"><h2>${esc(w.appendix)}</h2><p>${esc(w.appendix_help)}</p><table><thead><tr><th>#</th><th>${esc(w.seal)}</th><th></th></tr></thead>`
        + `<tbody id="chain-rows">${data.links.map((l, i) => row(i, l)).join('')}</tbody></table></section>`;
      if (!parse(appendix).isEqualNode(document.getElementById('appendix'))) problems.push(w.p_appendix);
      const layout = Array.from(document.body.children, e => e.id || e.tagName).join(' ');
      if (layout !== 'top entries appendix baken-chain baken-check') problems.push(w.p_layout);
    } catch (err) {
      problems.push(`${w.p_layout} (${err})`);
    }
    const message = document.createElement('p');
    message.textContent = problems.length ? w.bad : w.ok.replace('{seal}', seal(data.head));
    out.append(message);
    if (problems.length) {
      const list = document.createElement('ul');
      for (const p of new Set(problems)) { const li = document.createElement('li'); li.textContent = p; list.append(li); }
      out.append(list);
    }
    out.className = problems.length ? 'warn' : 'ok';
    out.dataset.result = problems.length ? 'bad' : 'ok';
  }

  document.getElementById('check').addEventListener('click', check);
  if (location.hash === '#check') check();
})();
