/**
 * Nodes this tab failed with `sim node fail` and has not recovered: the Node object says nothing
 * for the first 50 s (its Ready condition is only changed by node-lifecycle-controller after the
 * grace period), so the card needs this to offer Recover at once.
 */
import { create } from 'zustand';

interface FailedNodes {
  failed: Record<string, true>;
  mark(name: string, failed: boolean): void;
}

export const useFailedNodes = create<FailedNodes>((set) => ({
  failed: {},
  mark: (name, failed) =>
    set((s) => {
      if (Boolean(s.failed[name]) === failed) return s;
      const next = { ...s.failed };
      if (failed) next[name] = true;
      else delete next[name];
      return { failed: next };
    }),
}));
