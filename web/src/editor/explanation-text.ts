/**
 * 说明 as a finance officer reads it: the rule pack is named once above (not on every line by its code), and a
 * formula's min(a, b) is said in words.
 */
export function explanationText(text: string): string {
  return text.replace(/；规则包 [^；]*。$/, '。').replace(/min\(([^,()]+),\s*([^()]+)\)/g, '$1 与 $2 中的较小者');
}
