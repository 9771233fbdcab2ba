import type { Catalog } from '../i18n.js';
export const fr: Catalog = {} as Catalog;
