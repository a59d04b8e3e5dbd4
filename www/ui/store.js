// Keeps the user's work in IndexedDB (database "corroborate", store "state",
// one record "session-2"): the articles (text, label, file name, reader
// warnings) in order, and the settings. Falls back to memory when IndexedDB
// is unavailable (private modes), so the page still works.
//
// Long texts are kept as Blobs (page/session.js), which a page from before
// them would read as "[object Blob]" and save back over the text: so they
// live under a key of their own. A session under the old key ("session",
// texts as strings) is read when there is no other, and removed by the
// first save.

const DB = 'corroborate';
const STORE = 'state';
const KEY = 'session-2';
const OLD_KEY = 'session';

let dbPromise = null;
let memory = null;

function open() {
  if (dbPromise) return dbPromise;
  dbPromise = new Promise((resolve) => {
    let req;
    try {
      req = indexedDB.open(DB, 1);
    } catch {
      resolve(null);
      return;
    }
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
  });
  return dbPromise;
}

function run(mode, fn) {
  return open().then((db) => new Promise((resolve, reject) => {
    if (!db) {
      resolve(undefined);
      return;
    }
    const tx = db.transaction(STORE, mode);
    const req = fn(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req?.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('the browser refused to save'));
  }));
}

/** The saved session or null. */
export async function loadSession() {
  try {
    const db = await open();
    if (!db) return memory;
    let value = await run('readonly', (s) => s.get(KEY));
    value ??= await run('readonly', (s) => s.get(OLD_KEY));
    return value && typeof value === 'object' ? value : null;
  } catch {
    return memory;
  }
}

/** Saves the session; resolves to true when it reached IndexedDB. */
export async function saveSession(session) {
  memory = session;
  try {
    const db = await open();
    if (!db) return false;
    await run('readwrite', (s) => {
      s.delete(OLD_KEY);
      return s.put(session, KEY);
    });
    return true;
  } catch {
    return false;
  }
}

export async function clearSession() {
  memory = null;
  try {
    await run('readwrite', (s) => {
      s.delete(OLD_KEY);
      return s.delete(KEY);
    });
  } catch {
    /* nothing saved */
  }
}
