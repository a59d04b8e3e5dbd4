// Reading the texts: three modes in one view.
//   pair     – two articles side by side, shared passages highlighted,
//              substitutions inline (old → new), unique text shaded,
//              scrolling kept in step through the shared passages
//   article  – one article with all its divergences marked
//   all      – every article, with the mentions of one entity marked
//
// const view = new ReadingView(root, ctx, {onChange(state)});
// view.show({mode: 'pair', a: 'A', b: 'B'}); view.jumpTo(divergenceIndex);
// view.highlightEntity(entityIndex);
//
// The texts are annotated as jobs (annotate.js): a first slice at once (a
// short text is then complete), the rest a slice per task, so that two 2 MB
// articles with 50,000 marks each never hold the page; `view.filled`
// resolves once the texts on screen are complete, and the view's body is
// aria-busy until then.

import { annotateJob, gaps } from './annotate.js';
import { el, listText, percent, plural, scrollWithin, token } from './dom.js';
import { divergenceKey, kindInfo, otherNames, passageKinds, severityOf } from './model.js';
import { describeDivergence } from './divergences.js';
import { runSliced } from './schedule.js';

// the first slice of the texts' annotation, drawn at once (ms), when no text is longer than SYNC_UP_TO
const FIRST_SLICE_MS = 30;
const SYNC_UP_TO = 100_000;

let uid = 0;

export class ReadingView {
  constructor(root, ctx, { onChange, state } = {}) {
    this.root = root;
    this.ctx = ctx;
    this.onChange = onChange;
    this.id = `cb-read-${++uid}`;
    const ids = ctx.articles.map((a) => a.id);
    const s = state || {};
    this.state = {
      mode: ['pair', 'article', 'all'].includes(s.mode) ? s.mode : 'pair',
      a: ids.includes(s.a) ? s.a : ids[0],
      b: ids.includes(s.b) && s.b !== s.a ? s.b : ids[1] ?? ids[0],
      article: ids.includes(s.article) ? s.article : ids[0],
      entity: Number.isInteger(s.entity) && ctx.entities[s.entity] ? s.entity : null,
      sync: s.sync !== false,
    };
    this.filled = Promise.resolve(true);
    this.fillToken = 0;
    if (ids.length < 2 && this.state.mode === 'pair') this.state.mode = 'article';
    this.build();
    this.render();
  }

  build() {
    const ctx = this.ctx;
    const opts = (sel) => ctx.articles.map((a) => el('option', { value: a.id, selected: a.id === sel }, `${a.id} — ${a.label}`));
    this.modeButtons = {};
    const tabs = el('div', { className: 'cb-modes', role: 'radiogroup', 'aria-label': 'Reading mode' });
    for (const [mode, label] of [['pair', 'Side by side'], ['article', 'One article, its divergences'], ['all', 'All articles']]) {
      const b = el('button', { type: 'button', role: 'radio', className: 'cb-mode', dataset: { mode }, text: label });
      b.addEventListener('click', () => this.show({ mode }));
      b.addEventListener('keydown', (e) => this.modeKeys(e));
      this.modeButtons[mode] = b;
      tabs.append(b);
    }
    this.selA = el('select', { 'aria-label': 'Left article' }, ...opts(this.state.a));
    this.selB = el('select', { 'aria-label': 'Right article' }, ...opts(this.state.b));
    this.selArticle = el('select', { 'aria-label': 'Article to read' }, ...opts(this.state.article));
    this.syncBox = el('input', { type: 'checkbox', checked: this.state.sync });
    this.selA.addEventListener('change', () => this.show({ mode: 'pair', a: this.selA.value }));
    this.selB.addEventListener('change', () => this.show({ mode: 'pair', b: this.selB.value }));
    this.selArticle.addEventListener('change', () => this.show({ mode: 'article', article: this.selArticle.value }));
    this.syncBox.addEventListener('change', () => {
      this.state.sync = this.syncBox.checked;
      this.onChange?.(this.state);
    });
    this.pairControls = el('div', { className: 'cb-controls' },
      el('label', {}, 'Left ', this.selA), el('label', {}, 'Right ', this.selB),
      el('label', { className: 'cb-check' }, this.syncBox, ' Scroll together'));
    this.articleControls = el('div', { className: 'cb-controls' }, el('label', {}, 'Article ', this.selArticle));
    this.entityNote = el('div', { className: 'cb-controls' });
    this.body = el('div', { className: 'cb-reading-body', dataset: { testid: 'reading' } });
    this.note = el('div', { className: 'cb-note', role: 'status', 'aria-live': 'polite' });
    this.root.replaceChildren(tabs, this.pairControls, this.articleControls, this.entityNote, this.body, this.note);
  }

  modeKeys(e) {
    const modes = Object.keys(this.modeButtons);
    const i = modes.indexOf(this.state.mode);
    let j = null;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') j = (i + 1) % modes.length;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') j = (i + modes.length - 1) % modes.length;
    if (j == null) return;
    e.preventDefault();
    this.show({ mode: modes[j] });
    this.modeButtons[modes[j]].focus();
  }

  /** Changes what is shown: any of {mode, a, b, article, entity}. */
  show(patch = {}) {
    Object.assign(this.state, patch);
    const s = this.state;
    if (s.a === s.b) {
      const other = this.ctx.articles.find((x) => x.id !== s.a);
      if (other) {
        if ('b' in patch && !('a' in patch)) s.a = other.id;
        else s.b = other.id;
      }
    }
    this.render();
    this.onChange?.(this.state);
  }

  render() {
    const s = this.state;
    this.root.dataset.mode = s.mode;
    for (const [mode, b] of Object.entries(this.modeButtons)) {
      b.setAttribute('aria-checked', String(mode === s.mode));
      b.tabIndex = mode === s.mode ? 0 : -1;
    }
    this.selA.value = s.a;
    this.selB.value = s.b;
    this.selArticle.value = s.article;
    this.pairControls.hidden = s.mode !== 'pair';
    this.articleControls.hidden = s.mode !== 'article';
    this.entityNote.hidden = s.mode !== 'all';
    this.note.textContent = '';
    this.teardownSync?.();
    this.teardownSync = null;
    if (s.mode === 'pair') this.renderPair();
    else if (s.mode === 'article') this.renderArticle();
    else this.renderAll();
  }

  // ------------------------------------------------------------ pair

  renderPair() {
    const { ctx } = this;
    const { a, b } = this.state;
    const ps = ctx.passagesBetween(a, b);
    const ta = ctx.text(a);
    const tb = ctx.text(b);
    const paneA = this.pane(a, `${percent(ctx.pair(a, b)?.containment)} shared with ${b}`);
    const paneB = this.pane(b, `${percent(ctx.pair(b, a)?.containment)} shared with ${a}`);
    // each side's marks are made by its job's first step, a task of its own
    const jobA = annotateJob(paneA.querySelector('.cb-scroll'), ta, () => pairRanges(ps, a, b, 'left', ta));
    const jobB = annotateJob(paneB.querySelector('.cb-scroll'), tb, () => pairRanges(ps, a, b, 'right', tb));
    const legend = el('p', { className: 'cb-key' },
      el('span', { className: 'cb-shared', text: 'shared passage' }), ' (',
      el('span', { className: 'cb-passage-kind', text: 'verbatim' }), ' copied, ',
      el('span', { className: 'cb-passage-kind', text: 'paraphrase' }), ' reworded, ',
      el('span', { className: 'cb-passage-kind', text: 'summary' }), ' condensed) ',
      el('span', { className: 'cb-changed', text: 'substituted' }), ' ',
      el('span', { className: 'cb-old' }, el('s', { text: 'old' }), ' → '), 'new ',
      el('span', { className: 'cb-dropped', text: 'left out by the other' }), ' ',
      el('span', { className: 'cb-added', text: 'added' }), ' ',
      el('span', { className: 'cb-unique', text: 'only in this article' }));
    const panes = el('div', { className: 'cb-panes cb-panes-2' }, paneA, paneB);
    this.body.replaceChildren(legend, panes);
    const unlisted = ctx.pair(a, b)?.passages_listed === false;
    this.note.textContent = unlisted
      ? `${ctx.name(a)} and ${ctx.name(b)} share text, but in a set this large the report lists only the passages ` +
        'of the pairs that share the most; analyze these two articles alone to see theirs side by side.'
      : ps.length
        ? `${ctx.name(a)} and ${ctx.name(b)} share ${plural(ps.length, 'passage')} (${passageKinds(ps)}).`
        : `${ctx.name(a)} and ${ctx.name(b)} share no passage.`;
    this.fill([jobA, jobB]);
    this.setupSync(paneA.querySelector('.cb-scroll'), paneB.querySelector('.cb-scroll'), ps, jobA.blocks, jobB.blocks);
    // clicking a shared passage on one side brings its counterpart into view
    panes.addEventListener('click', (ev) => {
      const span = ev.target.closest?.('[data-keys]');
      if (!span) return;
      const key = span.dataset.keys.split(' ').find((k) => k.startsWith('p'));
      if (!key) return;
      const other = (paneA.contains(span) ? paneB : paneA).querySelector(`[data-start~="${key}"]`);
      if (other) {
        const mine = span.closest('.cb-scroll');
        const theirs = other.closest('.cb-scroll');
        const offset = span.getBoundingClientRect().top - mine.getBoundingClientRect().top;
        this.syncLock = { el: theirs, until: performance.now() + 200 };
        theirs.scrollTop += other.getBoundingClientRect().top - theirs.getBoundingClientRect().top - offset;
        flash(other);
      }
    });
  }

  /** An article's pane, with an empty text (annotateJob fills it). */
  pane(id, subtitle) {
    const a = this.ctx.byId.get(id);
    const headId = `${this.id}-h-${token(id)}`;
    return el('section', { className: 'cb-pane', dataset: { article: id }, 'aria-labelledby': headId },
      el('h4', { id: headId, className: 'cb-pane-head' },
        el('span', { className: 'cb-id', text: id }), ' ', el('span', { text: a?.label ?? id }),
        subtitle ? el('span', { className: 'cb-pane-sub', text: ` · ${subtitle}` }) : null),
      el('div', { className: 'cb-scroll cb-text', tabindex: '0', role: 'region', 'aria-label': `Text of ${this.ctx.name(id)}` }));
  }

  // Runs the panes' annotation jobs side by side: a first slice now, the
  // rest paced; sets `this.filled`. A newer render stops the older fill.
  fill(jobs) {
    const token = ++this.fillToken;
    const live = jobs.map((job) => ({ job, done: false }));
    // the panes share each slice; a pane that used it up (its first step
    // sorts its marks) leaves the others for the next slice
    const all = {
      step(deadline) {
        const left = live.filter((j) => !j.done);
        const share = Math.max(1, (deadline - performance.now()) / left.length);
        for (const j of left) {
          if (performance.now() > deadline) break;
          j.done = !j.job.step(Math.min(deadline, performance.now() + share));
        }
        return live.some((j) => !j.done);
      },
    };
    // long texts start in the next task: marking them up starts with sorting their marks
    const first = jobs.every((job) => job.size <= SYNC_UP_TO) ? performance.now() + FIRST_SLICE_MS : 0;
    if (!all.step(first)) {
      this.body.removeAttribute('aria-busy');
      this.filled = Promise.resolve(true);
      return;
    }
    this.body.setAttribute('aria-busy', 'true');
    this.filled = runSliced(all, { current: () => token === this.fillToken }).then((done) => {
      if (done) this.body.removeAttribute('aria-busy');
      return done;
    });
  }

  // Scrolling together: the two panes' scroll positions are mapped through
  // the shared passages' tops, measured once and again only when a pane's
  // size changed. A long text's passages are placed by their block (the
  // blocks off screen are not laid out: measuring an element inside one
  // would lay out all of them) and their share of its characters.
  setupSync(left, right, ps, blocksL, blocksR) {
    if (!left || !right) return;
    const tops = (scroller, blocks, offsets, keys) => {
      if (blocks.length) {
        return offsets.map((at) => {
          let lo = 0;
          let hi = blocks.length - 1;
          while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (blocks[mid].start <= at) lo = mid;
            else hi = mid - 1;
          }
          const b = blocks[lo];
          return b.node.offsetTop + ((at - b.start) / Math.max(1, b.end - b.start)) * b.node.offsetHeight;
        });
      }
      const first = new Map();
      for (const node of scroller.querySelectorAll('[data-start]')) {
        for (const k of node.dataset.start.split(' ')) if (!first.has(k)) first.set(k, node);
      }
      return keys.map((k) => first.get(k)?.offsetTop ?? -1);
    };
    let cache = null;
    const anchors = () => {
      const size = `${left.scrollHeight} ${left.clientWidth} ${right.scrollHeight} ${right.clientWidth}`;
      if (cache?.size === size) return cache.anchors;
      const keys = ps.map((p) => `p${p.index}`);
      const ly = tops(left, blocksL, ps.map((p) => p.a_start), keys);
      const ry = tops(right, blocksR, ps.map((p) => p.b_start), keys);
      const L = [0];
      const R = [0];
      ly.forEach((lx, i) => {
        const y = ry[i];
        if (lx > L[L.length - 1] && y > R[R.length - 1]) {
          L.push(lx);
          R.push(y);
        }
      });
      L.push(Math.max(L[L.length - 1] + 1, left.scrollHeight - left.clientHeight));
      R.push(Math.max(R[R.length - 1] + 1, right.scrollHeight - right.clientHeight));
      cache = { size, anchors: [L, R] };
      return cache.anchors;
    };
    const map = (from, to, s) => {
      let i = 0;
      while (i < from.length - 2 && from[i + 1] <= s) i++;
      const t = Math.min(1, Math.max(0, (s - from[i]) / (from[i + 1] - from[i] || 1)));
      return to[i] + t * (to[i + 1] - to[i]);
    };
    const handler = (src, dst) => () => {
      if (!this.state.sync) return;
      const now = performance.now();
      if (this.syncLock && this.syncLock.el === src && now < this.syncLock.until) return;
      const [L, R] = anchors();
      const target = src === left ? map(L, R, src.scrollTop) : map(R, L, src.scrollTop);
      this.syncLock = { el: dst, until: now + 120 };
      dst.scrollTop = target;
    };
    const onL = handler(left, right);
    const onR = handler(right, left);
    left.addEventListener('scroll', onL, { passive: true });
    right.addEventListener('scroll', onR, { passive: true });
    this.teardownSync = () => {
      left.removeEventListener('scroll', onL);
      right.removeEventListener('scroll', onR);
    };
  }

  // ------------------------------------------------------------ article

  renderArticle() {
    const { ctx } = this;
    const id = this.state.article;
    // indices, not copies: an article may have 100,000 findings
    const divs = ctx.prep().byArticle.get(id) || [];
    const ranges = () => divs.map((entry) => {
      const d = ctx.entry(entry);
      const info = kindInfo(d.kind);
      return {
        start: d.start, end: d.end, key: divergenceKey(d),
        cls: ['cb-div', `cb-group-${info.group}`, `cb-sev-${severityOf(d.severity)}`],
        title: `${info.icon} ${info.label} (${d.severity}): ${d.explanation}`,
        // the first stretch of each divergence carries its kind's icon
        onStart: (node) => {
          node.classList.add('cb-div-first');
          node.dataset.icon = info.icon;
        },
      };
    });
    const pane = this.pane(id, plural(divs.length, 'divergence'));
    const job = annotateJob(pane.querySelector('.cb-scroll'), ctx.text(id), ranges);
    const legend = el('p', { className: 'cb-key' },
      ...['fact', 'wording', 'unique', 'coverage', 'other'].map((g) =>
        el('span', { className: `cb-div cb-group-${g} cb-key-item`, dataset: { icon: { fact: '≠', wording: '✎', unique: '★', coverage: '◐', other: '•' }[g] } },
          { fact: 'facts', wording: 'wording', unique: 'unique', coverage: 'coverage', other: 'other' }[g])),
      ' Select a marked stretch for details.');
    this.body.replaceChildren(legend, el('div', { className: 'cb-panes cb-panes-1' }, pane));
    this.fill([job]);
    this.note.textContent = `${ctx.name(id)}: ${plural(divs.length, 'divergence')}.`;
    pane.addEventListener('click', (ev) => {
      const span = ev.target.closest?.('[data-keys]');
      if (!span) return;
      // the most specific divergence under the pointer: the shortest one
      // keys: `d<index>`, or `d<index>m<side>` for another side of a finding that carries several
      const found = span.dataset.keys.split(' ').map((x) => /^d(\d+)(?:m(\d+))?$/.exec(x)).filter(Boolean)
        .map(([, i, side]) => ctx.entry(side === undefined ? Number(i) : ctx.mirrorEntry(Number(i), Number(side))))
        .filter((d) => d && Number.isInteger(d.start));
      found.sort((x, y) => (x.end - x.start) - (y.end - y.start));
      if (found.length) this.note.replaceChildren(...describeDivergence(ctx, found[0]));
    });
  }

  describe(index) {
    const d = this.ctx.divergences[index];
    if (!d) return;
    this.note.replaceChildren(...describeDivergence(this.ctx, d));
  }

  /** Shows divergence `index` in its article and focuses it, once its text is drawn; resolves to whether it could. */
  async jumpTo(index) {
    const d = this.ctx.divergences[index];
    if (!d) return false;
    this.show({ mode: 'article', article: d.article });
    const token = this.fillToken;
    if (!(await this.filled) || token !== this.fillToken) return false;
    const target = this.body.querySelector(`[data-start~="d${index}"]`);
    if (!target) return false;
    const box = target.closest('.cb-scroll');
    for (const x of this.body.querySelectorAll('.cb-current')) x.classList.remove('cb-current');
    for (const x of this.body.querySelectorAll(`[data-keys~="d${index}"]`)) x.classList.add('cb-current');
    target.tabIndex = -1;
    this.root.scrollIntoView({ block: 'start' });
    scrollWithin(box, target);
    target.focus({ preventScroll: true });
    this.describe(index);
    flash(target);
    return true;
  }

  // ------------------------------------------------------------ all

  renderAll() {
    const { ctx } = this;
    const e = this.state.entity == null ? null : ctx.entities[this.state.entity];
    // the mentions of each article, in one pass (an entity may have 100,000)
    const byArticle = new Map();
    (e?.mentions || []).forEach((m, k) => {
      if (!byArticle.has(m.article)) byArticle.set(m.article, []);
      byArticle.get(m.article).push({ start: m.start, end: m.end, cls: 'cb-hit', key: `m${k}`, title: e.name });
    });
    const jobs = [];
    const panes = ctx.articles.map((a) => {
      const ranges = byArticle.get(a.id) || [];
      const n = e ? (e.counts?.[a.id] ?? ranges.length) : null;
      const pane = this.pane(a.id, e ? `${plural(n, 'mention')}` : null);
      const scroller = pane.querySelector('.cb-scroll');
      // the first mention is scrolled into view as soon as it is drawn
      const first = ranges.reduce((f, r) => (!f || r.start < f.start ? r : f), null);
      if (first) first.onStart = (node) => requestAnimationFrame(() => scrollWithin(scroller, node));
      jobs.push(annotateJob(scroller, ctx.text(a.id), ranges));
      return pane;
    });
    this.body.replaceChildren(el('div', { className: 'cb-panes cb-panes-all' }, ...panes));
    this.fill(jobs);
    if (e) {
      const parts = ctx.articles.map((a) => `${a.id} ${e.counts?.[a.id] ?? 0}`);
      const aliases = otherNames(e);
      this.entityNote.replaceChildren(...[
        el('span', { className: `cb-kind cb-kind-${token(e.kind)}`, text: e.kind }), ' ',
        el('strong', { text: e.name }),
        aliases.length ? el('span', { className: 'cb-aliases', text: ` (also ${aliases.join(', ')})` }) : null,
        ` — mentions: ${parts.join(', ')}`,
        ' ',
        el('button', { type: 'button', className: 'cb-small', onclick: () => this.show({ entity: null }) }, 'Clear highlight'),
      ].filter(Boolean));
      this.note.textContent = `${e.name}: ${plural(e.total ?? e.mentions?.length ?? 0, 'mention')} in ${listText(Object.keys(e.counts || {}).filter((k) => e.counts[k] > 0))}.`;
    } else {
      this.entityNote.replaceChildren(el('span', { className: 'cb-hint', text: 'Select an entity in the table below to mark its mentions in every article.' }));
    }
  }

  highlightEntity(index) {
    this.show({ mode: 'all', entity: index });
    this.root.scrollIntoView({ block: 'start' });
  }
}

// The marks of one side of a pair (`left`: article a's text, `right`: b's):
// shared passages, substitutions (the right side shows the old wording
// before the new), words one side leaves out or adds, and text only this
// side has.
function pairRanges(ps, a, b, side, text) {
  const out = [];
  const left = side === 'left';
  for (const p of ps) {
    const kind = p.kind || 'verbatim';
    const title = `Shared passage, ${kind}: ${plural(p.words ?? 0, 'word')}, ${percent(p.identity)} identical`;
    // the passage's kind, a label where it starts on each side
    const badge = () => el('span', {
      className: `cb-passage-kind cb-passage-kind-${token(kind)}`, title, dataset: { annotation: '', kind },
    }, el('span', { className: 'cb-visually-hidden', text: 'shared passage, ' }), kind);
    out.push({
      start: left ? p.a_start : p.b_start, end: left ? p.a_end : p.b_end,
      cls: ['cb-shared', `cb-shared-${token(kind)}`], key: `p${p.index}`, title, before: badge,
    });
    for (const e of p.edits || []) {
      if (e.kind === 'substitute') {
        if (left) {
          out.push({ start: e.a_start, end: e.a_end, cls: 'cb-changed', title: `${b} has “${e.b_text}”` });
        } else {
          out.push({
            start: e.b_start, end: e.b_end, cls: 'cb-changed', title: `${a} has “${e.a_text}”`,
            before: () => el('span', { className: 'cb-old', dataset: { annotation: '' } },
              el('span', { className: 'cb-visually-hidden', text: `${a} has: ` }),
              el('s', { text: e.a_text }),
              el('span', { className: 'cb-arrow', 'aria-hidden': 'true', text: ' → ' }),
              el('span', { className: 'cb-visually-hidden', text: `; ${b} has: ` })),
          });
        }
      } else if (e.kind === 'delete') {
        out.push(left
          ? { start: e.a_start, end: e.a_end, cls: 'cb-dropped', title: `${b} leaves this out` }
          : { start: e.b_start, end: e.b_start, before: () => caret(`${b} leaves out “${e.a_text}”`, '⁁') });
      } else if (e.kind === 'insert') {
        out.push(left
          ? { start: e.a_start, end: e.a_start, before: () => caret(`${b} adds “${e.b_text}”`, '⁁') }
          : { start: e.b_start, end: e.b_end, cls: 'cb-added', title: `${a} does not have this` });
      }
    }
  }
  const covered = ps.map((p) => (left ? { start: p.a_start, end: p.a_end } : { start: p.b_start, end: p.b_end }));
  for (const r of gaps(text, covered, 'cb-unique')) out.push(r);
  return out;
}

function caret(label, mark) {
  return el('span', { className: 'cb-caret', title: label, dataset: { annotation: '' } },
    el('span', { 'aria-hidden': 'true', text: mark }),
    el('span', { className: 'cb-visually-hidden', text: ` (${label}) ` }));
}

function flash(node) {
  node.classList.remove('cb-flash');
  void node.offsetWidth;
  node.classList.add('cb-flash');
}
