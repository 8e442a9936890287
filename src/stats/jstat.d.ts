// The part of jstat (no bundled types) used by src/stats/distributions.ts.
declare module 'jstat' {
  interface Distribution {
    cdf(x: number, ...params: number[]): number;
    inv(p: number, ...params: number[]): number;
  }
  const jStat: { centralF: Distribution; chisquare: Distribution; normal: Distribution };
  export default jStat;
}
