// What the page says about itself: its phase, the status line, the alert,
// the Analyze button, and the confirmation dialog.
//
// `document.body.dataset.state` (the phase) is one of
//   loading   – the analyzer is starting, Analyze is disabled
//   ready     – the analyzer is ready, nothing analyzed yet
//   analyzing – an analysis is running
//   done      – a report is shown
//   error     – the last action failed; the message is in the role=alert box

import { page, ui } from './state.js';

export function setPhase(phase) {
  document.body.dataset.state = phase;
  updateControls();
}

export function getPhase() {
  return document.body.dataset.state;
}

export function setStatus(text) {
  ui.status.textContent = text;
}

export function showAlert(message) {
  ui.alert.textContent = message;
  ui.alert.hidden = false;
}

export function clearAlert() {
  ui.alert.textContent = '';
  ui.alert.hidden = true;
}

/** Analyze waits for the analyzer, unless it failed to load (pressing Analyze then starts it again). */
export function updateControls() {
  const busy = getPhase() === 'analyzing';
  const analyzer = page.analyzer;
  ui.analyze.disabled = busy || (!analyzer?.ready && !analyzer?.failed);
  ui.analyze.setAttribute('aria-busy', busy ? 'true' : 'false');
}

/** Ends a message with a full stop unless it already ends a sentence. */
export function sentence(message) {
  const m = String(message).trim();
  return /[.!?…]$/.test(m) ? m : `${m}.`;
}

export function errorText(err) {
  return (err && err.message) || String(err);
}

/** Asks in the modal dialog; resolves to true for `ok`. Focus returns where it was. */
export function confirmDialog({ title, text, ok = 'OK' }) {
  const d = ui.confirm;
  ui.confirmTitle.textContent = title;
  ui.confirmText.textContent = text;
  ui.confirmOk.textContent = ok;
  const opener = document.activeElement;
  return new Promise((resolve) => {
    d.returnValue = '';
    d.addEventListener('close', () => {
      resolve(d.returnValue === 'ok');
      if (opener && opener.isConnected) opener.focus();
    }, { once: true });
    d.showModal();
    ui.confirmCancel.focus();
  });
}
