/** The page's long tasks (over 50 ms) from now until `stop()`. */
export function watchLongTasks(): { stop: () => Promise<number> } {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) durations.push(e.duration);
  });
  observer.observe({ type: 'longtask' });
  return {
    /** The longest, in ms (0 if none), after a moment for the last entries to arrive. */
    stop: async () => {
      await new Promise((r) => setTimeout(r, 300));
      for (const e of observer.takeRecords()) durations.push(e.duration);
      observer.disconnect();
      return durations.reduce((m, d) => Math.max(m, d), 0);
    },
  };
}
