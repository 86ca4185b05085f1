export * from '../../../scripts/lib/demo-server.ts';
