// Path canonicalisation per the Safe Browsing document (never applied to the query).

/**
 * Resolves `/./` and `/../` (a `..` removes the preceding component, even an
 * empty one, as the WHATWG parser does), then collapses runs of slashes, in
 * the document's order. A trailing `.` or `..` leaves a trailing slash:
 * `/blah/..` -> `/`. Empty input -> `/`.
 */
export function canonicalPath(path: string): string {
  if (path.length === 0) return '/';
  if (path[0] === '/' && path.indexOf('//') < 0 && path.indexOf('/.') < 0) return path;
  const segments = path.split('/');
  const out: string[] = [];
  for (let i = 1; i < segments.length; i++) {
    const seg = segments[i]!;
    if (seg === '..') out.pop();
    else if (seg !== '.') out.push(seg);
  }
  const last = segments[segments.length - 1];
  const named = out.filter((seg) => seg.length > 0);
  if (named.length === 0) return '/';
  const trailingSlash = last === '' || last === '.' || last === '..';
  return '/' + named.join('/') + (trailingSlash ? '/' : '');
}
