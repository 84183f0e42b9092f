/** Run a UI action's command line through the store (terminal path), tracking whether it is still running. */
import { useCallback, useState } from 'react';
import type { CommandResult } from '../../protocol/messages.ts';
import { useStore } from '../../store/index.ts';

export function useAction(): { run: (line: string) => Promise<CommandResult>; running: boolean } {
  const [running, setRunning] = useState(false);
  const run = useCallback(async (line: string) => {
    setRunning(true);
    try {
      return await useStore.getState().runAction(line);
    } finally {
      setRunning(false);
    }
  }, []);
  return { run, running };
}
