// Shared by the rule tests: the bundled index and a host's parts.
import { hostParts, type HostParts } from '../../../src/core/lookalike/host-parts.ts';
import { buildProtectedIndex } from '../../../src/core/lookalike/protected-index.ts';

export const index = buildProtectedIndex();

export function parts(host: string): HostParts {
  const p = hostParts(host);
  if (!p) throw new Error(`not a host: ${host}`);
  return p;
}
