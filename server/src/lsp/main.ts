// Entry point of dist/server.js: the language server over --stdio, --node-ipc or --socket=N.
import { startServer } from './server';

startServer();
