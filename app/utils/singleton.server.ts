// Keeps one instance per process even when a module is evaluated twice (the server
// entry loads app modules through tsx while the Remix build bundles its own copy).
export function singleton<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as { __madoguchiSingletons?: Map<string, unknown> };
  store.__madoguchiSingletons ??= new Map();
  if (!store.__madoguchiSingletons.has(name)) store.__madoguchiSingletons.set(name, create());
  return store.__madoguchiSingletons.get(name) as T;
}
