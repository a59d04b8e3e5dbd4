// Giving the browser a turn. Long work on the main thread (drawing a large
// report, filling 200 dropped boxes, counting the words of megabytes) is cut
// into steps, and between two steps the page and the widget call the one
// helper here, so that input is answered (and, on request, a frame is laid
// out and painted) before the next step runs.

/**
 * Ends the current task and resumes in a new one, after the browser has
 * handled pending input. `afterPaint`: first wait for the next frame, so
 * that what the last steps added is laid out and painted on its own (a
 * hidden page draws no frames: then it only yields).
 */
export async function yieldToBrowser({ afterPaint = false } = {}) {
  if (afterPaint && !globalThis.document?.hidden) await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  // where scheduler.yield is missing: a message to ourselves is a new task, without setTimeout's clamping
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

// Pacing: steps run back to back until they have spent FRAME_BUDGET_MS since
// the last frame, then wait for the next frame, so the browser lays out (and
// paints) what they added before more is built. Without the wait, the steps
// of a 50-article report ran faster than frames and the browser laid out all
// of it in one 150–350 ms task.
const FRAME_BUDGET_MS = 16;

/** A function to call between two steps: yields, and waits for a frame once FRAME_BUDGET_MS passed since the last (or when `frame`). */
function pacer() {
  let lastFrame = performance.now();
  return async (frame = false) => {
    if (frame || performance.now() - lastFrame > FRAME_BUDGET_MS) {
      await yieldToBrowser({ afterPaint: true });
      lastFrame = performance.now();
    } else {
      await yieldToBrowser();
    }
  };
}

// Runs `steps` (functions) in order; a step may return a job ({step() → more
// to do?}) that is continued until done. `paced`: one step per task, and a
// frame per job step (each adds a batch of table rows: each gets its own
// layout); otherwise all in this task. Resolves to false as soon as
// `current()` turns false between steps (a newer drawing took over).
export async function runSteps(steps, { paced = false, current = () => true } = {}) {
  const pace = pacer();
  const between = (frame) => (paced ? pace(frame) : undefined);
  for (const [i, step] of steps.entries()) {
    if (i > 0) await between(false);
    if (!current()) return false;
    const job = step();
    while (job?.step?.()) {
      await between(true);
      if (!current()) return false;
    }
  }
  return true;
}

// Continues a job ({step(deadline) → more to do?}) in later tasks, a slice
// of `sliceMs` per task, until it is done (a text of megabytes annotated).
// Resolves to false as soon as `current()` turns false between slices.
export async function runSliced(job, { sliceMs = 10, current = () => true } = {}) {
  const pace = pacer();
  do {
    await pace();
    if (!current()) return false;
  } while (job.step(performance.now() + sliceMs));
  return true;
}
