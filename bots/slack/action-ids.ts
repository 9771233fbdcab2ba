/** Modal callback ids of the Slack app. Button ids are the shared intents (bots/shared/present/intents.ts). */
export const VIEWS = {
  book: 'book-modal',
  code: 'code-modal',
  move: 'move-modal',
  decline: 'decline-modal',
  staffCancel: 'staff-cancel-modal',
} as const;
