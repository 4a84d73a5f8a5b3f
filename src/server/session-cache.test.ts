// The in-memory session store's own rules (session-cache.ts); the server on PostgreSQL with it is tested in
// test/api/session-cache.test.ts.
import { describe, expect, it } from 'vitest';
import { SessionCache, type FoundSession } from './session-cache.js';

const found = (id: string, userId: string): FoundSession =>
  ({
    session: { id, userId, createdAt: '', lastSeenAt: '', expiresAt: '', secondFactorOk: true },
    user: { id: userId },
  }) as unknown as FoundSession;

describe('SessionCache', () => {
  it('keeps nothing until it listens, and forgets everything when it stops listening', () => {
    const c = new SessionCache();
    c.put('s1', found('s1', 'u1'), c.generation());
    expect(c.get('s1')).toBeUndefined();
    c.setLive(true);
    c.put('s1', found('s1', 'u1'), c.generation());
    expect(c.get('s1')?.user.id).toBe('u1');
    c.setLive(false);
    expect(c.get('s1')).toBeUndefined();
    c.put('s1', found('s1', 'u1'), c.generation());
    expect(c.get('s1')).toBeUndefined();
  });

  it('forgets a session, every session of a user, or all, as the messages say', () => {
    const c = new SessionCache();
    c.setLive(true);
    const put = (s: string, u: string) => c.put(s, found(s, u), c.generation());
    put('s1', 'u1');
    put('s2', 'u1');
    put('s3', 'u2');
    c.message('s:s3');
    expect([c.get('s1'), c.get('s2'), c.get('s3')].map((f) => f?.session.id)).toEqual(['s1', 's2', undefined]);
    put('s3', 'u2');
    c.message('u:u1');
    expect([c.get('s1'), c.get('s2'), c.get('s3')].map((f) => f?.session.id)).toEqual([undefined, undefined, 's3']);
    c.message('*');
    expect(c.size).toBe(0);
    put('s3', 'u2');
    c.message('something else');
    expect(c.size).toBe(0);
  });

  it('does not keep a read that began before a change was announced (it may hold the session as it was)', () => {
    const c = new SessionCache();
    c.setLive(true);
    const before = c.generation();
    c.message('s:other'); // any change, even of another session, while the read was under way
    c.put('s1', found('s1', 'u1'), before);
    expect(c.get('s1')).toBeUndefined();
    c.put('s1', found('s1', 'u1'), c.generation());
    expect(c.get('s1')).toBeDefined();
    const during = c.generation();
    c.clear(); // this process's own commit
    c.put('s1', found('s1', 'u1'), during);
    expect(c.get('s1')).toBeUndefined();
  });

  it('forgets a session after 30 seconds whatever happens, and hands out what it keeps frozen', () => {
    let t = 1_000_000;
    const c = new SessionCache(() => t);
    c.setLive(true);
    c.put('s1', found('s1', 'u1'), c.generation());
    t += 30_000;
    const kept = c.get('s1')!;
    expect(Object.isFrozen(kept.user) && Object.isFrozen(kept.session)).toBe(true);
    t += 1;
    expect(c.get('s1')).toBeUndefined();
  });
});
