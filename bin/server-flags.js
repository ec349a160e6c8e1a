// Node's options for a running server (`npm start`, the systemd unit in docs/operations.md, and the benchmarks that
// start `jixiao serve`). They must be given to node itself: V8 sizes its heap before any of our code runs.
//
// --max-semi-space-size=4: the HTTP thread's young generation at most 3 × 4 MB instead of V8's 3 × 16 MB. Under a
// flood of requests the default grew it, and the garbage it promoted, until the server's peak RSS with 1,000
// departments was 321–329 MB in 3 of 7 runs of `npm run bench:overview` (goal < 300 MB); with the cap 208–252 MB in
// 6 of 6, at the same throughput (2,400–2,700 overviews a second, p99 8–12 ms, 1 December 11:28–11:30). The worker
// threads have their own limits (src/app/heavy/pool.ts).
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4'];
