import type { Prisma } from '../generated/sqlite/client.js';
/** The client inside an interactive transaction. */
export type TxClient = Prisma.TransactionClient;
