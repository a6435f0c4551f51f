/** Where the test server leaves this run's secrets for the fixtures (git-ignored data/). */
export function secretsFileFor(port: number | string): string {
  return `data/e2e-${port}.secrets.json`;
}
