import type { Catalog } from '../i18n.js';
export const es: Catalog = {} as Catalog;
