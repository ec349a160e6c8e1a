/** Node's options for a running server; see server-flags.js. */
export const SERVER_NODE_FLAGS: readonly string[];
