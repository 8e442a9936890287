// PLACEHOLDER: benchmark section 'reference', owned by the helper building it; replaced before landing.
export async function run(): Promise<void> {
  console.log('(no benchmarks yet)');
}
