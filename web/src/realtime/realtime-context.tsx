import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { RealtimeClient, type ConnectionState } from './realtime-client.js';

const RealtimeContext = createContext<RealtimeClient | null>(null);

/** Opens the one WebSocket for a logged-in user and closes it on logout. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [client] = useState(() => new RealtimeClient());
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): RealtimeClient {
  const client = useContext(RealtimeContext);
  if (!client) throw new Error('useRealtime outside RealtimeProvider');
  return client;
}

export function useConnectionState(): ConnectionState {
  const client = useRealtime();
  const [state, setState] = useState(client.state);
  useEffect(() => {
    setState(client.state);
    return client.onState(setState);
  }, [client]);
  return state;
}
