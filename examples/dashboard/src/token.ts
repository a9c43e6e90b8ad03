/** The caller's bearer token, kept in this browser only. Demo mode needs none. */
const KEY = 'hms-graph:token';

export function readToken(): string | null {
  try {
    return localStorage.getItem(KEY) || null;
  } catch {
    return null;
  }
}

export function writeToken(token: string): void {
  if (token.trim()) localStorage.setItem(KEY, token.trim());
  else localStorage.removeItem(KEY);
}
