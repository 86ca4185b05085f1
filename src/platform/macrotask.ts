/** Yields the worker's thread until the next macrotask: events waiting meanwhile (lookups, messages) run first. */
export const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
