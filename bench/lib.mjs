// Shared helpers of the node benchmark harnesses.

/** Runs `f` `runs` times; returns the median time in ms and the last result. */
export function median(f, runs) {
  const times = [];
  let out;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    out = f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], out };
}
