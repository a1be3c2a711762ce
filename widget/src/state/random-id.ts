/** A random hex id from the platform's CSPRNG; `bytes` 16 gives 32 characters. */
export function randomId(bytes = 16, source: Pick<Crypto, 'getRandomValues'> = crypto): string {
  const buffer = source.getRandomValues(new Uint8Array(bytes));
  return Array.from(buffer, (b) => b.toString(16).padStart(2, '0')).join('');
}
