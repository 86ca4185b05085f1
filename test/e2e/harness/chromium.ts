export * from '../../../scripts/lib/chromium.ts';
