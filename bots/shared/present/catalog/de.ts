import type { Catalog } from '../i18n.js';
export const de: Catalog = {} as Catalog;
