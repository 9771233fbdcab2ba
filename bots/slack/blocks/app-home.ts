import type { types } from '@slack/bolt';
import type { Message } from '../../shared/present/model.js';
import { renderBlocks } from '../render/index.js';
import { divider, type Block } from './kit.js';

export type HomeView = types.HomeView;

/** App Home from neutral messages: each drawn as blocks, a divider between them. */
export function homeView(messages: Message[]): HomeView {
  const blocks: Block[] = messages.flatMap((m, i) => [...(i ? [divider()] : []), ...renderBlocks(m)]);
  return { type: 'home', blocks: blocks.slice(0, 100) as types.HomeView['blocks'] };
}
