import { useEffect, useState } from "preact/hooks";

/** Loads data for a view, again whenever its key changes; a failed load keeps its message. */
export function useLoad<T>(
  load: () => Promise<T>,
  key: unknown[],
): { data?: T; error?: string; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: Error) => live && setState({ error: error.message, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...key, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}
