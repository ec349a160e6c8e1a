import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The CJK font Jixiao ships through npm (@expo-google-fonts/noto-sans-sc, SIL OFL): Noto Sans SC as TrueType,
 * one file per weight. PDFs embed (subsets of) it; chart PNGs draw their text with it. No system font is needed.
 */
const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));

export const NOTO_SANS_SC_REGULAR = join(packageDir, '400Regular', 'NotoSansSC_400Regular.ttf');
export const NOTO_SANS_SC_BOLD = join(packageDir, '700Bold', 'NotoSansSC_700Bold.ttf');
