/** Escapes `\`, `%` and `_` so user text matches literally inside a LIKE/ILIKE pattern (default escape character `\`). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
