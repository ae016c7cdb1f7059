import path from 'node:path';

/** The folder `npm start` keeps its data in across restarts, and where `npm run token` finds its key pair. */
export const localDataDir = (): string => path.resolve(process.env.CONVENE_DATA_DIR ?? '.local');
