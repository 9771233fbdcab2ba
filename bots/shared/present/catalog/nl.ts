import type { Catalog } from '../i18n.js';
export const nl: Catalog = {} as Catalog;
