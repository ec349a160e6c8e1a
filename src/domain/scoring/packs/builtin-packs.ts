import { rulePackSchema, type RulePack, type RulePackInput } from '../rule-pack.js';
import { GUIZHOU_PACK } from './guizhou.js';
import { HUBEI_PACK } from './hubei.js';
import { HUNAN_PACK } from './hunan.js';
import { NATIONAL_PACK } from './national.js';
import { SICHUAN_PACK } from './sichuan.js';

/** The default pack when a dataset names none. */
export const DEFAULT_PACK_NAME = 'national';

const SOURCES: readonly RulePackInput[] = [NATIONAL_PACK, HUNAN_PACK, GUIZHOU_PACK, HUBEI_PACK, SICHUAN_PACK];

/** 内置规则包, parsed through the same schema as a pack file, so a built-in pack is exactly what a file could say. */
export const BUILTIN_PACKS: ReadonlyMap<string, RulePack> = new Map(
  SOURCES.map((source) => {
    const pack = rulePackSchema.parse(source);
    return [pack.name, pack];
  }),
);

/** A built-in pack by name, or null. */
export function findBuiltinPack(name: string): RulePack | null {
  return BUILTIN_PACKS.get(name) ?? null;
}

/** The pack a dataset names (`rulePack`), or national; null when the name is not a built-in pack. */
export function packForDataset(rulePack: string | undefined): RulePack | null {
  return findBuiltinPack(rulePack ?? DEFAULT_PACK_NAME);
}

export function nationalPack(): RulePack {
  const pack = BUILTIN_PACKS.get(DEFAULT_PACK_NAME);
  if (pack === undefined) throw new Error('national pack missing');
  return pack;
}
