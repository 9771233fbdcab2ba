/** The fingerprint of the sources `npm start` builds (see build-fingerprint.mjs). */
export function fingerprint(root: string): string;
