/** Time helpers shared by the type files. Zero times were already nulled by the client's parser. */
export const seconds = (from: string | null | undefined, to: string | null | undefined): number | null => {
  if (!from || !to) return null;
  const delta = Date.parse(to) - Date.parse(from);
  return Number.isFinite(delta) ? Math.max(0, Math.round(delta / 1000)) : null;
};

export const nowIso = () => new Date().toISOString();
