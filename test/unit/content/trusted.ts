// happy-dom has no isTrusted; real user input is simulated by defining it.
export function trusted<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}
