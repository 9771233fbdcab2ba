import type { Catalog } from '../i18n.js';
export const pt: Catalog = {} as Catalog;
