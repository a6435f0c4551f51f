// A layout's loader and its page's loader run for the same request in parallel, and both
// want to know who is signed in: they share one lookup (one query, at most one lastSeenAt
// write) instead of doing it twice.

/** `lookUp`, done at most once for each request and shared by everyone who asks during it. */
export function oncePerRequest<T>(lookUp: (request: Request) => Promise<T>): (request: Request) => Promise<T> {
  const lookups = new WeakMap<Request, Promise<T>>();
  return (request) => {
    let lookup = lookups.get(request);
    if (!lookup) {
      lookup = lookUp(request);
      lookups.set(request, lookup);
    }
    return lookup;
  };
}
