/** Whether dist/ is a complete build of the current sources under `root` (the repository, ending in a slash). */
export function isBuildFresh(root: string): boolean;
