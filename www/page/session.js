// The articles and settings kept in this browser (IndexedDB through
// ../ui/store.js), saved a moment after each change.
// `document.body.dataset.saved` is "saved" once the inputs reached
// IndexedDB, "memory" when only memory kept them, "pending" while a save
// waits, "cleared" after Clear all.

import { loadSession, saveSession } from '../ui/store.js';
import { collectArticles } from './boxes.js';
import { page } from './state.js';

const SAVE_DELAY_MS = 250;

export function scheduleSave() {
  page.saveGeneration++;
  document.body.dataset.saved = 'pending';
  clearTimeout(page.timers.save);
  page.timers.save = setTimeout(saveNow, SAVE_DELAY_MS);
}

export async function saveNow() {
  clearTimeout(page.timers.save);
  const generation = page.saveGeneration;
  const ok = await saveSession({ version: 1, articles: collectArticles(), settings: { ...page.settings } });
  if (generation !== page.saveGeneration) return; // a newer change has its own save coming
  if (document.body.dataset.saved === 'pending') document.body.dataset.saved = ok ? 'saved' : 'memory';
}

/** The saved session as {articles, settings}, each article's fields checked, or null. */
export async function loadSaved() {
  let session = null;
  try {
    session = await loadSession();
  } catch {
    session = null;
  }
  if (!session || !Array.isArray(session.articles) || !session.articles.length) return null;
  return {
    settings: session.settings || {},
    articles: session.articles.map((a) => ({
      text: String(a?.text ?? ''), label: String(a?.label ?? ''), name: a?.name ? String(a.name) : '',
      warnings: Array.isArray(a?.warnings) ? a.warnings.map(String) : null,
    })),
  };
}
