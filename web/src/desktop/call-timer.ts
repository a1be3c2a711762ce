import { useEffect, useState } from 'react';

/** Seconds since `since`, ticking once a second (the call timer of the softphone and the phone-line controls). */
export function useElapsed(since: string | null): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!since) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return since ? Math.max(0, Math.floor((now - Date.parse(since)) / 1000)) : 0;
}

/** 75 → "1:15". */
export const mmss = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
