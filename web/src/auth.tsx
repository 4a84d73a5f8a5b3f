// Who is logged in: loaded from /auth/me at start, dropped on logout or on any 401 (an expired session).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, request, setUnauthorizedHandler, type User } from './api';

interface AuthState {
  user: User | null;
  loading: boolean;
  /** set after a 401 on a page: the login page says the session ended */
  expired: boolean;
  refresh(): Promise<User | null>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** /auth/me may answer the user itself or {user}; both are accepted. */
export function unwrapUser(x: unknown): User | null {
  if (!x || typeof x !== 'object') return null;
  const o = x as { user?: User } & Partial<User>;
  if (o.user) return o.user;
  return o.username ? (o as User) : null;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);
  const [expired, setExpired] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const me = unwrapUser(await request<unknown>('GET', '/auth/me', undefined, true));
      setUser(me);
      if (me) setExpired(false);
      return me;
    } catch {
      setUser(null);
      return null;
    } finally {
      setLoading(false);
    }
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } catch {
      /* already logged out: nothing to undo */
    }
    setUser(null);
    window.location.hash = '';
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setUser((u) => {
        if (u) setExpired(true);
        return null;
      });
    });
    void refresh();
  }, [refresh]);

  const value = useMemo(() => ({ user, loading, expired, refresh, logout }), [user, loading, expired, refresh, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

export function displayName(u: User): string {
  return u.displayName ?? u.display_name ?? u.username;
}
